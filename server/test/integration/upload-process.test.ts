import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seededRng } from '../helpers/crash-load.js';
import { CrashServer, freePort, raceTimeout, ROOT } from '../helpers/crash-server.js';
import { removeServerBundle } from '../helpers/server-bundle.js';
import { abortedUpload, expectNoTempFiles, mp4Bytes, randomAbort } from '../helpers/aborted-upload.js';

/**
 * The real server process (server/src/main.ts, as systemd runs it) under dropped uploads, and the
 * process-level containment of errors that escape a request (server/src/lib/request-faults.ts).
 */

const dirs: string[] = [];
const servers: CrashServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(() => removeServerBundle());

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Owner set up and signed in, an inspection started: its upload path and the owner's cookie. */
async function inspectionOn(base: string): Promise<{ path: string; cookie: string }> {
  const headers = { 'content-type': 'application/json' };
  const owner = { name: 'Olga Owner', email: 'olga@example.com', password: 'correct horse 1' };
  await json(await fetch(`${base}/api/setup`, { method: 'POST', headers, body: JSON.stringify(owner) }));
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: owner.email, password: owner.password }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const post = async <T>(path: string, body: object) =>
    json<T>(
      await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body: JSON.stringify(body),
      }),
    );
  const customer = await post<{ id: string }>('/api/customers', { name: 'Ann Example' });
  const vehicle = await post<{ id: string }>('/api/vehicles', {
    customerId: customer.id,
    make: 'Honda',
    model: 'Civic',
    year: 2018,
  });
  const ro = await post<{ id: string }>('/api/repair-orders', {
    customerId: customer.id,
    vehicleId: vehicle.id,
    concerns: ['Inspection'],
  });
  const inspection = await post<{ id: string }>(`/api/repair-orders/${ro.id}/inspections`, {});
  return { path: `/api/inspections/${inspection.id}/media`, cookie };
}

describe('the server process under dropped uploads', () => {
  it('is still running and answering after many uploads cut off midway', async () => {
    const dataDir = tempDir('ase-upload-proc-');
    const port = await freePort();
    const server = new CrashServer({ dataDir, port, httpsPort: await freePort() });
    servers.push(server);
    await server.start();
    const { path, cookie } = await inspectionOn(server.baseUrl);

    const seed = 0xd20f;
    const rng = seededRng(seed);
    for (let round = 0; round < 10 && server.running; round++)
      // A refused connection means the server is gone: the assertion below says so, with its log.
      await Promise.all(
        Array.from({ length: 4 }, () => abortedUpload(randomAbort(rng, { port, path, cookie }), rng)),
      ).catch(() => undefined);

    expect(server.running, `seed ${seed}\n${server.log}`).toBe(true);
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    const whole = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'video/mp4' },
      body: mp4Bytes(300_000),
    });
    expect(whole.status, await whole.clone().text()).toBe(201);
    await expectNoTempFiles(dataDir);
    expect(server.log).not.toContain('stopping after an unexpected error');
    expect(await server.stop()).toBe(0);
  });
});

/** A package's entry file, so the script below (written to a temp folder) finds the project's copy. */
function packagePath(name: string): string {
  return createRequire(import.meta.url).resolve(name);
}

/**
 * A small server built like main.ts (close-with-grace, the central error handler, the containment)
 * with routes that let an error escape the way real bugs do: a file stream destroyed with a write
 * in flight and nobody listening, a throw in a callback, a promise nobody awaits.
 */
const ESCAPE_SERVER = `
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import closeWithGrace from ${JSON.stringify(packagePath('close-with-grace'))};
import Fastify from ${JSON.stringify(packagePath('fastify'))};
import { containRequestFaults } from ${JSON.stringify(join(ROOT, 'server/src/lib/request-faults.ts'))};
import { installErrorHandler } from ${JSON.stringify(join(ROOT, 'server/src/plugins/error-handler.ts'))};

const app = Fastify({ logger: { level: 'error' } });
installErrorHandler(app);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
app.get('/stream', async () => {
  const out = createWriteStream(join(process.env.SCRATCH, String(Math.random())));
  await new Promise((resolve) => out.once('ready', resolve));
  out.write(Buffer.alloc(8 * 1024 * 1024));
  out.destroy(); // the write in flight comes back as ERR_STREAM_DESTROYED, with no listener
  await new Promise((resolve) => out.once('close', resolve));
  return 'not reached first';
});
app.get('/callback', async () => {
  setImmediate(() => {
    throw new Error('a bug in a callback');
  });
  await settle();
  return 'not reached first';
});
app.get('/forgotten', async () => {
  void Promise.reject(new Error('a promise nobody awaited'));
  await settle();
  return 'not reached first';
});
app.get('/ok', async () => 'ok');
containRequestFaults(app);
closeWithGrace({ delay: 5000, logger: app.log, skip: ['unhandledRejection'] }, async ({ err }) => {
  if (err) app.log.error({ err }, 'stopping after an unexpected error');
  await app.close();
});
// Outside any request (a line on stdin): an error here still stops the process.
process.stdin.on('data', () => {
  throw new Error('not a request of its own');
});
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write('LISTENING ' + app.server.address().port + '\\n');
`;

describe('an error that escapes a request', () => {
  it('is that request’s 500, logged, and the process keeps serving; one outside requests still stops it', async () => {
    const dir = tempDir('ase-escape-');
    const script = join(dir, 'escape-server.mts');
    writeFileSync(script, ESCAPE_SERVER);
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', SCRATCH: dir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let port: string | undefined;
      for (let i = 0; i < 400 && port === undefined && child.exitCode === null; i++) {
        port = /LISTENING (\d+)/.exec(output)?.[1];
        if (port === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(port, output).toBeDefined();
      const base = `http://127.0.0.1:${port}`;

      for (let round = 0; round < 3; round++)
        for (const route of ['/stream', '/callback', '/forgotten']) {
          const response = await fetch(`${base}${route}`);
          expect(response.status, `${route}: ${output}`).toBe(500);
          expect(await response.json()).toMatchObject({ type: 'urn:ase:problem:internal', status: 500 });
          expect((await fetch(`${base}/ok`)).status).toBe(200);
        }
      expect(child.exitCode).toBeNull();
      expect(output).toContain('an error escaped this request');
      expect(output).toContain('ERR_STREAM_DESTROYED');
      expect(output).not.toContain('stopping after an unexpected error');

      child.stdin.write('crash\n');
      expect(await raceTimeout(exited, 10_000)).toBe(1);
      expect(output).toContain('stopping after an unexpected error');
      expect(output).toContain('not a request of its own');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
