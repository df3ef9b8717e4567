// @ts-check
import { basename } from 'node:path';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The staff app is a single-page app: adapter-static writes plain files into ui/build, and the
 * ASE server serves them, answering every non-API path with the SPA shell (200.html).
 */
// ASE_UI_DIR builds elsewhere (the server serves the same dir when it has the same variable), so
// several checkouts or test runs can build side by side without overwriting each other.
const buildDir = process.env.ASE_UI_DIR || 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: buildDir, assets: buildDir, fallback: '200.html', precompress: true }),
    // Its work dir stays inside ui/ so the build's server step still finds node_modules.
    ...(process.env.ASE_UI_DIR ? { outDir: `.svelte-kit-${basename(buildDir)}` } : {}),
    // The service worker is registered by the app itself, after the first screen is up.
    serviceWorker: { register: false },
    version: { pollInterval: 0 },
    // What server and UI must agree on, written once (no Node or DOM imports): the UI imports it
    // as $contracts/..., never by a path into server/.
    alias: { $contracts: '../server/contracts' },
  },
};

export default config;
