import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The UI's logic modules import through SvelteKit's $lib alias.
    alias: {
      $lib: fileURLToPath(new URL('./ui/src/lib', import.meta.url)),
      $contracts: fileURLToPath(new URL('./server/contracts', import.meta.url)),
    },
  },
  test: {
    // Every part's tests: a test file added anywhere under devices/ or models/ runs without a
    // change here (and server/contracts' own, should it get some beside its files).
    include: [
      'server/test/**/*.test.ts',
      'server/contracts/**/*.test.ts',
      'ui/src/**/*.test.ts',
      'devices/**/*.test.ts',
      'models/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['server/test/helpers/global-setup.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
