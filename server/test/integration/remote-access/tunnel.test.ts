import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../../helpers/test-app.js';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const TUNNEL_ID = '5e7c2a10-3b4d-4c5e-8f90-a1b2c3d4e5f6';
const SECRET = Buffer.alloc(32, 7).toString('base64');
/** The shape cloudflared's dashboard hands out: base64 of {"a","t","s"}. */
const TOKEN = Buffer.from(JSON.stringify({ a: ACCOUNT, t: TUNNEL_ID, s: SECRET })).toString('base64');

let t: TestApp | undefined;
let metrics: Server | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  if (metrics) {
    metrics.closeAllConnections();
    await new Promise((resolve) => metrics!.close(resolve));
  }
  metrics = undefined;
});

/**
 * Stands in for cloudflared's metrics server (the binary is not available here): /ready answers
 * like cloudflared's, 200 with connections and 503 without. `ready.value` flips it.
 */
async function fakeCloudflaredMetrics(): Promise<{ address: string; ready: { value: boolean } }> {
  const ready = { value: false };
  metrics = createServer((req, res) => {
    if (req.url !== '/ready') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(ready.value ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ready.value ? 200 : 503, readyConnections: ready.value ? 4 : 0 }));
  });
  await new Promise<void>((resolve) => metrics!.listen(0, '127.0.0.1', resolve));
  return { address: `127.0.0.1:${(metrics.address() as AddressInfo).port}`, ready };
}

/** A port nothing listens on: bind, note, close. */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return `127.0.0.1:${port}`;
}

async function ownerApp(overrides: Parameters<typeof createTestApp>[0] = {}) {
  t = await createTestApp(overrides);
  const owner = await setupOwner(t.app);
  const as = (method: 'GET' | 'PUT' | 'DELETE', payload?: Record<string, unknown>) =>
    injectAs(t!.app, owner.cookie, {
      method,
      url: method === 'GET' ? '/api/remote-access' : '/api/remote-access/tunnel',
      ...(payload === undefined ? {} : { payload }),
    });
  return { owner, as };
}

describe('the cloudflared tunnel token', () => {
  it('refuses text that is not a tunnel token, naming the field', async () => {
    const { as } = await ownerApp({ tunnelMetricsAddress: await deadAddress() });
    const missingSecret = Buffer.from(JSON.stringify({ a: ACCOUNT, t: TUNNEL_ID })).toString('base64');
    const badTunnelId = Buffer.from(JSON.stringify({ a: ACCOUNT, t: 'nope', s: SECRET })).toString('base64');
    for (const token of ['hello', 'x'.repeat(60), missingSecret, badTunnelId, `${TOKEN.slice(0, 30)}!!`]) {
      const response = await as('PUT', { token });
      expect(response.statusCode, token).toBe(400);
      const problem = problemOf(response);
      expect(problem.errors?.[0]?.path).toBe('token');
      expect(problem.errors?.[0]?.message).toMatch(/Cloudflare tunnel token/);
    }
    expect((await as('PUT', {})).statusCode).toBe(400);
    expect(existsSync(join(t!.dataDir, 'tunnel', 'cloudflared.env'))).toBe(false);
  });

  it('saves the token for the tunnel unit (0600 in a 0700 dir), audited without the secret', async () => {
    const { as } = await ownerApp({ tunnelMetricsAddress: await deadAddress() });
    const before = await as('GET');
    expect(before.statusCode).toBe(200);
    expect(before.json().tunnel).toMatchObject({
      configured: false,
      state: 'not configured',
      tunnelId: null,
    });

    // Pasted as the whole command the dashboard shows: the token is taken out of it.
    const saved = await as('PUT', { token: `  sudo cloudflared service install ${TOKEN}\n` });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().tunnel).toMatchObject({ configured: true, tunnelId: TUNNEL_ID, state: 'connecting' });
    expect(JSON.stringify(saved.json())).not.toContain(SECRET);

    const dir = join(t!.dataDir, 'tunnel');
    const file = join(dir, 'cloudflared.env');
    expect(readFileSync(file, 'utf8')).toBe(`TUNNEL_TOKEN=${TOKEN}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);

    const audit = await t!.database.kysely
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('entity_type', '=', 'remote_access')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['remote_access.tunnel.configured']);
    expect(JSON.parse(audit[0]!.data)).toEqual({ tunnelId: TUNNEL_ID });
    const everything = JSON.stringify(await t!.database.kysely.selectFrom('audit_log').selectAll().execute());
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(SECRET);

    // cloudflared never came up: after the restart grace it is "unreachable", with what to check.
    t!.clock.advance(61_000);
    const later = (await as('GET')).json().tunnel;
    expect(later.state).toBe('unreachable');
    expect(later.detail).toMatch(/ase-tunnel service running/);

    const replaced = await as('PUT', { token: TOKEN });
    expect(replaced.statusCode).toBe(200);
    const removed = await as('DELETE');
    expect(removed.statusCode).toBe(200);
    expect(removed.json().tunnel).toMatchObject({ configured: false, state: 'not configured' });
    expect(existsSync(file)).toBe(false);
    expect((await as('DELETE')).statusCode).toBe(200); // nothing to remove: still fine, not audited
    const actions = await t!.database.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'remote_access')
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(actions.map((entry) => entry.action)).toEqual([
      'remote_access.tunnel.configured',
      'remote_access.tunnel.replaced',
      'remote_access.tunnel.removed',
    ]);
  });

  it("follows cloudflared's /ready: connecting without connections, connected with them", async () => {
    const cloudflared = await fakeCloudflaredMetrics();
    const { as } = await ownerApp({ tunnelMetricsAddress: cloudflared.address });
    await as('PUT', { token: TOKEN });
    t!.clock.advance(120_000); // well past the restart grace: what cloudflared says is what counts
    const waiting = (await as('GET')).json().tunnel;
    expect(waiting.state).toBe('connecting');
    expect(waiting.detail).toMatch(/no connection to Cloudflare yet/);
    cloudflared.ready.value = true;
    const up = (await as('GET')).json().tunnel;
    expect(up).toMatchObject({ state: 'connected', detail: null, metricsAddress: cloudflared.address });
    expect(up.checkedAt).toBe(t!.clock.now().toISOString());
  });

  it('shows the public base URL set in the Messages settings, and is the owner’s alone', async () => {
    const { owner, as } = await ownerApp({ tunnelMetricsAddress: await deadAddress() });
    expect((await as('GET')).json().publicBaseUrl).toBeNull();
    const settings = await injectAs(t!.app, owner.cookie, {
      method: 'GET',
      url: '/api/notification-settings',
    });
    const patched = await injectAs(t!.app, owner.cookie, {
      method: 'PATCH',
      url: '/api/notification-settings',
      payload: { version: settings.json().version, publicBaseUrl: 'https://shop.example.com' },
    });
    expect(patched.statusCode).toBe(200);
    expect((await as('GET')).json().publicBaseUrl).toBe('https://shop.example.com');

    const advisor = await loginAs(t!.app, await createStaff(t!.app, owner.cookie, 'advisor'));
    for (const [method, url] of [
      ['GET', '/api/remote-access'],
      ['PUT', '/api/remote-access/tunnel'],
      ['DELETE', '/api/remote-access/tunnel'],
    ] as const) {
      const response = await injectAs(t!.app, advisor, { method, url, payload: { token: TOKEN } });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(existsSync(join(t!.dataDir, 'tunnel', 'cloudflared.env'))).toBe(false);
  });
});
