import { rmSync } from 'node:fs';
import Fastify from 'fastify';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, MODULES } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { ManualClock } from '../../src/lib/clock.js';
import { defineModule, type AnyModuleDefinition } from '../../src/modules/module.js';
import { EventBus } from '../../src/events/event-bus.js';
import { createModules, installLifecycle, selectModules } from '../../src/modules/wiring.js';
import { copyTemplateDatabase, setupOwner } from '../helpers/test-app.js';

/** Modules wire themselves: the app is a list, a test can build a subset, the order is checked. */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function smallApp(modules: readonly string[]) {
  const { dataDir, database } = copyTemplateDatabase();
  const config = { ...loadConfig({ env: {}, cwd: dataDir }), dataDir };
  const app = await buildApp({
    config,
    database,
    clock: new ManualClock('2026-03-02T14:00:00.000Z'),
    logger: pino({ level: 'silent' }),
    modules,
  });
  cleanups.push(async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  await app.ready();
  return app;
}

const names = (definitions: readonly AnyModuleDefinition[]) => definitions.map((d) => d.name);

describe('module wiring', () => {
  it('lists every module before the modules that need it', () => {
    const given = new Set<string>();
    for (const definition of MODULES) {
      for (const need of definition.needs)
        expect(given.has(need), `${definition.name} needs ${need}`).toBe(true);
      for (const service of definition.gives) given.add(service);
    }
  });

  it('picks a subset with what it needs, in list order', () => {
    expect(names(selectModules(MODULES, ['bays']))).toEqual(['audit', 'bays']);
    expect(names(selectModules(MODULES, ['auth']))).toEqual([
      'audit',
      'sessions',
      'users',
      'settings',
      'auth',
    ]);
    expect(() => selectModules(MODULES, ['no-such-module'])).toThrow(/no module is named no-such-module/);
  });

  it('refuses a list where a module comes before one it needs', async () => {
    const late = defineModule({
      name: 'late',
      needs: [],
      gives: ['bays'],
      create: () => ({ gives: {} as never }),
    });
    const early = defineModule({ name: 'early', needs: ['bays'], gives: [], create: () => ({ gives: {} }) });
    await expect(createModules([early, late], {} as never)).rejects.toThrow(
      /early needs bays: list the module that gives it earlier/,
    );
  });

  it('builds a working app from a subset: only its routes, and the table still denies the rest', async () => {
    const app = await smallApp(['auth', 'bays']);
    const urls = new Set(app.registeredRoutes.map((r) => `${r.method} ${r.url}`));
    expect(urls.has('POST /api/bays')).toBe(true);
    expect(urls.has('POST /api/setup')).toBe(true);
    expect(urls.has('GET /api/repair-orders')).toBe(false);
    const { cookie } = await setupOwner(app);
    const created = await app.inject({
      method: 'POST',
      url: '/api/bays',
      headers: { cookie },
      payload: { name: 'Bay 1' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(
      (await app.inject({ method: 'GET', url: '/api/repair-orders', headers: { cookie } })).statusCode,
    ).toBe(404);
  });

  it('starts modules in list order, stops them in reverse, and ends their subscriptions', async () => {
    const log: string[] = [];
    const probe = (name: string) =>
      defineModule({
        name,
        needs: [],
        gives: [],
        create: () => ({
          gives: {},
          start: () => void log.push(`start ${name}`),
          stop: () => void log.push(`stop ${name}`),
          subscriptions: (bus) => [bus.on('jobChanged', (e) => void log.push(`${name} heard ${e.at}`))],
        }),
      });
    const wired = await createModules(
      [probe('first'), probe('second')] as AnyModuleDefinition[],
      {} as never,
    );
    const app = Fastify({ logger: false });
    app.decorate('events', new EventBus());
    installLifecycle(app, wired);
    await app.ready();
    app.events.emit('jobChanged', { jobId: 'j', repairOrderId: 'r', at: 'open' });
    await app.close();
    app.events.emit('jobChanged', { jobId: 'j', repairOrderId: 'r', at: 'closed' });
    expect(log).toEqual([
      'start first',
      'start second',
      'first heard open',
      'second heard open',
      'stop second',
      'stop first',
    ]);
  });
});
