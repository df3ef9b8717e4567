import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * `'sha256-…'` sources of every inline <script> in the built app's HTML files (static-ui.ts
     * computes them when it loads the build); the pages' Content-Security-Policy allows exactly these.
     */
    uiInlineScriptHashes: readonly string[];
  }
}

/** A Host header that can go into a CSP source as is: a name or address with an optional port. */
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The policy for every HTML page the server sends (the app shell: staff screens, the customer's
 * approval page /r/<token>, the bay TV /display). No inline script but the build's own bootstrap
 * (by hash), nothing framed, no plugins, no foreign base URL or form target.
 *
 * connect-src names ws:/wss: of this host explicitly: older Safari (tablets) does not count
 * WebSocket URLs as 'self'.
 *
 * style-src has 'unsafe-inline': SvelteKit wraps the app in `<div style="display: contents">` and
 * Svelte writes style attributes (the calendar's positions, `style:` directives) with setAttribute,
 * which a policy without it refuses. Inline style cannot run code; script stays hash-only.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[], host: string | undefined): string {
  const sockets = host !== undefined && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((hash) => ` '${hash}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function isJson(contentType: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType);
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function headerText(reply: FastifyReply, name: string): string {
  const value = reply.getHeader(name);
  return value === undefined ? '' : String(value);
}

/**
 * Headers every response carries, set in one place just before sending (so error responses,
 * 404s and static files get them too):
 * - `X-Content-Type-Options: nosniff` everywhere: a JSON body or an upload is never run as script.
 * - `Referrer-Policy: same-origin`: the customer's approval address carries its token and must not
 *   reach another site. Not `no-referrer`: with it, browsers send `Origin: null` on the page's own
 *   POSTs, which the origin check (origin-check.ts) must refuse.
 * - `Cache-Control: no-store` on every JSON answer of the API, and on any other API answer that
 *   chose no caching of its own (an invoice PDF): staff screens show customers' names, phones and
 *   cars on shared tablets, and nothing of that may stay in a browser's cache after sign-out. This
 *   replaces the `no-cache` the board and repair-order reads send with their ETag: the server still
 *   answers `If-None-Match` with 304, but a browser that stores nothing sends none. Files that set
 *   their own caching (inspection photos: immutable, private) keep it.
 * - A Content-Security-Policy on HTML pages that have none of their own (the API docs bring theirs).
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('referrer-policy')) void reply.header('referrer-policy', 'same-origin');
    const contentType = headerText(reply, 'content-type');
    // A file that chose to be kept (a photo: private, immutable) keeps that, on its 304 too.
    const cacheControl = headerText(reply, 'cache-control');
    const keptByChoice = cacheControl !== '' && !/no-cache/i.test(cacheControl) && !isJson(contentType);
    if (isApiPath(request.url) && !keptByChoice) {
      void reply.header('cache-control', 'no-store');
    }
    if (/^text\/html\b/i.test(contentType) && !reply.hasHeader('content-security-policy')) {
      const hashes = app.hasDecorator('uiInlineScriptHashes') ? app.uiInlineScriptHashes : [];
      void reply.header('content-security-policy', contentSecurityPolicy(hashes, request.host));
      void reply.header('x-frame-options', 'DENY');
    }
    return payload;
  });
}
