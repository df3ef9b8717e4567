import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/** `npm run dev`: Vite serves the UI with hot reload and proxies the API and /ws to the ASE server. */
const serverUrl = process.env.ASE_DEV_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    port: 5173,
    proxy: {
      '/api': serverUrl,
      '/ws': { target: serverUrl.replace(/^http/, 'ws'), ws: true },
    },
  },
  ssr: {
    // The build's prerender step runs SvelteKit's server bundle from ui/.svelte-kit, where a bare
    // "cookie" would resolve to the root's cookie@2 (fastify's); SvelteKit needs its own 0.6.
    noExternal: ['cookie', 'set-cookie-parser'],
  },
  build: {
    // The build prints each chunk's gzip size; the budget check reads the same files.
    reportCompressedSize: true,
  },
});
