// @ts-check
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The staff app is a single-page app: adapter-static writes plain files into ui/build, and the
 * ASE server serves them, answering every non-API path with the SPA shell (200.html).
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', precompress: true }),
    // The service worker is registered by the app itself, after the first screen is up.
    serviceWorker: { register: false },
    version: { pollInterval: 0 },
  },
};

export default config;
