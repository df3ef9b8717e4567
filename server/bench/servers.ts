import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/load-config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/lib/clock.js';
import { SESSION_COOKIE } from '../src/plugins/authentication.js';

/** Loopback only: the benchmark must never put traffic on the shop network. */
const HOST = '127.0.0.1';

export interface RunningServer {
  baseUrl: string;
  close: () => Promise<void>;
}

export interface RunningAse extends RunningServer {
  app: FastifyInstance;
}

export const BARE_PATH = '/bare';

/** The baseline: Fastify with nothing registered but one JSON route, no logger. */
export async function startBareFastify(): Promise<RunningServer> {
  const app = Fastify({ logger: false });
  app.get(BARE_PATH, () => ({ status: 'ok' }));
  const baseUrl = await app.listen({ host: HOST, port: 0 });
  return { baseUrl, close: () => app.close() };
}

/** A fresh, migrated ASE database in its own temp folder, removed again on close. */
export async function openScratchDatabase(prefix: string): Promise<{ dataDir: string; database: Database }> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const database = openDatabase(join(dataDir, 'ase.db'));
  try {
    await migrateToLatest(database, { backupDir: join(dataDir, 'backups'), clock: systemClock });
  } catch (error) {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return { dataDir, database };
}

/** The real app as main.ts wires it, but on an empty temp database and with logging silenced. */
export async function startAse(): Promise<RunningAse> {
  const { dataDir, database } = await openScratchDatabase('ase-bench-http-');
  return startAseOn(dataDir, database);
}

/** The real app on a database the caller opened in `dataDir`; both are removed again on close. */
export async function startAseOn(dataDir: string, database: Database): Promise<RunningAse> {
  const closeDatabase = async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  let app: FastifyInstance;
  try {
    const config = { ...loadConfig({ env: {}, cwd: dataDir }), dataDir, logLevel: 'silent' as const };
    app = await buildApp({ config, database, logger: pino({ level: 'silent' }) });
  } catch (error) {
    await closeDatabase();
    throw error;
  }
  const close = async () => {
    await app.close();
    await closeDatabase();
  };
  try {
    const baseUrl = await app.listen({ host: HOST, port: 0 });
    return { app, baseUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const BENCH_OWNER = { name: 'Bench Owner', email: 'owner@bench.test', password: 'a bench password 1' };

/**
 * Creates the owner and signs in, returning the `name=value` cookie header. Done through inject:
 * argon2 hashing makes these two requests slow, and they are setup, not the thing measured.
 */
export async function signInOwner(app: FastifyInstance): Promise<string> {
  const setup = await app.inject({ method: 'POST', url: '/api/setup', payload: BENCH_OWNER });
  if (setup.statusCode !== 201) throw new Error(`setup failed (${setup.statusCode}): ${setup.body}`);
  return signIn(app, BENCH_OWNER.email, BENCH_OWNER.password);
}

/** Signs in an existing staff member (the seeded demo owner) and returns the cookie header. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<string> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE);
  if (login.statusCode !== 200 || cookie === undefined) {
    throw new Error(`login failed (${login.statusCode}): ${login.body}`);
  }
  return `${SESSION_COOKIE}=${cookie.value}`;
}
