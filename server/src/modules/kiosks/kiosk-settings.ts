import {
  DEFAULT_KIOSK_AUTHORIZATION,
  DEFAULT_KIOSK_IDLE_SECONDS,
  KIOSK_LANGUAGES,
  type KioskLanguage,
} from '../../../contracts/kiosk.js';
import type { VersionedSettings } from '../settings/settings.service.js';

/** The kiosk block of the shop's settings as Settings → Kiosk stores it (null text: the default). */
interface StoredKioskSettings {
  authorizationText?: Partial<Record<KioskLanguage, string | null>>;
  idleSeconds?: number;
}

/**
 * The kiosk's idle time and authorization texts: the owner's (settings `kiosk`) where written,
 * else the contract's defaults. Read defensively: the block may be absent from older settings.
 */
export function kioskSettingsOf(settings: VersionedSettings): {
  idleSeconds: number;
  authorizationText: Record<KioskLanguage, string>;
} {
  const stored = (settings as { kiosk?: StoredKioskSettings }).kiosk;
  const text = (language: KioskLanguage) =>
    stored?.authorizationText?.[language] ?? DEFAULT_KIOSK_AUTHORIZATION[language];
  return {
    idleSeconds: stored?.idleSeconds ?? DEFAULT_KIOSK_IDLE_SECONDS,
    authorizationText: Object.fromEntries(KIOSK_LANGUAGES.map((l) => [l, text(l)])) as Record<
      KioskLanguage,
      string
    >,
  };
}
