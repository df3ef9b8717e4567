import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

/** Shop settings, technicians and bays: what the owner sets up once and changes now and then. */
let t: TestApp;
let owner: { id: string; cookie: string };
beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
});
afterEach(async () => {
  await t.close();
});

function auditActions(entityType: string): string[] {
  return (
    t.database.sqlite
      .prepare('SELECT action FROM audit_log WHERE entity_type = ? ORDER BY id')
      .all(entityType) as {
      action: string;
    }[]
  ).map((r) => r.action);
}

describe('shop settings', () => {
  it('start from defaults, change with a version, and audit money settings with before/after', async () => {
    const initial = (await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/settings' })).json();
    expect(initial).toMatchObject({ version: 1, laborRateCents: 14_000, repairOrderStartNumber: 1001 });

    const changed = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: '/api/settings',
      payload: {
        version: 1,
        laborRateCents: 15_500,
        shopSupplies: { percentBp: 800, capCents: 4_000, taxable: true },
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, laborRateCents: 15_500, shopName: initial.shopName });

    const stale = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: '/api/settings',
      payload: { version: 1, shopName: 'Lost update' },
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale)).toMatchObject({ type: 'urn:ase:problem:stale-version', currentVersion: 2 });

    const entry = t.database.sqlite
      .prepare(`SELECT data FROM audit_log WHERE action = 'settings.updated'`)
      .get() as { data: string };
    expect(JSON.parse(entry.data).laborRateCents).toEqual({ from: 14_000, to: 15_500 });
  });

  it("the bay TVs' board carries the shop's time zone, so a TV shows the shop's clock", async () => {
    const { version } = (await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/settings' })).json<{
      version: number;
    }>();
    const changed = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: '/api/settings',
      payload: { version, timezone: 'America/Denver' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const board = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/display/board' });
    expect(board.json()).toMatchObject({ timeZone: 'America/Denver' });
  });

  it('refuse an unknown time zone and a negative rate, naming the field, and change nothing', async () => {
    const zone = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: '/api/settings',
      payload: { version: 1, timezone: 'Mars/Olympus' },
    });
    expect(problemOf(zone).errors).toEqual([{ path: 'timezone', message: 'is not a known IANA time zone' }]);
    const rate = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: '/api/settings',
      payload: { version: 1, laborRateCents: -5 },
    });
    expect(problemOf(rate).errors).toEqual([{ path: 'laborRateCents', message: 'must be at least 0' }]);
    expect(
      (await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/settings' })).json().version,
    ).toBe(1);
  });

  it('can be read by any staff member but changed only by the owner', async () => {
    const advisor = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor'));
    expect((await injectAs(t.app, advisor, { method: 'GET', url: '/api/settings' })).statusCode).toBe(200);
    const patch = await injectAs(t.app, advisor, {
      method: 'PATCH',
      url: '/api/settings',
      payload: { version: 1 },
    });
    expect(patch.statusCode).toBe(403);
  });
});

describe('technicians and bays', () => {
  it('add a technician linked to a staff account, refuse a second link, and edit with a version', async () => {
    const account = await createStaff(t.app, owner.cookie, 'technician', 'Tomás');
    const created = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/technicians',
      payload: { name: 'Tomás', userId: account.id, skills: ['brakes'], color: '#3366cc' },
    });
    expect(created.statusCode).toBe(201);
    const tech = created.json();
    expect(tech).toMatchObject({ userId: account.id, skills: ['brakes'], active: true, version: 1 });

    const again = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/technicians',
      payload: { name: 'Copy', userId: account.id },
    });
    expect(problemOf(again).errors?.[0]?.path).toBe('userId');

    const badColor = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/technicians/${tech.id}`,
      payload: { version: 1, color: 'blue' },
    });
    expect(problemOf(badColor).errors?.[0]?.path).toBe('color');
    const retired = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/technicians/${tech.id}`,
      payload: { version: 1, active: false },
    });
    expect(retired.json()).toMatchObject({ active: false, version: 2 });
    const stale = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: `/api/technicians/${tech.id}`,
      payload: { version: 1, name: 'Lost' },
    });
    expect(problemOf(stale).currentVersion).toBe(2);
    const missing = await injectAs(t.app, owner.cookie, {
      method: 'PATCH',
      url: '/api/technicians/01900000-0000-7000-8000-00000000abcd',
      payload: { version: 1 },
    });
    expect(missing.statusCode).toBe(404);
    expect(auditActions('technician')).toEqual(['technician.created', 'technician.updated']);
  });

  it('add bays in board order, refuse a duplicate name, and list them for everyone', async () => {
    for (const [name, sortOrder] of [
      ['Bay 2', 2],
      ['Bay 1', 1],
      ['Alignment', 3],
    ] as const) {
      const response = await injectAs(t.app, owner.cookie, {
        method: 'POST',
        url: '/api/bays',
        payload: { name, sortOrder, capabilities: name === 'Alignment' ? ['alignment'] : ['lift'] },
      });
      expect(response.statusCode).toBe(201);
    }
    const duplicate = await injectAs(t.app, owner.cookie, {
      method: 'POST',
      url: '/api/bays',
      payload: { name: 'Bay 1' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(problemOf(duplicate).errors).toEqual([
      { path: 'name', message: 'is already used by another bay' },
    ]);

    const tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
    const list = await injectAs(t.app, tech, { method: 'GET', url: '/api/bays' });
    expect(list.json().items.map((b: { name: string }) => b.name)).toEqual(['Bay 1', 'Bay 2', 'Alignment']);
    const refused = await injectAs(t.app, tech, {
      method: 'POST',
      url: '/api/bays',
      payload: { name: 'Bay 9' },
    });
    expect(refused.statusCode).toBe(403);
    expect(auditActions('bay')).toEqual(['bay.created', 'bay.created', 'bay.created']);
  });
});
