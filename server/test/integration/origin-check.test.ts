import type { AddressInfo } from 'node:net';
import Fastify, { type InjectOptions, type LightMyRequestResponse } from 'fastify';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentHostInfo } from '../../src/modules/remote-access/host-info.js';
import { installErrorHandler } from '../../src/plugins/error-handler.js';
import { installOriginCheck } from '../../src/plugins/origin-check.js';
import { createTestApp, injectAs, OWNER, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * Cross-site request forgery (issue 14, item 5): a page that is not the shop's own (a sibling
 * subdomain of the tunnel's host, another port on the box, a foreign site) must not change anything
 * or open the live feed, even though SameSite=Lax lets the staff cookie ride along from the same
 * site. The shop here is reached as the tunnel would reach it: Host shop.example.com, over https
 * as the trusted proxy on the box says (X-Forwarded-Proto), and the owner configured another public
 * address, https://garage.example.net.
 */
const SHOP_HOST = 'shop.example.com';
const TUNNEL = { host: SHOP_HOST, 'x-forwarded-proto': 'https' };
const PUBLIC_BASE_URL = 'https://garage.example.net';
const REFUSED_TYPE = 'urn:ase:problem:cross-origin-refused';

type Verdict = 'allowed' | 'refused';
/** Origin header (undefined: none sent), and the verdict. */
const ORIGINS: [name: string, origin: string | undefined, verdict: Verdict][] = [
  ['the same host', `https://${SHOP_HOST}`, 'allowed'],
  ['a sibling subdomain', 'https://evil.example.com', 'refused'],
  ['another port on the same host', `https://${SHOP_HOST}:8443`, 'refused'],
  ['the same host over plain http', `http://${SHOP_HOST}`, 'refused'],
  ['a foreign site', 'https://attacker.test', 'refused'],
  ['the configured public address', PUBLIC_BASE_URL, 'allowed'],
  ['an opaque origin (null)', 'null', 'refused'],
  ['no Origin at all (curl, a webhook)', undefined, 'allowed'],
];

let t: TestApp;
let owner: { id: string; cookie: string };

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  const current = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/notification-settings' });
  const saved = await injectAs(t.app, owner.cookie, {
    method: 'PATCH',
    url: '/api/notification-settings',
    payload: { version: current.json<{ version: number }>().version, publicBaseUrl: PUBLIC_BASE_URL },
  });
  expect(saved.statusCode).toBe(200);
});
afterEach(async () => {
  await t.close();
});

function verdictOf(response: LightMyRequestResponse): Verdict {
  if (response.statusCode !== 403) return 'allowed';
  const body = response.json<{ type: string; detail: string }>();
  return body.type === REFUSED_TYPE ? 'refused' : 'allowed';
}

function withOrigin(origin: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return { ...TUNNEL, ...extra, ...(origin === undefined ? {} : { origin }) };
}

/** One state-changing request of each kind; `expected` is its status when let through. */
const ROUTE_CLASSES: [name: string, request: () => InjectOptions, expected: number][] = [
  [
    'a staff change (new customer, with the session cookie)',
    () => ({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie: owner.cookie },
      payload: { name: 'Ann Example' },
    }),
    201,
  ],
  [
    'signing out (the session cookie)',
    () => ({ method: 'POST', url: '/api/auth/logout', headers: { cookie: owner.cookie } }),
    204,
  ],
  [
    'sign-in (no cookie yet)',
    () => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: OWNER.email, password: OWNER.password },
    }),
    200,
  ],
  [
    "the customer's approval answer (public link)",
    () => ({
      method: 'POST',
      url: '/api/public/approvals/unknown-token-abcdefghijklmnopqrstuvwxyz',
      payload: {
        signerName: 'Ann Example',
        signature: `data:image/png;base64,${'A'.repeat(40)}`,
        decisions: [{ lineId: '01900000-0000-7000-8000-00000000abcd', decision: 'approved' }],
      },
    }),
    404,
  ],
];

describe.each(ROUTE_CLASSES)('%s', (_name, request, expected) => {
  it.each(ORIGINS)('from %s: %s', async (_origin, origin, verdict) => {
    const options = request();
    const response = await t.app.inject({
      ...options,
      headers: withOrigin(origin, options.headers as Record<string, string>),
    });
    expect(verdictOf(response), response.body).toBe(verdict);
    if (verdict === 'allowed') expect(response.statusCode, response.body).toBe(expected);
    else {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json<{ detail: string }>().detail).toMatch(/not this shop's own address/);
    }
  });
});

describe('the inbound SMS webhook (the provider sends no Origin)', () => {
  const sms = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/sms/inbound',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'From=%2B15550101&Body=STOP',
    });

  it('is not refused as cross-origin without an Origin, and is refused from a foreign page', async () => {
    // Whatever else the webhook checks (its signature), the origin check does not stand in its way.
    expect(verdictOf(await sms(withOrigin(undefined)))).toBe('allowed');
    expect(verdictOf(await sms(withOrigin('https://attacker.test')))).toBe('refused');
  });
});

describe('Sec-Fetch-Site, when a browser sent no Origin', () => {
  it.each([
    ['cross-site', 'refused'],
    ['same-site', 'refused'],
    ['same-origin', 'allowed'],
    ['none', 'allowed'],
  ] as const)('%s is %s', async (site, verdict) => {
    const response = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: '/api/settings',
      headers: withOrigin(undefined, { 'sec-fetch-site': site }),
      payload: { version: 1, shopName: 'Main Street Auto' },
    });
    expect(verdictOf(response), response.body).toBe(verdict);
    if (verdict === 'allowed') expect(response.statusCode, response.body).toBe(200);
  });
});

describe('on the shop network', () => {
  const change = (host: string, origin: string) =>
    injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: '/api/settings',
      headers: { host, origin },
      payload: { version: 1, shopName: 'Main Street Auto' },
    });

  it('allows the page the request was sent from and refuses another port on the same address', async () => {
    expect(verdictOf(await change('192.168.1.50:8080', 'http://192.168.1.50:8080'))).toBe('allowed');
    expect(verdictOf(await change('192.168.1.50:8080', 'http://192.168.1.50:9000'))).toBe('refused');
    expect(verdictOf(await change('[fd00::5]:8080', 'http://[FD00:0::5]:8080'))).toBe('allowed');
  });

  it("allows localhost and the box's own addresses on its HTTP port, not on another port", async () => {
    const port = t.config.port;
    // A proxy that rewrote Host: only the box's own origins on its own ports still pass.
    expect(verdictOf(await change('127.0.0.1:1', `http://localhost:${port}`))).toBe('allowed');
    expect(verdictOf(await change('127.0.0.1:1', `http://127.0.0.1:${port}`))).toBe('allowed');
    expect(verdictOf(await change('127.0.0.1:1', `http://localhost:${port + 1}`))).toBe('refused');
    for (const address of currentHostInfo().addresses.slice(0, 2)) {
      const name = address.includes(':') ? `[${address}]` : address;
      expect(verdictOf(await change('127.0.0.1:1', `http://${name}:${port}`))).toBe('allowed');
      expect(verdictOf(await change('127.0.0.1:1', `http://${name}:${port + 1}`))).toBe('refused');
    }
  });
});

it("allows the box's LAN addresses and host name on its HTTP and HTTPS ports only", async () => {
  // The plugin alone on a bare server, with the addresses a shop box would have.
  const app = Fastify();
  installErrorHandler(app);
  installOriginCheck(app, {
    publicBaseUrl: async () => null,
    httpPort: 8080,
    httpsPort: () => 8443,
    hostInfo: () => ({ hostname: 'shopbox', addresses: ['192.168.1.50', 'fd00::5'] }),
  });
  app.post('/change', async () => ({ changed: true }));
  try {
    const post = (origin: string) =>
      app.inject({ method: 'POST', url: '/change', headers: { host: 'proxy.internal', origin } });
    for (const origin of [
      'http://192.168.1.50:8080',
      'https://192.168.1.50:8443',
      'http://[fd00::5]:8080',
      'https://shopbox:8443',
      'http://localhost:8080',
    ]) {
      expect(verdictOf(await post(origin)), origin).toBe('allowed');
    }
    for (const origin of [
      'http://192.168.1.50:3000',
      'https://192.168.1.50:8080',
      'http://192.168.1.51:8080',
      'http://localhost:5173',
      'https://shopbox.evil.test:8443',
    ]) {
      expect(verdictOf(await post(origin)), origin).toBe('refused');
    }
  } finally {
    await app.close();
  }
});

it('refuses a foreign Origin on every state-changing route the app has, before anything else runs', async () => {
  // The class, not the instances: a route added later is covered without being listed here.
  const changing = t.app.registeredRoutes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
  expect(changing.length).toBeGreaterThan(50);
  const id = '01900000-0000-7000-8000-00000000abcd';
  for (const route of changing) {
    const url = route.url.replace(/:[A-Za-z]+/g, id).replace('*', 'x');
    const response = await injectAs(t.app, owner.cookie, {
      method: route.method,
      url,
      headers: withOrigin('https://evil.example.com'),
      payload: {},
    });
    expect(verdictOf(response), `${route.method} ${route.url}: ${response.body}`).toBe('refused');
  }
});

describe('WebSocket upgrades over a real socket (GET /ws)', () => {
  let base: string;
  beforeEach(async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });

  /** 'open' when the upgrade went through, else the HTTP status of the refusal. */
  function upgrade(headers: Record<string, string>, origin: string | undefined): Promise<'open' | number> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${base}/ws`, { headers, ...(origin === undefined ? {} : { origin }) });
      socket.once('open', () => {
        socket.close();
        resolve('open');
      });
      socket.once('unexpected-response', (request, response) => {
        request.destroy(); // ws leaves a refused request open when this listener exists
        resolve(response.statusCode ?? 0);
      });
      socket.once('error', reject);
    });
  }

  it.each(ORIGINS)('from %s: %s', async (_name, origin, verdict) => {
    const outcome = await upgrade({ ...TUNNEL, cookie: owner.cookie }, origin);
    expect(outcome).toBe(verdict === 'allowed' ? 'open' : 403);
  });

  it('refuses the page on another port of the box, which is the same site', async () => {
    const port = (t.app.server.address() as AddressInfo).port;
    expect(await upgrade({ cookie: owner.cookie }, `http://127.0.0.1:${port}`)).toBe('open');
    expect(await upgrade({ cookie: owner.cookie }, `http://127.0.0.1:${port + 1}`)).toBe(403);
    expect(await upgrade({ cookie: owner.cookie }, `http://localhost:${port + 1}`)).toBe(403);
  });
});
