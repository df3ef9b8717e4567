import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/after-commit.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { applyDeviceHealth, type DeviceHealthDelta } from './devices.repository.js';

/** Refusals of clients that are no device of ours, by source address (kept for the owner's screen). */
export interface AddressRefusals {
  address: string;
  refusals: number;
  lastRefusal: string;
  lastRefusalAt: string;
}

/** How many unknown addresses are remembered: a scan of the LAN must not grow memory without end. */
const MAX_ADDRESSES = 100;
/** A flood of bad messages becomes one write per device per interval, and one live event. */
const FLUSH_MS = 1_000;
const EVENT_COALESCE_MS = 250;

/** A counted trouble in DeviceHealthDelta: the count, the last text, and when that was. */
type Counter =
  | readonly ['badMessages', 'lastError', 'lastErrorAt']
  | readonly ['refusals', 'lastRefusal', 'lastRefusalAt'];
const BAD_MESSAGES: Counter = ['badMessages', 'lastError', 'lastErrorAt'];
const REFUSALS: Counter = ['refusals', 'lastRefusal', 'lastRefusalAt'];

/**
 * Nothing reported: where a device's pending counts start, and what a bay TV's display token shows
 * (the broker never sees those, so they have no counts, errors or firmware).
 */
export const noHealthReports = (): DeviceHealthDelta => ({
  badMessages: 0,
  lastError: null,
  lastErrorAt: null,
  refusals: 0,
  lastRefusal: null,
  lastRefusalAt: null,
  lastSeenAt: null,
  firmware: null,
  model: null,
});

/**
 * What the broker knows of each device right now: online (memory only: after a restart every
 * device is offline until it connects) and the counters, last error and last seen, which are
 * collected in memory and written to the devices table at most once a second. A flood of 10,000
 * bad messages is so 10,000 increments in memory, one UPDATE and one `device.changed` event.
 */
export class DeviceHealth {
  readonly #online = new Set<string>();
  readonly #pending = new Map<string, DeviceHealthDelta>();
  readonly #addresses = new Map<string, AddressRefusals>();
  readonly #changed = new Set<string>();
  #flushTimer: NodeJS.Timeout | null = null;
  #eventTimer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly log: FastifyBaseLogger,
  ) {}

  isOnline(id: string): boolean {
    return this.#online.has(id);
  }

  onlineIds(): ReadonlySet<string> {
    return this.#online;
  }

  connected(id: string): void {
    this.#online.add(id);
    this.seen(id);
  }

  disconnected(id: string): void {
    if (this.#online.delete(id)) this.#touch(id);
  }

  seen(id: string, about: { firmware?: string | undefined; model?: string | undefined } = {}): void {
    const delta = this.#delta(id);
    delta.lastSeenAt = this.clock.now().toISOString();
    if (about.firmware !== undefined) delta.firmware = about.firmware;
    if (about.model !== undefined) delta.model = about.model;
    this.#touch(id);
  }

  badMessage(id: string, error: string): void {
    this.#count(id, BAD_MESSAGES, error);
  }

  refused(id: string, reason: string): void {
    this.#count(id, REFUSALS, reason);
  }

  /** One more of a counted trouble, with its text (cut short) and when it was last seen. */
  #count(id: string, [count, last, lastAt]: Counter, text: string): void {
    const delta = this.#delta(id);
    delta[count]++;
    delta[last] = text.slice(0, 300);
    delta[lastAt] = this.clock.now().toISOString();
    this.#touch(id);
  }

  refusedAddress(address: string, reason: string): void {
    const at = this.clock.now().toISOString();
    const entry = this.#addresses.get(address);
    if (entry !== undefined) {
      this.#addresses.delete(address); // re-inserted last: the map's order is least recent first
      this.#addresses.set(address, {
        ...entry,
        refusals: entry.refusals + 1,
        lastRefusal: reason,
        lastRefusalAt: at,
      });
      return;
    }
    if (this.#addresses.size >= MAX_ADDRESSES) this.#addresses.delete(this.#addresses.keys().next().value!);
    this.#addresses.set(address, { address, refusals: 1, lastRefusal: reason, lastRefusalAt: at });
  }

  addressRefusals(): AddressRefusals[] {
    return [...this.#addresses.values()].reverse();
  }

  /** Writes what is pending; the list route calls it first, so what the owner reads is current. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (this.#pending.size === 0) return;
      const batch = [...this.#pending];
      this.#pending.clear();
      await inTransaction(this.db, async (tx) => {
        for (const [id, delta] of batch) await applyDeviceHealth(tx, id, delta);
      });
    });
    return this.#flushing;
  }

  async stop(): Promise<void> {
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    if (this.#eventTimer !== null) clearTimeout(this.#eventTimer);
    this.#flushTimer = null;
    this.#eventTimer = null;
    this.#online.clear();
    await this.flush();
  }

  /** Says a device changed, now or with the next batch: one event per device per 250 ms at most. */
  announce(id: string): void {
    this.#changed.add(id);
    this.#eventTimer ??= setTimeout(() => {
      this.#eventTimer = null;
      const ids = [...this.#changed];
      this.#changed.clear();
      for (const deviceId of ids) this.events.emit('device.changed', { deviceId });
    }, EVENT_COALESCE_MS).unref();
  }

  #delta(id: string): DeviceHealthDelta {
    let delta = this.#pending.get(id);
    if (delta === undefined) {
      delta = noHealthReports();
      this.#pending.set(id, delta);
    }
    return delta;
  }

  #touch(id: string): void {
    this.announce(id);
    this.#flushTimer ??= setTimeout(() => {
      this.#flushTimer = null;
      // One transaction: a failed write leaves the table as it was (these counts are lost, logged).
      this.flush().catch((error: unknown) => this.log.error({ err: error }, 'device counters not saved'));
    }, FLUSH_MS).unref();
  }
}
