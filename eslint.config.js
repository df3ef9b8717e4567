// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'server/dist/',
      'data/',
      'coverage/',
      'test-results/',
      'ui/build/',
      'ui/.svelte-kit*/',
      // .svelte files are checked by svelte-check (types and a11y) and Prettier
      '**/*.svelte',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits is a silent failure waiting to happen in a long-running appliance.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Every status machine and role switch must name every case.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `x == null` is the one loose comparison allowed: it reads "null or undefined".
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Fastify plugins and hooks are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
    },
  },
  {
    // Plain JS scripts and the service worker (webworker types, from SvelteKit's build) skip typed rules.
    files: ['**/*.js', '**/*.mjs', 'ui/src/service-worker.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['ui/scripts/**/*.mjs', 'ui/svelte.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright fixtures declare "no dependencies" with an empty pattern: `async ({}, use) => …`.
    files: ['ui/e2e/**'],
    rules: { 'no-empty-pattern': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Test and benchmark code may log to the console and read untyped JSON responses.
    files: ['server/test/**', 'server/bench/**', 'ui/e2e/**', 'ui/scripts/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  prettier,
);
