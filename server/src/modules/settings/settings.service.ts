import { sha256Hex } from '../../lib/passwords.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { problems } from '../../lib/problem.js';
import { staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { findSettingsRow, insertSettingsRow, updateSettingsIfVersion } from './settings.repository.js';
import {
  DEFAULT_SHOP_SETTINGS,
  type KioskSettings,
  type ShopSettings,
  type UpdateSettingsInput,
} from './settings.schemas.js';
import { inTransaction } from '../../db/after-commit.js';
import {
  DEFAULT_KIOSK_AUTHORIZATION,
  KIOSK_LANGUAGES,
  type KioskLanguage,
} from '../../../contracts/kiosk.js';

export type VersionedSettings = ShopSettings & { version: number };

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The kiosk's settings as the kiosk shows them: a text the owner left unset is the contract's default. */
export interface EffectiveKioskSettings {
  authorizationText: Record<KioskLanguage, string>;
  idleSeconds: number;
}

/**
 * The owner's kiosk texts, trimmed; a text that is only spaces is refused rather than shown to a
 * customer as an empty authorization (null, "Use the default", is how to go back to the default).
 */
function normalizedKiosk(kiosk: KioskSettings): KioskSettings {
  const authorizationText = { ...kiosk.authorizationText };
  for (const language of KIOSK_LANGUAGES) {
    const text = authorizationText[language];
    if (text === null) continue;
    if (text.trim() === '') {
      throw problems.validation([
        {
          path: `kiosk.authorizationText.${language}`,
          message: 'is blank: write the text, or send null to use the default',
        },
      ]);
    }
    authorizationText[language] = text.trim();
  }
  return { ...kiosk, authorizationText };
}

/** The shop's settings: defaults until the owner changes them; money settings changes are audited. */
export class SettingsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Current settings; `db` may be the caller's transaction (totals read tax inside theirs). */
  async get(db: Db = this.db): Promise<VersionedSettings> {
    const row = await findSettingsRow(db);
    if (row === undefined) return { ...DEFAULT_SHOP_SETTINGS, version: 1 };
    // Defaults first so a setting added in a later version has a value on older rows.
    return {
      ...DEFAULT_SHOP_SETTINGS,
      ...(JSON.parse(row.data) as Partial<ShopSettings>),
      version: row.version,
    };
  }

  /** What the kiosk shows (GET /api/kiosk/self): the owner's texts, or the contract's defaults. */
  async effectiveKiosk(): Promise<EffectiveKioskSettings> {
    const { kiosk } = await this.get();
    return {
      authorizationText: {
        en: kiosk.authorizationText.en ?? DEFAULT_KIOSK_AUTHORIZATION.en,
        es: kiosk.authorizationText.es ?? DEFAULT_KIOSK_AUTHORIZATION.es,
      },
      idleSeconds: kiosk.idleSeconds,
    };
  }

  /** A hash of the kiosk's texts as they are now: what a check-in's `authorizationVersion` must equal. */
  async kioskAuthorizationVersion(): Promise<string> {
    const { authorizationText } = await this.effectiveKiosk();
    return sha256Hex(JSON.stringify([authorizationText.en, authorizationText.es])).slice(0, 32);
  }

  /** First-run setup names the shop inside the transaction that creates the owner (`tx`). */
  async nameShop(tx: Db, actor: Actor, shopName: string): Promise<void> {
    const at = this.clock.now().toISOString();
    await insertSettingsRow(tx, JSON.stringify(DEFAULT_SHOP_SETTINGS), at);
    const { version, ...current } = await this.get(tx);
    // No one else can write settings before the first owner exists: the version always matches.
    await updateSettingsIfVersion(tx, JSON.stringify({ ...current, shopName }), version, at);
    await this.audit.record(tx, actor, {
      action: 'settings.updated',
      entityType: 'settings',
      entityId: 'shop',
      data: { shopName: { from: current.shopName, to: shopName } },
    });
  }

  async update(actor: Actor, input: UpdateSettingsInput): Promise<VersionedSettings> {
    if (input.timezone !== undefined && !isValidTimeZone(input.timezone)) {
      throw problems.validation([{ path: 'timezone', message: 'is not a known IANA time zone' }]);
    }
    if (input.kiosk !== undefined) input = { ...input, kiosk: normalizedKiosk(input.kiosk) };
    return inTransaction(this.db, async (tx) => {
      const at = this.clock.now().toISOString();
      await insertSettingsRow(tx, JSON.stringify(DEFAULT_SHOP_SETTINGS), at);
      const current = await this.get(tx);
      const { version, ...changes } = input;
      if (current.version !== version) throw staleVersionProblem('shop settings', current.version, current);
      const { version: _old, ...currentSettings } = current;
      const next: ShopSettings = { ...currentSettings, ...changes };
      if (!(await updateSettingsIfVersion(tx, JSON.stringify(next), version, at))) {
        throw staleVersionProblem('shop settings', (await this.get(tx)).version);
      }
      const changed = Object.keys(changes).filter(
        (key) =>
          JSON.stringify(changes[key as keyof typeof changes]) !==
          JSON.stringify(currentSettings[key as keyof ShopSettings]),
      );
      await this.audit.record(tx, actor, {
        action: 'settings.updated',
        entityType: 'settings',
        entityId: 'shop',
        data: Object.fromEntries(
          changed.map((key) => [
            key,
            { from: currentSettings[key as keyof ShopSettings], to: next[key as keyof ShopSettings] },
          ]),
        ),
      });
      return { ...next, version: version + 1 };
    });
  }
}
