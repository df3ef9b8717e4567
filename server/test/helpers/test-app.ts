import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { inject } from 'vitest';
import { buildApp, type AppContext } from '../../src/app.js';
import type { AppConfig } from '../../src/config/config.schema.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import type { Role } from '../../src/db/schema.js';
import { ManualClock } from '../../src/lib/clock.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  config: AppConfig;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh copy of the migrated template database in its own temp folder. */
export function copyTemplateDatabase(): { dataDir: string; database: Database } {
  const dataDir = mkdtempSync(join(tmpdir(), 'ase-test-'));
  const path = join(dataDir, 'ase.db');
  copyFileSync(inject('templateDbPath'), path);
  // NORMAL: a test's file is thrown away, so it need not wait for the disk (the crash test runs the default).
  return { dataDir, database: openDatabase(path, { durability: 'NORMAL' }) };
}

/**
 * The real app on a real SQLite file, with a clock the test moves by hand. The MQTT broker is off
 * (mqttPort and mqttTlsPort 0) unless a test asks for it: see helpers/mqtt.ts.
 */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  context: Pick<AppContext, 'tuning' | 'logger'> = {},
): Promise<TestApp> {
  const { dataDir, database } = copyTemplateDatabase();
  const config = {
    ...loadConfig({ env: {}, cwd: dataDir }),
    dataDir,
    mqttPort: 0,
    mqttTlsPort: 0,
    // No DTC titles unless a test brings its own file: the team's shared copy may sit beside the
    // checkout (../shared/obd-dtc) and would make "never a made-up title" depend on the machine.
    obdDtcDescriptionsFile: join(dataDir, 'no-dtc-titles.json'),
    ...overrides,
  };
  const clock = new ManualClock('2026-03-02T14:00:00.000Z');
  const app = await buildApp({
    config,
    database,
    clock,
    logger: context.logger ?? pino({ level: 'silent' }),
    ...(context.tuning === undefined ? {} : { tuning: context.tuning }),
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    dataDir,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const OWNER = { name: 'Olga Owner', email: 'olga@shop.test', password: 'correct horse 1' };

/** The `name=value` of the session cookie a response set. */
export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'ase_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `ase_session=${cookie.value}`;
}

export async function setupOwner(app: FastifyInstance): Promise<{ id: string; cookie: string }> {
  const created = await app.inject({ method: 'POST', url: '/api/setup', payload: OWNER });
  if (created.statusCode !== 201) throw new Error(`setup failed: ${created.body}`);
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: OWNER.email, password: OWNER.password },
  });
  return { id: created.json<{ id: string }>().id, cookie: sessionCookieFrom(login) };
}

export interface StaffMember {
  id: string;
  email: string | null;
  password: string | null;
  pin: string | null;
  version: number;
}

/** The owner creates a staff member through the API. Technicians get a PIN only. */
export async function createStaff(
  app: FastifyInstance,
  ownerCookie: string,
  role: Role,
  name = `${role} person`,
): Promise<StaffMember> {
  const email = role === 'technician' ? null : `${role}.${Math.random().toString(36).slice(2, 8)}@shop.test`;
  const password = role === 'technician' ? null : 'a good long password';
  const pin = role === 'technician' ? '4321' : null;
  const response = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: ownerCookie },
    payload: { name, role, ...(email ? { email, password } : { pin }) },
  });
  if (response.statusCode !== 201) throw new Error(`create ${role} failed: ${response.body}`);
  const body = response.json<{ id: string; version: number }>();
  return { id: body.id, email, password, pin, version: body.version };
}

export async function loginAs(app: FastifyInstance, member: StaffMember): Promise<string> {
  const response =
    member.pin !== null
      ? await app.inject({
          method: 'POST',
          url: '/api/auth/pin',
          payload: { userId: member.id, pin: member.pin },
        })
      : await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: member.email, password: member.password },
        });
  return sessionCookieFrom(response);
}

export function injectAs(app: FastifyInstance, cookie: string, options: InjectOptions) {
  return app.inject({ ...options, headers: { ...options.headers, cookie } });
}

/** A problem+json body, checked for the RFC 9457 members every error must carry. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
  [key: string]: unknown;
}

export function problemOf(response: LightMyRequestResponse): Problem {
  const type = String(response.headers['content-type']);
  if (!type.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${type}: ${response.body}`);
  }
  return response.json<Problem>();
}
