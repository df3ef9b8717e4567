/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

/**
 * Caches the app shell (the built JS/CSS and static files) so a tablet opens the app even while
 * the server is restarting or the Wi-Fi is down. API calls and /ws are never cached: stale shop
 * data would be worse than the offline banner.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `ase-shell-${version}`;
const SHELL = [...build, ...files, '/200.html'];

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || url.pathname.startsWith('/api/') || url.pathname === '/ws') return;

  // Page navigations: network first (new deploys show at once), the cached shell when offline.
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match('/200.html')) ?? Response.error()),
    );
    return;
  }
  // Built assets have hashed names: cache first.
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});
