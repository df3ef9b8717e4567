import { randomInt } from 'node:crypto';
import { KIOSK_TOKEN_PREFIX, type KioskPaired, type KioskSelf } from '../../../contracts/kiosk.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import { MINUTE_MS, type Clock } from '../../lib/clock.js';
import { FailureLimiter } from '../../lib/failure-limiter.js';
import { randomToken, sha256Hex, verifySecret } from '../../lib/passwords.js';
import { problems } from '../../lib/problem.js';
import { kioskActor, type KioskContext } from '../../plugins/authentication.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { DeviceGateway } from '../devices/device-gateway.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { UsersService } from '../users/users.service.js';
import {
  findKiosk,
  findKioskByTokenHash,
  pairedKioskDeviceIds,
  findPairingCode,
  findPairingCodeByHash,
  isCodeHashTaken,
  replacePairingCode,
  takePairingCode,
  upsertKiosk,
} from './kiosks.repository.js';
import type { KioskDevice, KioskPairingCode } from './kiosks.schemas.js';
import { orNotFound } from '../../lib/versioning.js';

/** A pairing code lives this long: long enough to walk to the door, short enough not to linger. */
export const PAIRING_CODE_TTL_MS = 10 * MINUTE_MS;
/** Wrong pairing codes per address: 5 a minute, then 429 until the minute ends (10^8 codes). */
export const PAIRING_FAILURE_LIMITS = { maxFailures: 5, windowMs: MINUTE_MS };
/** Wrong staff-exit PINs per kiosk: 5 in 5 minutes, then 429 (a PIN has only 4 to 8 digits). */
export const STAFF_EXIT_FAILURE_LIMITS = { maxFailures: 5, windowMs: 5 * MINUTE_MS };

const CODE_DIGITS = 8;
/** 32 random bytes (256 bits), base64url: like a session token, so a fast SHA-256 is the right hash. */
const TOKEN_BYTES = 32;

export interface KiosksServiceDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
  audit: AuditService;
  settings: SettingsService;
  users: UsersService;
  devices: DeviceGateway;
}

function wrongCode() {
  return problems.validation(
    [{ path: 'code', message: 'is wrong, expired or already used' }],
    'That pairing code is wrong, expired or already used: make a new one in Settings → Devices.',
  );
}

/**
 * The check-in kiosks' credentials (service `kiosks`): the owner makes a short-lived pairing code
 * for a device of kind `kiosk`, the tablet trades it for a `kk_` token (only its SHA-256 kept),
 * and every kiosk request is checked against the token AND the device, so revoking the device in
 * Settings → Devices refuses the token at once. Pairing again replaces the token: the old tablet
 * is unpaired. Also: the kiosk's label printer and the hidden staff exit.
 */
export class KiosksService {
  readonly #pairingFailures: FailureLimiter;
  readonly #exitFailures: FailureLimiter;

  constructor(private readonly deps: KiosksServiceDeps) {
    const now = () => deps.clock.now().getTime();
    this.#pairingFailures = new FailureLimiter(PAIRING_FAILURE_LIMITS, now);
    this.#exitFailures = new FailureLimiter(STAFF_EXIT_FAILURE_LIMITS, now);
  }

  /** The kiosk a token belongs to, or null when unknown, replaced, or its device revoked. */
  async authenticate(token: string): Promise<KioskContext | null> {
    if (!token.startsWith(KIOSK_TOKEN_PREFIX)) return null;
    const row = await findKioskByTokenHash(this.deps.db, sha256Hex(token));
    if (row === undefined) return null;
    const device = await this.deps.devices.device(row.device_id);
    if (device === undefined || device.kind !== 'kiosk' || device.revokedAt !== null) return null;
    return { deviceId: device.id, name: device.name };
  }

  /** Whether any tablet is paired as a kiosk now (and its device not revoked). */
  async anyPaired(): Promise<boolean> {
    for (const deviceId of await pairedKioskDeviceIds(this.deps.db)) {
      const device = await this.deps.devices.device(deviceId);
      if (device?.kind === 'kiosk' && device.revokedAt === null) return true;
    }
    return false;
  }

  /** The label printer the kiosk's key tags go to; null when none is assigned or it was revoked. */
  async labelPrinterOf(deviceId: string): Promise<string | null> {
    const printerId = (await findKiosk(this.deps.db, deviceId))?.label_printer_device_id ?? null;
    if (printerId === null) return null;
    const printer = await this.deps.devices.device(printerId);
    return printer?.kind === 'label-printer' && printer.revokedAt === null ? printerId : null;
  }

  /** A new code for the owner's screen; it replaces the device's unused one. */
  async createPairingCode(actor: Actor, deviceId: string, origin: string): Promise<KioskPairingCode> {
    const { db, clock, audit } = this.deps;
    await this.#requireKioskDevice(deviceId, { live: true });
    const code = await this.#freshCode();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString();
    await inTransaction(db, async (tx) => {
      await replacePairingCode(
        tx,
        {
          device_id: deviceId,
          code_hash: sha256Hex(code),
          expires_at: expiresAt,
          created_by: actor.userId,
          created_at: now.toISOString(),
        },
        now.toISOString(),
      );
      await audit.record(tx, actor, {
        action: 'kiosk.pairing_code_created',
        entityType: 'device',
        entityId: deviceId,
        data: { expiresAt },
      });
    });
    return { code, expiresAt, pairUrl: `${origin}/kiosk?pair=${code}` };
  }

  /** The tablet trades a code for its token. Wrong codes are counted per address (429 past the limit). */
  async pair(input: { code: string }, ip: string): Promise<KioskPaired> {
    const { db, clock, audit, events } = this.deps;
    const retryMs = this.#pairingFailures.retryAfterMs(ip);
    if (retryMs > 0)
      throw problems.tooManyRequests(
        `Too many wrong pairing codes from this tablet. Wait ${Math.ceil(retryMs / 1000)} seconds and try again.`,
        retryMs / 1000,
        'kiosk-pairing-limit',
      );
    const refuse = () => {
      this.#pairingFailures.failed(ip);
      return wrongCode();
    };
    // The owner's screen shows the code 4-4; a typed space or dash is not part of it.
    const code = input.code.replace(/[\s-]/g, '');
    if (!/^[0-9]{8}$/.test(code)) throw refuse();
    const codeHash = sha256Hex(code);
    const now = clock.now().toISOString();
    const pending = await findPairingCodeByHash(db, codeHash);
    if (pending === undefined || pending.expires_at <= now) throw refuse();
    const device = await this.deps.devices.device(pending.device_id);
    if (device === undefined || device.kind !== 'kiosk' || device.revokedAt !== null) throw refuse();
    const kiosk: KioskContext = { deviceId: device.id, name: device.name };
    const token = KIOSK_TOKEN_PREFIX + randomToken(TOKEN_BYTES);
    const paired = await inTransaction(db, async (tx) => {
      // Deleting the code is the claim: of two tablets racing with one code, one pairs.
      if (!(await takePairingCode(tx, device.id, codeHash))) return false;
      const before = await findKiosk(tx, device.id);
      await upsertKiosk(tx, device.id, now, { token_hash: sha256Hex(token), paired_at: now });
      await audit.record(tx, kioskActor(kiosk, ip), {
        action: 'kiosk.paired',
        entityType: 'device',
        entityId: device.id,
        data: { replacedEarlierTablet: before?.token_hash != null },
      });
      // The old tablet's live socket closes (its token no longer holds); the owner's screen refetches.
      afterCommit(tx, () => events.emit('device.changed', { deviceId: device.id }));
      return true;
    });
    if (!paired) throw refuse();
    return { token, kiosk: await this.self(kiosk) };
  }

  /** What the kiosk shows of itself and its shop (GET /api/kiosk/self). */
  async self(kiosk: KioskContext): Promise<KioskSelf> {
    const [settings, { idleSeconds, authorizationText }, authorizationVersion, printer] = await Promise.all([
      this.deps.settings.get(),
      this.deps.settings.effectiveKiosk(),
      this.deps.settings.kioskAuthorizationVersion(),
      this.labelPrinterOf(kiosk.deviceId),
    ]);
    return {
      deviceId: kiosk.deviceId,
      name: kiosk.name,
      shopName: settings.shopName,
      timeZone: settings.timezone,
      idleSeconds,
      authorizationText,
      authorizationVersion,
      hasLabelPrinter: printer !== null,
    };
  }

  /** Settings → Devices: whether the kiosk is paired, its label printer, a pending code. */
  async kioskDevice(deviceId: string): Promise<KioskDevice> {
    const device = await this.#requireKioskDevice(deviceId, { live: false });
    const [row, code] = await Promise.all([
      findKiosk(this.deps.db, deviceId),
      findPairingCode(this.deps.db, deviceId),
    ]);
    const now = this.deps.clock.now().toISOString();
    return {
      paired: device.revokedAt === null && row?.token_hash != null,
      pairedAt: row?.paired_at ?? null,
      labelPrinterDeviceId: row?.label_printer_device_id ?? null,
      codeExpiresAt: code !== undefined && code.expires_at > now ? code.expires_at : null,
    };
  }

  async setLabelPrinter(actor: Actor, deviceId: string, printerId: string | null): Promise<KioskDevice> {
    const { db, clock, audit, events } = this.deps;
    await this.#requireKioskDevice(deviceId, { live: true });
    if (printerId !== null) {
      const printer = await this.deps.devices.device(printerId);
      if (printer?.kind !== 'label-printer' || printer.revokedAt !== null)
        throw problems.validation([
          {
            path: 'labelPrinterDeviceId',
            message: 'is not a label printer of this shop (or it was revoked)',
          },
        ]);
    }
    await inTransaction(db, async (tx) => {
      const before = (await findKiosk(tx, deviceId))?.label_printer_device_id ?? null;
      await upsertKiosk(tx, deviceId, clock.now().toISOString(), { label_printer_device_id: printerId });
      await audit.record(tx, actor, {
        action: 'kiosk.label_printer_set',
        entityType: 'device',
        entityId: deviceId,
        data: { labelPrinterDeviceId: { from: before, to: printerId } },
      });
      afterCommit(tx, () => events.emit('device.changed', { deviceId }));
    });
    return this.kioskDevice(deviceId);
  }

  /**
   * The hidden staff exit: any active staff member's PIN (the hashes the PIN sign-in checks) opens
   * the kiosk's staff panel. Wrong PINs are counted per kiosk (429 past the limit); both outcomes
   * are audited.
   */
  async staffExit(kiosk: KioskContext, pin: string, ip: string | null): Promise<void> {
    const { db, audit, users } = this.deps;
    const retryMs = this.#exitFailures.retryAfterMs(kiosk.deviceId);
    if (retryMs > 0)
      throw problems.tooManyRequests(
        `Too many wrong PINs on this kiosk. Wait ${Math.ceil(retryMs / 1000)} seconds and try again.`,
        retryMs / 1000,
        'kiosk-exit-limit',
      );
    let staff: { id: string; name: string } | null = null;
    if (/^[0-9]{4,8}$/.test(pin)) {
      const rows = await Promise.all((await users.listPinUsers()).map((u) => users.findById(u.id)));
      const checks = await Promise.all(
        rows.map(async (row) =>
          row !== undefined &&
          row.active === 1 &&
          row.pin_hash !== null &&
          (await verifySecret(row.pin_hash, pin))
            ? { id: row.id, name: row.name }
            : null,
        ),
      );
      staff = checks.find((match) => match !== null) ?? null;
    }
    await inTransaction(db, (tx) =>
      audit.record(tx, kioskActor(kiosk, ip), {
        action: staff === null ? 'kiosk.staff_exit_refused' : 'kiosk.staff_exit',
        entityType: 'device',
        entityId: kiosk.deviceId,
        data: staff === null ? {} : { userId: staff.id, name: staff.name },
      }),
    );
    if (staff === null) {
      this.#exitFailures.failed(kiosk.deviceId);
      throw problems.validation([{ path: 'pin', message: 'is not the PIN of an active staff member' }]);
    }
  }

  /**
   * A code no other kiosk's live code has (the lookup is by hash). With 10^8 codes and a handful of
   * kiosks a clash is rare; a few draws settle it, and a bound keeps a broken random source finite.
   */
  async #freshCode(): Promise<string> {
    for (let draw = 0; draw < 10; draw++) {
      const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
      if (!(await isCodeHashTaken(this.deps.db, sha256Hex(code)))) return code;
    }
    throw new Error('no free kiosk pairing code after 10 draws');
  }

  /** The device behind a kiosk route: 404 unknown, 409 not a kiosk, and (when `live`) 409 revoked. */
  async #requireKioskDevice(deviceId: string, { live }: { live: boolean }) {
    const device = orNotFound(await this.deps.devices.device(deviceId), 'device', deviceId);
    if (device.kind !== 'kiosk')
      throw problems.conflict(`This device is a ${device.kind}, not a kiosk.`, 'not-a-kiosk');
    if (live && device.revokedAt !== null)
      throw problems.conflict('This device is revoked: add a new kiosk instead.', 'device-revoked');
    return device;
  }
}
