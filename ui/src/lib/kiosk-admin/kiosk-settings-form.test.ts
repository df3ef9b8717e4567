import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_AUTHORIZATION } from '$contracts/kiosk';
import {
  isDefaultText,
  toKioskForm,
  toKioskPatch,
  withDefaultText,
  type KioskSettings,
} from './kiosk-settings-form';

const defaults: KioskSettings = { authorizationText: { en: null, es: null }, idleSeconds: 60 };

describe('Settings → Kiosk form', () => {
  it("shows the default's words where the owner wrote none, and sends them back as null", () => {
    const form = toKioskForm(defaults);
    expect(form.authorizationText.en).toBe(DEFAULT_KIOSK_AUTHORIZATION.en);
    expect(form.idleSeconds).toBe('60');
    expect(isDefaultText(form, 'es')).toBe(true);
    expect(toKioskPatch(form)).toEqual({ ok: true, kiosk: defaults });
  });

  it("sends the owner's own text trimmed, and 'Use the default' goes back to null", () => {
    const form = toKioskForm({ authorizationText: { en: null, es: 'Autorizo.' }, idleSeconds: 90 });
    form.authorizationText.en = '  I authorize up to $200.\n';
    form.idleSeconds = ' 120 ';
    expect(toKioskPatch(form)).toEqual({
      ok: true,
      kiosk: { authorizationText: { en: 'I authorize up to $200.', es: 'Autorizo.' }, idleSeconds: 120 },
    });
    const back = withDefaultText(form, 'es');
    expect(isDefaultText(back, 'es')).toBe(true);
    expect(toKioskPatch(back)).toMatchObject({ ok: true, kiosk: { authorizationText: { es: null } } });
  });

  it('names an empty text and an idle time that is not a whole number in 20–600, at the server paths', () => {
    const form = toKioskForm(defaults);
    form.authorizationText.es = '   ';
    form.idleSeconds = '1.5';
    expect(toKioskPatch(form)).toEqual({
      ok: false,
      errors: [
        {
          path: 'kiosk.authorizationText.es',
          message: 'write the text the customer signs, or use the default',
        },
        { path: 'kiosk.idleSeconds', message: 'enter a whole number' },
      ],
    });
    form.authorizationText.es = 'Autorizo.';
    for (const idle of ['19', '601']) {
      form.idleSeconds = idle;
      expect(toKioskPatch(form)).toEqual({
        ok: false,
        errors: [{ path: 'kiosk.idleSeconds', message: 'between 20 and 600 seconds' }],
      });
    }
    form.idleSeconds = '20';
    expect(toKioskPatch(form).ok).toBe(true);
  });
});
