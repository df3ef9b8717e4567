import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';

/**
 * The server as `npm start` runs it: a real process, real port on 127.0.0.1, real signals. Also
 * walks the README's setup → login → me → logout flow over HTTP.
 */
const ROOT = new URL('../../../', import.meta.url).pathname;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ase-main-'));
  dirs.push(dir);
  return dir;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    // LAN HTTPS off: its fixed default port could be taken by a parallel test.
    env: {
      PATH: process.env.PATH ?? '',
      ASE_HOST: '127.0.0.1',
      ASE_PORT: '0',
      ASE_HTTPS_PORT: '0',
      ASE_MQTT_PORT: '0',
      ASE_MQTT_TLS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits (bounded) for the "listening" log line and returns the base URL. */
async function baseUrlOf(started: Started): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(started.output());
    if (match) return match[1]!;
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not start:\n${started.output()}`);
}

describe('the server process', () => {
  it('starts on an empty data dir, serves health, walks setup → login → me → logout, stops on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const server = startServer({ ASE_DATA_DIR: dataDir });
    const base = await baseUrlOf(server);

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });

    const json = { 'content-type': 'application/json' };
    const owner = { name: 'Olga Owner', email: 'olga@example.com', password: 'correct horse 1' };
    expect(
      (await fetch(`${base}/api/setup`, { method: 'POST', headers: json, body: JSON.stringify(owner) }))
        .status,
    ).toBe(201);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: owner.email, password: owner.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(owner.email);
    expect((await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { cookie } })).status).toBe(
      204,
    );
    expect((await fetch(`${base}/api/auth/me`, { headers: { cookie } })).status).toBe(401);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"signal":"SIGTERM"');
  });

  it('refuses to start on a bad configuration, naming the key', async () => {
    const server = startServer({ ASE_DATA_DIR: tempDataDir(), ASE_SESION_IDLE_MINUTES: '5' });
    expect(await server.exited).toBe(78);
    expect(server.output()).toContain('ASE_SESION_IDLE_MINUTES');
  });

  it('refuses a database written by a newer ASE with a clear message', async () => {
    const dataDir = tempDataDir();
    const first = startServer({ ASE_DATA_DIR: dataDir });
    await baseUrlOf(first);
    first.child.kill('SIGTERM');
    await first.exited;

    const database = openDatabase(join(dataDir, 'ase.db'));
    database.sqlite
      .prepare(`INSERT INTO schema_migrations (name, timestamp) VALUES ('9999-future', 'x')`)
      .run();
    await database.close();

    const second = startServer({ ASE_DATA_DIR: dataDir });
    expect(await second.exited).toBe(65);
    expect(second.output()).toMatch(/9999-future.*newer ASE/);
  });
});
