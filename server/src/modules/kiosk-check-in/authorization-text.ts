import type { KioskLanguage } from '../../../contracts/kiosk.js';
import type { SettingsService } from '../settings/settings.service.js';

/**
 * The authorization text the kiosk shows in `language`: the shop's own (Settings → Kiosk) or the
 * contract's default. The check-in keeps the text it returns as the snapshot of what was signed.
 */
export async function authorizationTextFor(
  settings: SettingsService,
  language: KioskLanguage,
): Promise<string> {
  return (await settings.effectiveKiosk()).authorizationText[language];
}
