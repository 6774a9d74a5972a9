import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The end-to-end test builds the app and drives Chromium; keep it from competing with the rest.
    fileParallelism: true,
    pool: 'forks',
  },
});
