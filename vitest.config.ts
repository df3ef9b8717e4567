import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The UI's logic modules import through SvelteKit's $lib alias.
    alias: {
      $lib: fileURLToPath(new URL('./ui/src/lib', import.meta.url)),
      $contracts: fileURLToPath(new URL('./server/src/contracts', import.meta.url)),
    },
  },
  test: {
    include: ['server/test/**/*.test.ts', 'ui/src/**/*.test.ts'],
    globalSetup: ['server/test/helpers/global-setup.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
