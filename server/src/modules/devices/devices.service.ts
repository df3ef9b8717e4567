import { networkInterfaces } from 'node:os';
import type { Selectable } from 'kysely';
import type { DeviceKind } from '../../../contracts/mqtt.js';
import { inTransaction } from '../../db/after-commit.js';
import type { Db } from '../../db/database.js';
import type { DevicesTable } from '../../db/tables/devices.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { randomToken, sha256Hex } from '../../lib/passwords.js';
import { problems } from '../../lib/problem.js';
import { staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { BaysService } from '../bays/bays.service.js';
import type { DisplayService } from '../display/display.service.js';
import type { RealtimeService } from '../realtime/realtime.service.js';
import type { DeviceBroker } from './device-broker.js';
import { noHealthReports, type DeviceHealth } from './device-health.js';
import {
  findDevice,
  insertDevice,
  listDevices,
  updateDeviceIfVersion,
  updateDeviceSecurity,
} from './devices.repository.js';
import type {
  BrokerInfo,
  CreateDeviceInput,
  Device,
  PairedDevice,
  Pairing,
  UpdateDeviceInput,
} from './devices.schemas.js';

/** 24 random bytes (192 bits), base64url: a device password nobody types, so nobody guesses it. */
const PASSWORD_BYTES = 24;

/** An address the devices can reach the box at: the browser's own host, else the box's first LAN address. */
function shopHost(requestHost: string | undefined): string {
  const host = requestHost?.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  if (host !== undefined && host !== '' && host !== 'localhost' && !host.startsWith('127.') && host !== '::1')
    return host;
  for (const list of Object.values(networkInterfaces()))
    for (const entry of list ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  return host ?? 'localhost';
}

export interface DevicesServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  bays: BaysService;
  displays: DisplayService;
  realtime: RealtimeService;
  broker: DeviceBroker;
  health: DeviceHealth;
}

/**
 * Pairing and the floor list: the owner adds a device of a kind, ASE makes its credentials (client
 * id = username = the device id, a random password shown once, only its SHA-256 kept); revoking
 * or a new password drops the device's connection at once. The list also shows the bay TVs'
 * display tokens (through the display service), so everything on the floor is one list.
 */
export class DevicesService {
  constructor(private readonly deps: DevicesServiceDeps) {}

  async list(): Promise<{ items: Device[]; unknownClients: ReturnType<DeviceHealth['addressRefusals']> }> {
    const { db, health, bays, displays, realtime } = this.deps;
    await health.flush();
    const [rows, bayList, tokens] = await Promise.all([listDevices(db), bays.list(), displays.list()]);
    const bayNames = new Map(bayList.map((bay) => [bay.id, bay.name]));
    const liveTokens = realtime.connectedDisplayTokenIds();
    const devices = rows.map((row) => this.#toDevice(row, bayNames));
    const tvs: Device[] = tokens.map((token) => ({
      id: token.id,
      kind: 'display',
      name: token.name,
      bayId: null,
      bayName: null,
      createdAt: token.createdAt,
      revokedAt: token.revokedAt,
      online: token.revokedAt === null && liveTokens.has(token.id),
      ...noHealthReports(),
      lastSeenAt: token.lastUsedAt,
      source: 'display-token',
      version: 1,
    }));
    return { items: [...devices, ...tvs], unknownClients: health.addressRefusals() };
  }

  async get(id: string): Promise<Device> {
    await this.deps.health.flush();
    const row = orNotFound(await findDevice(this.deps.db, id), 'device', id);
    return this.#toDevice(row, await this.#bayNames());
  }

  async create(
    actor: Actor,
    input: CreateDeviceInput,
    requestHost: string | undefined,
  ): Promise<PairedDevice> {
    const { db, clock, audit } = this.deps;
    const password = randomToken(PASSWORD_BYTES);
    const id = newId();
    const bayId = input.bayId ?? null;
    await inTransaction(db, async (tx) => {
      if (bayId !== null) await this.#ensureBay(tx, bayId);
      const at = clock.now().toISOString();
      await insertDevice(tx, {
        id,
        kind: input.kind,
        name: input.name.trim(),
        bay_id: bayId,
        password_hash: sha256Hex(password),
        created_by: actor.userId,
        revoked_at: null,
        last_seen_at: null,
        firmware: null,
        model: null,
        last_error: null,
        last_error_at: null,
        last_refusal: null,
        last_refusal_at: null,
        created_at: at,
        updated_at: at,
      });
      await audit.record(tx, actor, {
        action: 'device.paired',
        entityType: 'device',
        entityId: id,
        data: { kind: input.kind, name: input.name.trim(), bayId },
      });
    });
    this.deps.health.announce(id);
    return this.#paired(id, password, requestHost);
  }

  async update(actor: Actor, id: string, input: UpdateDeviceInput): Promise<Device> {
    const { db, clock, audit, broker } = this.deps;
    const row = await inTransaction(db, async (tx) => {
      const current = orNotFound(await findDevice(tx, id), 'device', id);
      if (current.version !== input.version) throw staleVersionProblem('device', current.version);
      if (input.bayId !== undefined && input.bayId !== null) await this.#ensureBay(tx, input.bayId);
      const ok = await updateDeviceIfVersion(tx, id, input.version, {
        ...(input.name === undefined ? {} : { name: input.name.trim() }),
        ...(input.bayId === undefined ? {} : { bay_id: input.bayId }),
        updated_at: clock.now().toISOString(),
      });
      if (!ok) throw staleVersionProblem('device', current.version + 1);
      await audit.recordUpdate(tx, actor, 'device', id, input);
      return (await findDevice(tx, id))!;
    });
    broker.updateIdentity(id, { name: row.name, bayId: row.bay_id });
    this.deps.health.announce(id);
    return this.get(id);
  }

  /** A new password; the old one stops working and the connected client is dropped now. */
  async newPassword(actor: Actor, id: string, requestHost: string | undefined): Promise<PairedDevice> {
    const { db, clock, audit, broker } = this.deps;
    const password = randomToken(PASSWORD_BYTES);
    await inTransaction(db, async (tx) => {
      const current = orNotFound(await findDevice(tx, id), 'device', id);
      if (current.revoked_at !== null)
        throw problems.conflict('This device is revoked: pair a new one instead.', 'device-revoked');
      await updateDeviceSecurity(tx, id, {
        password_hash: sha256Hex(password),
        updated_at: clock.now().toISOString(),
      });
      await audit.record(tx, actor, {
        action: 'device.password_changed',
        entityType: 'device',
        entityId: id,
      });
    });
    broker.disconnect(id);
    this.deps.health.announce(id);
    return this.#paired(id, password, requestHost);
  }

  async revoke(actor: Actor, id: string): Promise<Device> {
    const { db, clock, audit, broker } = this.deps;
    await inTransaction(db, async (tx) => {
      const current = orNotFound(await findDevice(tx, id), 'device', id);
      if (current.revoked_at !== null) return;
      const at = clock.now().toISOString();
      await updateDeviceSecurity(tx, id, { revoked_at: at, updated_at: at });
      await audit.record(tx, actor, { action: 'device.revoked', entityType: 'device', entityId: id });
    });
    broker.disconnect(id);
    this.deps.health.announce(id);
    return this.get(id);
  }

  brokerInfo(): BrokerInfo {
    const state = this.deps.broker.state();
    return {
      mqtt: {
        listening: state.mqtt.listening,
        port: state.mqtt.port,
        host: state.mqtt.host,
        error: state.mqtt.error,
      },
      mqtts: {
        listening: state.mqtts.listening,
        port: state.mqtts.port,
        caSha256: state.mqtts.caSha256,
        error: state.mqtts.error,
      },
    };
  }

  async #paired(id: string, password: string, requestHost: string | undefined): Promise<PairedDevice> {
    const device = await this.get(id);
    const broker = this.brokerInfo();
    const pairing: Pairing = {
      v: 1,
      kind: device.kind,
      deviceId: id,
      clientId: id,
      username: id,
      password,
      host: shopHost(requestHost),
      port: broker.mqtt.listening ? broker.mqtt.port : null,
      tlsPort: broker.mqtts.listening ? broker.mqtts.port : null,
      caSha256: broker.mqtts.listening ? broker.mqtts.caSha256 : null,
      bayId: device.bayId,
    };
    return { device, pairing, pairingText: JSON.stringify(pairing) };
  }

  async #ensureBay(tx: Db, bayId: string): Promise<void> {
    if (!(await this.deps.bays.isActive(tx, bayId)))
      throw problems.validation(
        [{ path: 'bayId', message: 'is not an active bay' }],
        `No active bay with id ${bayId}.`,
      );
  }

  async #bayNames(): Promise<Map<string, string>> {
    return new Map((await this.deps.bays.list()).map((bay) => [bay.id, bay.name]));
  }

  #toDevice(row: Selectable<DevicesTable>, bayNames: Map<string, string>): Device {
    return {
      id: row.id,
      kind: row.kind as DeviceKind,
      name: row.name,
      bayId: row.bay_id,
      bayName: row.bay_id === null ? null : (bayNames.get(row.bay_id) ?? null),
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
      // A kiosk tablet speaks no MQTT: it is online while its live socket (/ws) is open.
      online:
        row.revoked_at === null &&
        (this.deps.health.isOnline(row.id) ||
          (row.kind === 'kiosk' && this.deps.realtime.connectedKioskDeviceIds().has(row.id))),
      lastSeenAt: row.last_seen_at,
      firmware: row.firmware,
      model: row.model,
      badMessages: row.bad_messages,
      lastError: row.last_error,
      lastErrorAt: row.last_error_at,
      refusals: row.refusals,
      lastRefusal: row.last_refusal,
      lastRefusalAt: row.last_refusal_at,
      source: 'mqtt',
      version: row.version,
    };
  }
}
