import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_AUTHORIZATION, DEFAULT_KIOSK_IDLE_SECONDS } from '../../contracts/kiosk.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { SettingsService } from '../../src/modules/settings/settings.service.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

/** Settings → Kiosk: the authorization text the customer signs at the door and the idle time. */
let t: TestApp;
let owner: { id: string; cookie: string };
beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
});
afterEach(async () => {
  await t.close();
});

interface KioskSettingsRead {
  version: number;
  kiosk: { authorizationText: { en: string | null; es: string | null }; idleSeconds: number };
}
const getSettings = async () =>
  (await injectAs(t.app, owner.cookie, { method: 'GET', url: '/api/settings' })).json<KioskSettingsRead>();
const patchSettings = (cookie: string, payload: Record<string, unknown>) =>
  injectAs(t.app, cookie, { method: 'PATCH', url: '/api/settings', payload });

/** The service the kiosk's own route reads, on the same database file as the app. */
function settingsService(): SettingsService {
  return new SettingsService(t.database.kysely, t.clock, new AuditService(t.database.kysely, t.clock));
}

describe('kiosk settings', () => {
  it("start with the contract's default text in both languages and the default idle time", async () => {
    expect((await getSettings()).kiosk).toEqual({
      authorizationText: { en: null, es: null },
      idleSeconds: DEFAULT_KIOSK_IDLE_SECONDS,
    });
    expect(await settingsService().effectiveKiosk()).toEqual({
      authorizationText: DEFAULT_KIOSK_AUTHORIZATION,
      idleSeconds: DEFAULT_KIOSK_IDLE_SECONDS,
    });
  });

  it("the owner's own text replaces the default in that language only, trimmed, and is audited", async () => {
    const { version } = await getSettings();
    const changed = await patchSettings(owner.cookie, {
      version,
      kiosk: { authorizationText: { en: null, es: '  Autorizo hasta $200.  ' }, idleSeconds: 90 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().kiosk).toEqual({
      authorizationText: { en: null, es: 'Autorizo hasta $200.' },
      idleSeconds: 90,
    });
    expect(await settingsService().effectiveKiosk()).toEqual({
      authorizationText: { en: DEFAULT_KIOSK_AUTHORIZATION.en, es: 'Autorizo hasta $200.' },
      idleSeconds: 90,
    });

    const audit = t.database.sqlite
      .prepare(`SELECT data FROM audit_log WHERE action = 'settings.updated' ORDER BY id DESC LIMIT 1`)
      .get() as { data: string };
    expect(JSON.parse(audit.data)).toEqual({
      kiosk: {
        from: { authorizationText: { en: null, es: null }, idleSeconds: DEFAULT_KIOSK_IDLE_SECONDS },
        to: { authorizationText: { en: null, es: 'Autorizo hasta $200.' }, idleSeconds: 90 },
      },
    });

    // "Use the default": null goes back to the contract's text.
    const back = await patchSettings(owner.cookie, {
      version: version + 1,
      kiosk: { authorizationText: { en: null, es: null }, idleSeconds: 90 },
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((await settingsService().effectiveKiosk()).authorizationText.es).toBe(
      DEFAULT_KIOSK_AUTHORIZATION.es,
    );
  });

  it('refuse an idle time outside 20–600 s, a blank text and an unknown field, naming it, and change nothing', async () => {
    const kiosk = (idleSeconds: number, en: string | null = null) => ({
      version: 1,
      kiosk: { authorizationText: { en, es: null }, idleSeconds },
    });
    expect(problemOf(await patchSettings(owner.cookie, kiosk(19))).errors).toEqual([
      { path: 'kiosk.idleSeconds', message: 'must be at least 20' },
    ]);
    expect(problemOf(await patchSettings(owner.cookie, kiosk(601))).errors).toEqual([
      { path: 'kiosk.idleSeconds', message: 'must be at most 600' },
    ]);
    const blank = await patchSettings(owner.cookie, kiosk(60, '   \n '));
    expect(blank.statusCode).toBe(400);
    expect(problemOf(blank).errors?.[0]?.path).toBe('kiosk.authorizationText.en');
    const empty = await patchSettings(owner.cookie, kiosk(60, ''));
    expect(problemOf(empty).errors?.[0]?.path).toBe('kiosk.authorizationText.en');
    const unknown = await patchSettings(owner.cookie, {
      version: 1,
      kiosk: { authorizationText: { en: null, es: null, fr: 'Bonjour' }, idleSeconds: 60 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(problemOf(unknown).errors?.[0]?.path).toContain('kiosk.authorizationText');
    const long = await patchSettings(owner.cookie, kiosk(60, 'x'.repeat(4001)));
    expect(problemOf(long).errors?.[0]?.path).toBe('kiosk.authorizationText.en');

    expect(await getSettings()).toMatchObject({
      version: 1,
      kiosk: { authorizationText: { en: null, es: null }, idleSeconds: DEFAULT_KIOSK_IDLE_SECONDS },
    });
  });

  it('only the owner changes them; an advisor reads them', async () => {
    const advisor = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'advisor'));
    const read = await injectAs(t.app, advisor, { method: 'GET', url: '/api/settings' });
    expect(read.json().kiosk.idleSeconds).toBe(DEFAULT_KIOSK_IDLE_SECONDS);
    const patch = await patchSettings(advisor, {
      version: 1,
      kiosk: { authorizationText: { en: 'Sign here', es: null }, idleSeconds: 60 },
    });
    expect(patch.statusCode).toBe(403);
    expect((await getSettings()).kiosk.authorizationText.en).toBeNull();
  });
});
