import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import { createTestApp, injectAs, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * The headers a security review expects (issue 14, item 8), on every class of response: the pages
 * (staff app shell, the customer's approval page, the bay TV, any built HTML file), static assets,
 * staff and public API JSON, and error answers. The app serves a small build made here, shaped like
 * SvelteKit's adapter-static output (an inline bootstrap script in the SPA fallback).
 */
const SHELL_SCRIPT = `
  {
    __sveltekit_test = { base: "" };
    const element = document.currentScript.parentElement;
    Promise.all([import("/_app/immutable/entry/start.abc.js")]).then(([kit]) => kit.start(element));
  }
`;
const PRINT_SCRIPT = 'window.printReady = true;';
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

let uiDir: string;
let t: TestApp;
let cookie: string;
let repairOrderId: string;

beforeAll(async () => {
  uiDir = mkdtempSync(join(tmpdir(), 'ase-ui-'));
  mkdirSync(join(uiDir, '_app/immutable/entry'), { recursive: true });
  mkdirSync(join(uiDir, 'print'));
  writeFileSync(
    join(uiDir, '200.html'),
    `<!doctype html><html><head><title>ASE</title>
<link href="/_app/immutable/entry/start.abc.js" rel="modulepreload"></head>
<body><div style="display: contents"><script>${SHELL_SCRIPT}</script></div></body></html>`,
  );
  writeFileSync(
    join(uiDir, 'print/index.html'),
    `<!doctype html><html><body><script src="/_app/immutable/entry/start.abc.js"></script>` +
      `<script>${PRINT_SCRIPT}</script></body></html>`,
  );
  writeFileSync(join(uiDir, '_app/immutable/entry/start.abc.js'), 'export function start() {}\n');
  writeFileSync(join(uiDir, 'manifest.webmanifest'), '{"name":"ASE"}');

  t = await createTestApp({ uiDir });
  cookie = (await setupOwner(t.app)).cookie;
  const customerId = insertCustomer(t.database);
  const created = await injectAs(t.app, cookie, {
    method: 'POST',
    url: '/api/repair-orders',
    payload: { customerId, vehicleId: insertVehicle(t.database, customerId), concerns: ['Noise'] },
  });
  repairOrderId = created.json<{ id: string }>().id;
});
afterAll(async () => {
  await t.close();
  rmSync(uiDir, { recursive: true, force: true });
});

function expectEveryResponseHeaders(response: LightMyRequestResponse): void {
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBeDefined();
}

function directivesOf(response: LightMyRequestResponse): Map<string, string> {
  const policy = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => [part.split(' ')[0]!, part.slice(part.indexOf(' ') + 1)] as [string, string]),
  );
}

function expectPageHeaders(response: LightMyRequestResponse, inlineScripts: string[]): void {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  expectEveryResponseHeaders(response);
  expect(response.headers['referrer-policy']).toBe('same-origin');
  expect(response.headers['x-frame-options']).toBe('DENY');
  const csp = directivesOf(response);
  expect(csp.get('default-src')).toBe("'self'");
  expect(csp.get('frame-ancestors')).toBe("'none'");
  expect(csp.get('object-src')).toBe("'none'");
  expect(csp.get('base-uri')).toBe("'self'");
  expect(csp.get('img-src')).toBe("'self' data: blob:");
  expect(csp.get('connect-src')).toBe("'self' ws://shop.example.com wss://shop.example.com");
  // No 'unsafe-inline' (or eval) for scripts: only the build's own inline scripts, by hash.
  const scriptSources = csp.get('script-src')!.split(' ');
  expect(scriptSources[0]).toBe("'self'");
  expect(scriptSources).not.toContain("'unsafe-inline'");
  expect(scriptSources).not.toContain("'unsafe-eval'");
  for (const script of inlineScripts) expect(scriptSources).toContain(sha256(script));
}

const page = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'shop.example.com' } });

describe('pages', () => {
  it.each([
    ['the app shell', '/'],
    ['a staff screen (deep link)', '/board'],
    ["the customer's approval page", '/r/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde'],
    ['the bay TV', '/display?token=dt_abc'],
  ])('%s gets the shell with its Content-Security-Policy', async (_name, url) => {
    const response = await page(url);
    expectPageHeaders(response, [SHELL_SCRIPT]);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('__sveltekit_test');
  });

  it('every built HTML file, also fetched by its own name, is allowed its own inline script', async () => {
    expectPageHeaders(await page('/print/index.html'), [PRINT_SCRIPT]);
    expectPageHeaders(await page('/200.html'), [SHELL_SCRIPT]);
  });

  it('the precompressed shell carries the same policy', async () => {
    writeFileSync(join(uiDir, '200.html.gz'), 'not really gzip, only its presence matters');
    try {
      const response = await t.app.inject({
        method: 'GET',
        url: '/200.html',
        headers: { host: 'shop.example.com', 'accept-encoding': 'gzip' },
      });
      expect(response.headers['content-encoding']).toBe('gzip');
      expectPageHeaders(response, [SHELL_SCRIPT]);
    } finally {
      rmSync(join(uiDir, '200.html.gz'));
    }
  });

  it('a Host header that is not a plain host name never reaches the policy', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/board',
      headers: { host: "evil.test; script-src 'unsafe-inline'" },
    });
    const csp = directivesOf(response);
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('script-src')).not.toContain('unsafe-inline');
  });

  it('before the screens are built, the explanation page has a policy too', async () => {
    const bare = await createTestApp({ uiDir: join(uiDir, 'no-such-build') });
    try {
      const response = await bare.app.inject({
        method: 'GET',
        url: '/',
        headers: { host: 'shop.example.com' },
      });
      expectPageHeaders(response, []);
      expect(response.body).toContain('not built yet');
    } finally {
      await bare.close();
    }
  });
});

describe('static assets', () => {
  it.each([
    ['a hashed script', '/_app/immutable/entry/start.abc.js', 'public, max-age=31536000, immutable'],
    ['the web app manifest', '/manifest.webmanifest', 'no-cache'],
  ])('%s: nosniff, its own caching, no page policy', async (_name, url, cacheControl) => {
    const response = await page(url);
    expect(response.statusCode).toBe(200);
    expectEveryResponseHeaders(response);
    expect(response.headers['cache-control']).toBe(cacheControl);
    expect(response.headers['content-security-policy']).toBeUndefined();
  });
});

describe('API JSON', () => {
  it.each([
    ['staff: the customer list', () => '/api/customers'],
    ['staff: a repair order', () => `/api/repair-orders/${repairOrderId}`],
    ['staff: the job board', () => '/api/jobs'],
    ['staff: who am I', () => '/api/auth/me'],
  ])('%s is never stored by the browser', async (_name, url) => {
    const response = await injectAs(t.app, cookie, { method: 'GET', url: url() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expectEveryResponseHeaders(response);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toBeUndefined();
  });

  it('the board and a repair order still answer If-None-Match with 304 (no-store, ETag kept)', async () => {
    for (const url of ['/api/jobs', `/api/repair-orders/${repairOrderId}`]) {
      const first = await injectAs(t.app, cookie, { method: 'GET', url });
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^W\/"/);
      const again = await injectAs(t.app, cookie, { method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.headers['cache-control']).toBe('no-store');
      expectEveryResponseHeaders(again);
    }
  });

  it('an API file that sets no caching of its own (an invoice PDF) is not stored either', async () => {
    const jobId = (
      await injectAs(t.app, cookie, { method: 'GET', url: `/api/repair-orders/${repairOrderId}` })
    ).json<{
      jobs: { id: string }[];
    }>().jobs[0]!.id;
    const line = await injectAs(t.app, cookie, {
      method: 'POST',
      url: `/api/jobs/${jobId}/lines`,
      payload: { kind: 'fee', description: 'Diagnosis', quantity: 1, unitPriceCents: 5_000 },
    });
    const approved = await injectAs(t.app, cookie, {
      method: 'POST',
      url: `/api/repair-orders/${repairOrderId}/approvals`,
      payload: {
        method: 'in_person',
        approvedBy: 'Ann Example',
        decisions: [{ lineId: line.json<{ id: string }>().id, state: 'approved' }],
      },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    for (const status of ['In_Progress', 'Completed']) {
      const job = await injectAs(t.app, cookie, { method: 'GET', url: `/api/jobs/${jobId}` });
      const moved = await injectAs(t.app, cookie, {
        method: 'POST',
        url: `/api/jobs/${jobId}/status`,
        payload: { status, version: job.json<{ version: number }>().version },
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const invoice = await injectAs(t.app, cookie, {
      method: 'POST',
      url: '/api/invoices',
      payload: { repairOrderId },
    });
    expect(invoice.statusCode, invoice.body).toBe(201);
    const pdf = await injectAs(t.app, cookie, {
      method: 'GET',
      url: `/api/invoices/${invoice.json<{ id: string }>().id}/pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expectEveryResponseHeaders(pdf);
    expect(pdf.headers['cache-control']).toBe('no-store');
  });

  it('an inspection photo keeps its own long private caching, on its 304 too', async () => {
    const customerId = insertCustomer(t.database, { name: 'Pia Photo' });
    const ro = await injectAs(t.app, cookie, {
      method: 'POST',
      url: '/api/repair-orders',
      payload: { customerId, vehicleId: insertVehicle(t.database, customerId), concerns: ['Tires'] },
    });
    const inspection = await injectAs(t.app, cookie, {
      method: 'POST',
      url: `/api/repair-orders/${ro.json<{ id: string }>().id}/inspections`,
      payload: {},
    });
    expect(inspection.statusCode, inspection.body).toBe(201);
    const itemKey = 'tires.lf'; // an item of the default template
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#b91c1c' } })
      .jpeg()
      .toBuffer();
    const uploaded = await injectAs(t.app, cookie, {
      method: 'POST',
      url: `/api/inspections/${inspection.json<{ id: string }>().id}/media?itemKey=${encodeURIComponent(itemKey)}`,
      headers: { 'content-type': 'image/jpeg' },
      payload: photo,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const url = `/api/media/${uploaded.json<{ hash: string }>().hash}`;
    const served = await injectAs(t.app, cookie, { method: 'GET', url });
    expect(served.statusCode).toBe(200);
    expectEveryResponseHeaders(served);
    expect(served.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const again = await injectAs(t.app, cookie, {
      method: 'GET',
      url,
      headers: { 'if-none-match': String(served.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });

  it.each([
    ['health', '/api/health', 200],
    ["an unknown customer link's page", '/api/public/approvals/no-such-token', 404],
  ])('public: %s', async (_name, url, status) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/(problem\+)?json/);
    expectEveryResponseHeaders(response);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('error answers', () => {
  it.each([
    ['an unknown API route (404)', { method: 'GET' as const, url: '/api/no-such-thing' }, 404],
    ['signed out (401)', { method: 'GET' as const, url: '/api/customers' }, 401],
    [
      'a cross-origin change (403)',
      {
        method: 'POST' as const,
        url: '/api/customers',
        headers: { origin: 'https://attacker.test' },
        payload: { name: 'X' },
      },
      403,
    ],
    [
      'bad JSON (400)',
      {
        method: 'POST' as const,
        url: '/api/auth/login',
        payload: '{',
        headers: { 'content-type': 'application/json' },
      },
      400,
    ],
  ])('%s is problem+json with the same headers', async (_name, request, status) => {
    const response = await t.app.inject(request);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expectEveryResponseHeaders(response);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('a missing static file is a plain 404 with nosniff', async () => {
    const response = await page('/missing.js');
    expect(response.statusCode).toBe(404);
    expectEveryResponseHeaders(response);
  });
});
