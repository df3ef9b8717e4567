import type { FastifyBaseLogger } from 'fastify';
import { Value } from '@sinclair/typebox/value';
import {
  BayStateSchema,
  MAX_PAYLOAD_BYTES,
  mqttTopic,
  PrinterStateSchema,
  type BayState,
  type PrinterState,
  type DeviceChannel,
  type DeviceKind,
  type DevicePayload,
} from '../../../contracts/mqtt.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { ConnectedDevice, DeviceBroker } from './device-broker.js';
import type { DeviceHealth } from './device-health.js';
import { findDevice, listDevicesOfKind } from './devices.repository.js';

/** A valid report from a device, as handlers receive it. */
export interface DeviceMessage<K extends DeviceKind, C extends DeviceChannel<K>> {
  device: { id: string; kind: K; name: string; bayId: string | null };
  channel: C;
  /** Already validated against the contract's schema. */
  payload: DevicePayload<K, C>;
  /** The server's clock, ISO. */
  receivedAt: string;
}

type AnyHandler = (message: DeviceMessage<DeviceKind, never>) => Promise<void> | void;

const COMMAND_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * What other modules use of the shop floor (service `deviceGateway`): handlers for each kind's
 * reports, the bays' retained state for the displays, commands to a device, and the devices of a
 * kind. It keeps handlers, never messages: a report arriving with no handler is validated and
 * counted as seen, and that is all.
 */
export class DeviceGateway {
  readonly #handlers = new Map<string, Set<AnyHandler>>();
  /** The last state of each bay, so a broker that starts (or restarts) retains it again. */
  readonly #bayStates = new Map<string, BayState>();
  /** The last state of each label printer (for Home Assistant), kept for the same reason. */
  readonly #printerStates = new Map<string, PrinterState>();
  /** Called when a bay appears that was not announced yet (Home Assistant discovery follows the floor). */
  onNewBay: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly broker: DeviceBroker,
    private readonly health: DeviceHealth,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * Calls `handler` for every valid report on `channel` from devices of `kind` (not `status`, which
   * the gateway handles). A handler that throws or rejects counts as that device's bad message with
   * the error's text; it never stalls the broker (handlers are not awaited by it).
   */
  onMessage<K extends DeviceKind, C extends DeviceChannel<K>>(
    kind: K,
    channel: C,
    handler: (message: DeviceMessage<NoInfer<K>, NoInfer<C>>) => Promise<void> | void,
  ): () => void {
    const key = `${kind}/${channel}`;
    let set = this.#handlers.get(key);
    if (set === undefined) {
      set = new Set();
      this.#handlers.set(key, set);
    }
    set.add(handler as unknown as AnyHandler);
    return () => set.delete(handler as unknown as AnyHandler);
  }

  /** The broker's sink for valid reports. */
  deliver(device: ConnectedDevice, channel: string, payload: unknown): void {
    const handlers = this.#handlers.get(`${device.kind}/${channel}`);
    if (handlers === undefined || handlers.size === 0) return;
    const message = {
      device: { id: device.id, kind: device.kind, name: device.name, bayId: device.bayId },
      channel,
      payload,
      receivedAt: this.clock.now().toISOString(),
    } as unknown as DeviceMessage<DeviceKind, never>;
    for (const handler of handlers) {
      const failed = (error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        this.health.badMessage(device.id, `${channel} not handled: ${text}`);
        this.log.warn({ deviceId: device.id, channel, err: error }, 'device message handler failed');
      };
      try {
        const result = handler(message);
        if (result instanceof Promise) result.catch(failed);
      } catch (error) {
        failed(error);
      }
    }
  }

  /** Retains `state` on ase/v1/bay/<bayId>/state for that bay's displays (QoS 1). */
  async publishBayState(state: BayState): Promise<void> {
    if (!Value.Check(BayStateSchema, state)) {
      const first = Value.Errors(BayStateSchema, state).First();
      throw new Error(`bay state does not match the contract at ${first?.path || '/'}: ${first?.message}`);
    }
    const isNew = !this.#bayStates.has(state.bayId);
    this.#bayStates.set(state.bayId, state);
    await this.#retain(mqttTopic.bayState(state.bayId), state);
    if (isNew) this.onNewBay?.();
  }

  /**
   * Retains a label printer's state on ase/v1/printer/<id>/state (Home Assistant reads it); the
   * same state again (apart from its time) is not republished.
   */
  async publishPrinterState(state: PrinterState): Promise<void> {
    if (!Value.Check(PrinterStateSchema, state)) throw new Error('printer state does not match the contract');
    const last = this.#printerStates.get(state.printerId);
    if (last !== undefined && sameApartFromTime(last, state)) return;
    this.#printerStates.set(state.printerId, state);
    await this.#retain(mqttTopic.printerState(state.printerId), state);
  }

  /** Retains every bay's and printer's last state again: the broker keeps nothing over a restart. */
  async republishStates(): Promise<void> {
    for (const state of this.#bayStates.values()) await this.#retain(mqttTopic.bayState(state.bayId), state);
    for (const state of this.#printerStates.values())
      await this.#retain(mqttTopic.printerState(state.printerId), state);
  }

  #retain(topic: string, state: object): Promise<void> {
    return this.broker.publish(topic, JSON.stringify(state), { qos: 1, retain: true });
  }

  /** Sends `command` to one device (ase/v1/<kind>/<id>/cmd/<command>, QoS 1, not retained). */
  async sendCommand(kind: DeviceKind, deviceId: string, command: string, payload: object): Promise<void> {
    if (!COMMAND_PATTERN.test(command)) throw new Error(`not a command name: ${command}`);
    const row = await findDevice(this.db, deviceId);
    if (row === undefined || row.kind !== kind) throw new Error(`no ${kind} device ${deviceId}`);
    if (row.revoked_at !== null) throw new Error(`device ${deviceId} is revoked`);
    if (!this.broker.running) throw new Error('the MQTT broker is off (mqttPort and mqttTlsPort are 0)');
    const text = JSON.stringify(payload);
    if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES)
      throw new Error(`command payload over ${MAX_PAYLOAD_BYTES} bytes`);
    await this.broker.publish(mqttTopic.command(kind, deviceId, command), text, { qos: 1, retain: false });
  }

  /**
   * One device by id, revoked or not (undefined when unknown): for modules that hold their own
   * state about a device (the kiosks' tokens) and must know its kind and whether it was revoked.
   */
  async device(
    id: string,
  ): Promise<
    { id: string; kind: DeviceKind; name: string; bayId: string | null; revokedAt: string | null } | undefined
  > {
    const row = await findDevice(this.db, id);
    if (row === undefined) return undefined;
    return {
      id: row.id,
      kind: row.kind as DeviceKind,
      name: row.name,
      bayId: row.bay_id,
      revokedAt: row.revoked_at,
    };
  }

  /** The unrevoked devices of a kind, with whether each is connected now. */
  async devicesOfKind(
    kind: DeviceKind,
  ): Promise<Array<{ id: string; name: string; bayId: string | null; online: boolean }>> {
    return (await listDevicesOfKind(this.db, kind)).map((row) => ({
      id: row.id,
      name: row.name,
      bayId: row.bay_id,
      online: this.health.isOnline(row.id),
    }));
  }
}

function sameApartFromTime(a: PrinterState, b: PrinterState): boolean {
  return a.online === b.online && a.queued === b.queued && a.lastError === b.lastError;
}
