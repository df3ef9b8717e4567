import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LanHttps } from '../../../src/modules/remote-access/lan-https.js';
import { LocalCertificates } from '../../../src/modules/remote-access/local-ca.js';
import { createTestApp, injectAs, OWNER, setupOwner, type TestApp } from '../../helpers/test-app.js';

let t: TestApp | undefined;
const blockers: Server[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const server of blockers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real TLS request to 127.0.0.1 trusting only `ca` (or Node's default roots when ca is undefined). */
function httpsRequest(
  port: number,
  options: { path: string; ca?: string; servername?: string; method?: string; json?: unknown },
): Promise<HttpsAnswer> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        ...(options.servername === undefined ? {} : { servername: options.servername }),
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        agent: false,
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

async function startHttps(app: TestApp): Promise<number> {
  const state = await app.app.lanHttps.listen('127.0.0.1', 0);
  expect(state.error).toBeNull();
  expect(state.listening).toBe(true);
  return state.boundPort!;
}

describe('HTTPS on the shop network', () => {
  it('serves the same app over TLS with a certificate that chains to the downloadable CA', async () => {
    t = await createTestApp();
    t.clock.set(new Date()); // the TLS client checks validity against the real time
    await setupOwner(t.app);
    const port = await startHttps(t);

    // The CA, fetched the way a tablet would: over plain HTTP, no sign-in.
    const caResponse = await t.app.inject({ method: 'GET', url: '/api/tls/ca.crt' });
    expect(caResponse.statusCode).toBe(200);
    expect(caResponse.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(caResponse.headers['content-disposition']).toBe('attachment; filename="ase-local-ca.crt"');
    const ca = caResponse.body;
    expect(ca).toBe(readFileSync(join(t.dataDir, 'tls', 'ca.crt'), 'utf8'));

    const health = await httpsRequest(port, { path: '/api/health', ca });
    expect(health.status).toBe(200);
    const byName = await httpsRequest(port, { path: '/api/health', ca, servername: 'localhost' });
    expect(byName.status).toBe(200);

    // Without the shop's CA as a trust anchor the same request is refused by the client.
    await expect(httpsRequest(port, { path: '/api/health' })).rejects.toThrow(
      /self[- ]signed|unable to verify|UNABLE_TO_GET_ISSUER|local issuer/i,
    );
    // A name the certificate does not carry is refused too.
    await expect(
      httpsRequest(port, { path: '/api/health', ca, servername: 'elsewhere.example' }),
    ).rejects.toThrow(/altnames|Hostname\/IP does not match/i);

    // Sign-in over HTTPS sets a Secure cookie (the socket is encrypted; no proxy involved).
    const login = await httpsRequest(port, {
      method: 'POST',
      path: '/api/auth/login',
      ca,
      json: { email: OWNER.email, password: OWNER.password },
    });
    expect(login.status).toBe(200);
    const cookies = [login.headers['set-cookie'] ?? []].flat();
    const session = cookies.find((c) => c.startsWith('ase_session='));
    expect(session).toMatch(/;\s*Secure/i);

    // The live-updates WebSocket works over wss:// too (upgrades are handed to the app).
    const token = /^ase_session=([^;]+)/.exec(session!)![1]!;
    const socket = new WebSocket(`wss://127.0.0.1:${port}/ws`, {
      ca,
      headers: { cookie: `ase_session=${token}` },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`upgrade refused: ${res.statusCode}`)),
      );
    });
    socket.close();
    await new Promise((resolve) => socket.once('close', resolve));

    // Closing the app closes the HTTPS server too.
    await t.close();
    t = undefined;
    await expect(httpsRequest(port, { path: '/api/health', ca })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('keeps the CA across a restart on the same data dir', async () => {
    t = await createTestApp();
    const first = await t.app.inject({ method: 'GET', url: '/api/tls/ca.crt' });
    const { buildApp } = await import('../../../src/app.js');
    const { pino } = await import('pino');
    await t.app.close(); // the server stops; the data dir stays
    const again = await buildApp({
      config: t.config,
      database: t.database,
      clock: t.clock,
      logger: pino({ level: 'silent' }),
    });
    try {
      const second = await again.inject({ method: 'GET', url: '/api/tls/ca.crt' });
      expect(second.body).toBe(first.body);
    } finally {
      await again.close();
    }
  });

  it('says why when the HTTPS port is taken, and HTTP keeps serving', async () => {
    t = await createTestApp();
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    const state = await t.app.lanHttps.listen('127.0.0.1', taken);
    expect(state.listening).toBe(false);
    expect(state.error).toBe(
      `Port ${taken} is already in use by another program; HTTPS is off until it is free.`,
    );
    const owner = await setupOwner(t.app);
    const status = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/remote-access' });
    expect(status.statusCode).toBe(200);
    expect(status.json().tls).toMatchObject({ listening: false, error: state.error });
  });

  it('offers the CA as an Apple profile, publicly', async () => {
    t = await createTestApp();
    const profile = await t.app.inject({ method: 'GET', url: '/api/tls/ca.mobileconfig' });
    expect(profile.statusCode).toBe(200);
    expect(profile.headers['content-type']).toBe('application/x-apple-aspen-config');
    expect(profile.body).toContain('com.apple.security.root');
  });
});

describe('certificate renewal while serving', () => {
  it('swaps in a reissued certificate for new connections when the box gets a new address', async () => {
    t = await createTestApp();
    t.clock.set(new Date());
    const host = { current: { hostname: 'shopbox', addresses: ['192.168.1.20'] } };
    const certificates = new LocalCertificates({
      dir: join(t.dataDir, 'tls-renewal'),
      clock: t.clock,
      shopName: async () => 'Renewal test',
      hostInfo: () => host.current,
    });
    const https = new LanHttps({ app: t.app, certificates, refreshMs: 0, log: t.app.log });
    try {
      const state = await https.listen('127.0.0.1', 0);
      const { caPem } = await certificates.ensure();
      const sansNow = () => peerAltNames(state.boundPort!, caPem);
      expect(await sansNow()).toContain('IP Address:192.168.1.20');
      expect(await https.refresh()).toBe(false); // nothing changed

      host.current = { hostname: 'shopbox', addresses: ['192.168.1.57'] };
      expect(await https.refresh()).toBe(true);
      const after = await sansNow();
      expect(after).toContain('IP Address:192.168.1.57');
      expect(after).not.toContain('192.168.1.20');
    } finally {
      await https.close();
    }
  });
});

/** The subjectAltName of the certificate the server presents now, on a fresh TLS connection. */
function peerAltNames(port: number, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => {
      const names = socket.getPeerCertificate().subjectaltname ?? '';
      socket.end();
      resolve(names);
    });
    socket.on('error', reject);
  });
}
