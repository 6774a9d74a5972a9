// Lint rules that keep the layers honest. The engine (simulation/) stays pure: no UI or platform
// imports, no wall clock, no unseeded randomness. These are errors, not warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const PURE_IMPORT_MESSAGE =
  'simulation/ is the pure lab engine: it may import xstate, zod and its own files only (no React, Electron, zustand, React Flow, Node or DOM APIs).';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'scratch/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['simulation/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: PURE_IMPORT_MESSAGE },
            { name: 'react-dom', message: PURE_IMPORT_MESSAGE },
            { name: 'electron', message: PURE_IMPORT_MESSAGE },
            { name: 'zustand', message: PURE_IMPORT_MESSAGE },
            { name: 'fs', message: PURE_IMPORT_MESSAGE },
            { name: 'path', message: PURE_IMPORT_MESSAGE },
            { name: 'os', message: PURE_IMPORT_MESSAGE },
            { name: 'child_process', message: PURE_IMPORT_MESSAGE },
            { name: 'crypto', message: PURE_IMPORT_MESSAGE },
          ],
          patterns: [
            {
              group: [
                'react/*',
                'react-dom/*',
                'zustand/*',
                '@xyflow/*',
                'node:*',
                'electron/*',
                '@xstate/react',
              ],
              message: PURE_IMPORT_MESSAGE,
            },
            { regex: '^(?!\\.{1,2}/|xstate$|zod$)', message: PURE_IMPORT_MESSAGE },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use an XState delay on the lab clock, not the wall clock.' },
        { name: 'setInterval', message: 'Use an XState delay on the lab clock, not the wall clock.' },
        { name: 'setImmediate', message: 'Use an XState delay on the lab clock.' },
        { name: 'queueMicrotask', message: 'The lab runs synchronously on its own clock.' },
        { name: 'requestAnimationFrame', message: 'No DOM in the engine.' },
        { name: 'performance', message: 'No wall clock in the engine.' },
        { name: 'window', message: 'No DOM in the engine.' },
        { name: 'document', message: 'No DOM in the engine.' },
        { name: 'process', message: 'No Node APIs in the engine.' },
        { name: 'crypto', message: 'Use the seeded generator in core/random.ts.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Read lab time from the lab clock (env.now()), not the wall clock.',
        },
        { object: 'Math', property: 'random', message: 'Use the seeded generator in core/random.ts.' },
        { object: 'performance', property: 'now', message: 'No wall clock in the engine.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: '`new Date()` reads the wall clock; pass lab time.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: '`Date()` reads the wall clock; pass lab time.',
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to its host through the Platform interface only.',
            },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node APIs.' },
            {
              group: ['**/simulation/*'],
              message: 'The renderer uses the engine through its public entry (simulation/index.ts) only.',
            },
            {
              group: ['**/src-main/*', '!**/src-main/bridge'],
              message:
                'The renderer may import only the bridge contract (src-main/bridge.ts) from the main process, as types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-renderer/*'],
              message: 'main and renderer meet only through src-main/bridge.ts.',
            },
            {
              group: ['**/simulation/*'],
              message:
                'The main process uses the engine through its public entry (simulation/index.ts) only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'scripts/**/*.mjs',
      '*.config.*',
      'bench/**/*.ts',
      'test/**/*.{ts,tsx}',
      'cli/**/*.ts',
      'electron-builder.config.cjs',
      '.dependency-cruiser.cjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { sourceType: 'commonjs' },
  },
);
