import { Value } from '@sinclair/typebox/value';
import { LIVE_EVENT_SCHEMAS } from '../../contracts/live-events.js';
import type { DomainEventName, DomainEvents } from './domain-events.js';

type Listener<K extends DomainEventName> = (payload: DomainEvents[K]) => void;
type AnyListener = (name: DomainEventName, payload: DomainEvents[DomainEventName]) => void;

/**
 * A typed, synchronous, in-process event bus. A listener that throws is reported through
 * `onListenerError` and does not stop the others or the emitter: a broken display must not
 * break a status change. Every payload is checked against its contract schema first: one that
 * does not match is reported the same way and reaches no listener (browsers and devices trust
 * what they receive).
 */
export class EventBus {
  readonly #listeners = new Map<DomainEventName, Set<Listener<DomainEventName>>>();
  readonly #anyListeners = new Set<AnyListener>();

  constructor(
    private readonly onListenerError: (error: unknown, event: DomainEventName) => void = () => {},
  ) {}

  on<K extends DomainEventName>(name: K, listener: Listener<K>): () => void {
    let set = this.#listeners.get(name);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(name, set);
    }
    set.add(listener as Listener<DomainEventName>);
    return () => set.delete(listener as Listener<DomainEventName>);
  }

  /** Every event, for forwarders (realtime hub, MQTT bridge). */
  onAny(listener: AnyListener): () => void {
    this.#anyListeners.add(listener);
    return () => this.#anyListeners.delete(listener);
  }

  emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): void {
    const schema = LIVE_EVENT_SCHEMAS[name];
    if (!Value.Check(schema, payload)) {
      const first = Value.Errors(schema, payload).First();
      this.onListenerError(
        new LiveEventContractError(name, first ? `${first.path || '/'}: ${first.message}` : ''),
        name,
      );
      return;
    }
    for (const listener of this.#listeners.get(name) ?? []) this.#safely(name, () => listener(payload));
    for (const listener of this.#anyListeners) this.#safely(name, () => listener(name, payload));
  }

  #safely(name: DomainEventName, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.onListenerError(error, name);
    }
  }
}

/** A payload that does not match its live-event schema: a bug in the emitter, never delivered. */
export class LiveEventContractError extends Error {
  constructor(
    readonly event: DomainEventName,
    readonly detail: string,
  ) {
    super(`live event ${event} does not match its contract (${detail})`);
    this.name = 'LiveEventContractError';
  }
}
