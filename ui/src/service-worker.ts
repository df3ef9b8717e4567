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

// Staff notifications (web push): the server sends { title, body, url, tag }, encrypted.
sw.addEventListener('push', (event) => {
  let data: { title?: string; body?: string; url?: string; tag?: string } = {};
  try {
    data = (event.data?.json() ?? {}) as typeof data;
  } catch {
    data = { body: event.data?.text() ?? '' };
  }
  event.waitUntil(
    sw.registration.showNotification(data.title ?? 'ASE', {
      body: data.body ?? '',
      ...(data.tag ? { tag: data.tag } : {}),
      data: { url: data.url ?? '/' },
    }),
  );
});

// A click opens the page the notification is about (focusing an open tab of the app if any).
sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const raw = (event.notification.data as { url?: string } | null)?.url ?? '/';
  const target = new URL(raw, sw.location.origin);
  if (target.origin !== sw.location.origin) return;
  event.waitUntil(
    sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((w) => new URL(w.url).origin === sw.location.origin);
      if (open) {
        await open.focus();
        await open.navigate(target.href);
        return;
      }
      await sw.clients.openWindow(target.href);
    }),
  );
});
