import { randomUUID } from 'node:crypto';
import type { AnyDomainEvent, DomainEventName } from '../../events/domain-events.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { topicsFor } from '../../../contracts/realtime.js';

/** One event as browsers receive it. `seq` is global and increases by one per event. */
export interface RealtimeEvent {
  type: 'event';
  seq: number;
  topics: string[];
  name: DomainEventName;
  payload: unknown;
  at: string;
}

/** The hub's view of a connected browser: the transport is the route's business. */
export interface RealtimeClient {
  readonly topics: Set<string>;
  /** Which topics this client may subscribe to (a display token: only `board`). */
  mayUse(topic: string): boolean;
  /** `json` is the message already serialized, when the sender has it (one event, many sockets). */
  send(message: object, json?: string): void;
}

export type ResumeResult = { kind: 'replayed'; count: number } | { kind: 'resync'; reason: string };

/**
 * Fans domain events out to browsers by topic. Every event gets the next sequence number and goes
 * into a bounded replay log, so a client that reconnects with the last `seq` it saw receives what it
 * missed; if that is older than the log (or the server restarted: the server id changed), it is told
 * to reload its state instead of silently missing events.
 */
export class RealtimeHub {
  readonly serverId = randomUUID();
  readonly #clients = new Set<RealtimeClient>();
  readonly #log: RealtimeEvent[] = [];
  #seq = 0;
  #unsubscribe: (() => void) | null = null;

  constructor(
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly replayLimit = 5000,
  ) {}

  get seq(): number {
    return this.#seq;
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  start(): void {
    this.#unsubscribe ??= this.events.onAny((name, payload) => this.publish(name, payload));
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#clients.clear();
  }

  add(client: RealtimeClient): void {
    this.#clients.add(client);
  }

  remove(client: RealtimeClient): void {
    this.#clients.delete(client);
  }

  /**
   * Sends a client what it missed since `since` on its topics. Events at or below `since` were
   * seen; the oldest kept event must be at most since + 1 or some were dropped from the log.
   */
  resume(client: RealtimeClient, since: number, serverId: string | undefined): ResumeResult {
    if (serverId !== undefined && serverId !== this.serverId) {
      return { kind: 'resync', reason: 'The server restarted; reload the current state.' };
    }
    if (since > this.#seq) return { kind: 'resync', reason: 'Unknown position; reload the current state.' };
    const oldest = this.#log[0]?.seq ?? this.#seq + 1;
    if (since + 1 < oldest && since < this.#seq) {
      return { kind: 'resync', reason: 'Too many changes while disconnected; reload the current state.' };
    }
    let count = 0;
    for (const event of this.#log) {
      if (event.seq <= since || !event.topics.some((t) => client.topics.has(t))) continue;
      client.send(event);
      count++;
    }
    return { kind: 'replayed', count };
  }

  private publish(name: DomainEventName, payload: unknown): void {
    const topics = topicsFor({ name, payload } as AnyDomainEvent);
    // Nobody can receive it, so it takes no seq and no room in the replay log.
    if (topics.length === 0) return;
    const event: RealtimeEvent = {
      type: 'event',
      seq: ++this.#seq,
      topics,
      name,
      payload,
      at: this.clock.now().toISOString(),
    };
    this.#log.push(event);
    if (this.#log.length > this.replayLimit) this.#log.splice(0, this.#log.length - this.replayLimit);
    // Serialized once for all its sockets, and only if one watches its topics.
    let json: string | undefined;
    for (const client of this.#clients) {
      if (topics.some((t) => client.topics.has(t))) client.send(event, (json ??= JSON.stringify(event)));
    }
  }
}
