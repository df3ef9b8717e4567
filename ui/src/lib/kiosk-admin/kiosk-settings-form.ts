import { DEFAULT_KIOSK_AUTHORIZATION, KIOSK_LANGUAGES, type KioskLanguage } from '$contracts/kiosk';
import type { FieldError } from '$lib/api/problem';
import type { ShopSettings } from '$lib/settings/shop-form';
import { parseWholeNumber } from '$lib/settings/units';

export type KioskSettings = ShopSettings['kiosk'];
export type KioskSettingsPatch = KioskSettings;

/** The languages as the owner reads them (the kiosk's own welcome screen says them in each language). */
export const LANGUAGE_NAMES: Record<KioskLanguage, string> = { en: 'English', es: 'Spanish' };

/** The idle time the server accepts, in seconds (settings.schemas.ts KIOSK_IDLE_SECONDS_RANGE). */
export const IDLE_SECONDS_RANGE = { min: 20, max: 600 } as const;

/**
 * Settings → Kiosk as the form holds it: each language's text exactly as the customer will read it
 * (the default's words when the owner has not written their own, so editing starts from them), and
 * the idle time as typed.
 */
export interface KioskForm {
  authorizationText: Record<KioskLanguage, string>;
  idleSeconds: string;
}

export function toKioskForm(kiosk: KioskSettings): KioskForm {
  return {
    authorizationText: {
      en: kiosk.authorizationText.en ?? DEFAULT_KIOSK_AUTHORIZATION.en,
      es: kiosk.authorizationText.es ?? DEFAULT_KIOSK_AUTHORIZATION.es,
    },
    idleSeconds: String(kiosk.idleSeconds),
  };
}

/** Whether a language's text is the default's (spaces around do not make it the owner's own). */
export function isDefaultText(form: KioskForm, language: KioskLanguage): boolean {
  return form.authorizationText[language].trim() === DEFAULT_KIOSK_AUTHORIZATION[language];
}

/** "Use the default": that language's text goes back to the default's words. */
export function withDefaultText(form: KioskForm, language: KioskLanguage): KioskForm {
  return {
    ...form,
    authorizationText: { ...form.authorizationText, [language]: DEFAULT_KIOSK_AUTHORIZATION[language] },
  };
}

export type KioskPatchResult = { ok: true; kiosk: KioskSettingsPatch } | { ok: false; errors: FieldError[] };

/**
 * Form → the settings' `kiosk` block. A text equal to the default is sent as null ("use the
 * default"), so the shop keeps following the default's wording rather than a frozen copy of it.
 * An empty text and an idle time that is not a whole number in range are named here, beside
 * their fields, at the server's paths.
 */
export function toKioskPatch(form: KioskForm): KioskPatchResult {
  const errors: FieldError[] = [];
  const authorizationText = { en: null, es: null } as Record<KioskLanguage, string | null>;
  for (const language of KIOSK_LANGUAGES) {
    const text = form.authorizationText[language].trim();
    if (text === '') {
      errors.push({
        path: `kiosk.authorizationText.${language}`,
        message: 'write the text the customer signs, or use the default',
      });
    }
    authorizationText[language] = isDefaultText(form, language) ? null : text;
  }
  const idle = parseWholeNumber(form.idleSeconds);
  if (!idle.ok) {
    errors.push({ path: 'kiosk.idleSeconds', message: idle.message });
  } else if (idle.value < IDLE_SECONDS_RANGE.min || idle.value > IDLE_SECONDS_RANGE.max) {
    errors.push({
      path: 'kiosk.idleSeconds',
      message: `between ${IDLE_SECONDS_RANGE.min} and ${IDLE_SECONDS_RANGE.max} seconds`,
    });
  }
  if (errors.length > 0 || !idle.ok) return { ok: false, errors };
  return { ok: true, kiosk: { authorizationText, idleSeconds: idle.value } };
}
