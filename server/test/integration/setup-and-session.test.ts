import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, OWNER, problemOf, setupOwner, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('first-run setup names the shop', () => {
  it('saves the shop name with the owner, and the bay TV and settings show it', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...OWNER, shopName: '  Rosa’s Garage  ' },
    });
    expect(created.statusCode).toBe(201);
    const { cookie } = await loginOwner();
    const settings = await injectAs(t.app, cookie, { method: 'GET', url: '/api/settings' });
    expect(settings.json()).toMatchObject({ shopName: 'Rosa’s Garage' });
    const board = await injectAs(t.app, cookie, { method: 'GET', url: '/api/display/board' });
    expect(board.json()).toMatchObject({ shopName: 'Rosa’s Garage' });
    const actions = t.database.sqlite
      .prepare("SELECT action, actor_user_id FROM audit_log WHERE action NOT LIKE 'auth.%' ORDER BY id")
      .all();
    expect(actions).toEqual([
      { action: 'user.created', actor_user_id: created.json<{ id: string }>().id },
      { action: 'settings.updated', actor_user_id: created.json<{ id: string }>().id },
    ]);
  });

  it('refuses a blank shop name with a 400 naming the field, and creates no owner', async () => {
    const blank = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...OWNER, shopName: '   ' },
    });
    expect(blank.statusCode).toBe(400);
    expect(problemOf(blank).errors?.map((e) => e.path)).toContain('shopName');
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });
  });

  it('does not rename the shop when setup is refused (an owner already exists)', async () => {
    const owner = await setupOwner(t.app);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...OWNER, email: 'other@shop.test', shopName: 'Hijacked Motors' },
    });
    expect(again.statusCode).toBe(409);
    const settings = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/settings' });
    expect(settings.json()).toMatchObject({ shopName: 'My Auto Repair' });
  });
});

describe('GET /api/auth/session: who this device is, without a failed request', () => {
  it('answers 200 before setup, after setup, and when signed in', async () => {
    const fresh = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toEqual({ signedIn: false, setupNeeded: true, me: null, shop: null });

    const owner = await setupOwner(t.app);
    const signedOut = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.json()).toEqual({ signedIn: false, setupNeeded: false, me: null, shop: null });

    const forged = await injectAs(t.app, 'ase_session=made-up', { method: 'GET', url: '/api/auth/session' });
    expect(forged.statusCode).toBe(200);
    expect(forged.json()).toMatchObject({ signedIn: false, me: null });

    const signedIn = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/session' });
    expect(signedIn.statusCode).toBe(200);
    const me = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/auth/me' });
    const settings = await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/settings' });
    // The shop's name and zone ride along, so the app start needs no second request a sign-out could race.
    expect(signedIn.json()).toEqual({
      signedIn: true,
      setupNeeded: false,
      me: me.json(),
      shop: { name: settings.json().shopName, timezone: settings.json().timezone },
    });
  });
});

async function loginOwner(): Promise<{ cookie: string }> {
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: OWNER.email, password: OWNER.password },
  });
  const cookie = login.cookies.find((c) => c.name === 'ase_session');
  if (cookie === undefined) throw new Error(`login failed: ${login.body}`);
  return { cookie: `ase_session=${cookie.value}` };
}
