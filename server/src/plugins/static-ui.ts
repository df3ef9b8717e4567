import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appRoot } from '../lib/app-root.js';

/** Where `npm run build:ui` writes the staff app (ui/build, beside server/). */
export function defaultUiDir(): string {
  return join(appRoot(), 'ui', 'build');
}

/** The single-page app's shell: every screen's address answers with it, the app routes itself. */
const SHELL = '200.html';

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ASE</title></head>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>ASE is running, but its screens are not built yet</h1>
<p>Run <code>npm run build:ui</code> (or restart with <code>npm start</code>, which builds them), then reload.</p>
<p>The API answers at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/**
 * Serves the built staff app from the same process as the API: hashed assets cached for a year,
 * the shell and the service worker always revalidated, pre-compressed .br/.gz files when the
 * browser accepts them. Any GET for a page address (not /api, not a file) gets the shell.
 */
export async function installStaticUi(app: FastifyInstance, uiDir = defaultUiDir()): Promise<void> {
  const built = existsSync(`${uiDir}/${SHELL}`);
  // The pages' Content-Security-Policy (security-headers.ts) allows these inline scripts and no other.
  app.decorate('uiInlineScriptHashes', built ? inlineScriptHashesOfBuild(uiDir) : []);
  if (built) {
    await app.register(fastifyStatic, {
      root: uiDir,
      prefix: '/',
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        const immutable = path.includes('/_app/immutable/');
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  // Content-Security-Policy, X-Frame-Options, Referrer-Policy and nosniff: security-headers.ts.
  const sendShell = (reply: FastifyReply): FastifyReply => {
    void reply.header('cache-control', 'no-cache');
    if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    return reply.sendFile(SHELL);
  };
  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendShell(reply));
  app.decorate('sendUiShell', (request: FastifyRequest, reply: FastifyReply) =>
    isPageRequest(request) ? sendShell(reply) : null,
  );
}

/**
 * `'sha256-…'` of every inline <script> (one without src) in the build's HTML files: SvelteKit's
 * adapter-static writes its bootstrap inline into the SPA fallback, and its text (an app-specific
 * global name, the entry chunks' hashed names) changes with every build, so it is hashed from the
 * files being served rather than written down anywhere.
 */
export function inlineScriptHashesOfBuild(uiDir: string): string[] {
  const hashes = new Set<string>();
  const files = readdirSync(uiDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  for (const file of files) {
    for (const hash of inlineScriptHashes(readFileSync(join(uiDir, file), 'utf8'))) hashes.add(hash);
  }
  return [...hashes].sort();
}

/** The CSP hash sources of one HTML document's inline scripts, over their exact text. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.push(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return hashes;
}

/** A browser asking for a screen of the app, not for the API or a missing file. */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path === '/api' || path === '/ws') return false;
  if (/\.[a-z0-9]+$/i.test(path)) return false; // a missing asset is a plain 404
  return true;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers a page address with the app shell; null when the request is not for a page. */
    sendUiShell(request: FastifyRequest, reply: FastifyReply): FastifyReply | null;
  }
}
