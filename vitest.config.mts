import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          environment: 'node',
        },
      },
      {
        // The end-to-end files share one build and one static server (globalSetup) and run one
        // at a time, so they do not compete with each other for the machine.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/globalSetup.ts'],
          fileParallelism: false,
          // expect.poll waits on a real browser here: a UI update after a click, a console's answer,
          // a saved session. Vitest's default budget (1 s, made for unit tests) is short for that on a
          // loaded CI machine (or `npm run test:e2e:slow`); Playwright's own waits default to 5-30 s.
          // A poll that passes returns at once: only a failing one waits this long.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
