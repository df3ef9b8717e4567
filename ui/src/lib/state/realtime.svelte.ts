/**
 * The live connection to /ws. Screens call `live.watch(topics, handlers)`; the connection
 * subscribes, reconnects by itself with a growing delay after a drop, and on reconnect asks the
 * server to replay what it missed (`since` = the last seq seen). When the server cannot replay
 * (restarted, or the gap is older than its log) it answers `resync` and every watcher reloads.
 */
import type { LiveEventName, LiveEvents } from '$contracts/live-events';
import type { ClientMessage, ServerMessage } from '$contracts/realtime';
import { connection } from './connection.svelte';

/**
 * A live event as a watcher gets it. The payload is loosely typed for screens that read one field
 * of several events; `payloadOf` narrows it to the contract's type for one event name.
 */
export interface LiveEvent {
  type: 'event';
  seq: number;
  topics: string[];
  name: LiveEventName;
  payload: Record<string, unknown>;
  at: string;
}

/** The event's payload as the contract types it, when the event is `name`; else null. */
export function payloadOf<N extends LiveEventName>(event: LiveEvent, name: N): LiveEvents[N] | null {
  return event.name === name ? (event.payload as LiveEvents[N]) : null;
}

export interface WatchHandlers {
  /** An event on one of the watched topics. */
  event?: (event: LiveEvent) => void;
  /**
   * State may have been missed: reload everything shown. Called when the server answers `resync`
   * (it restarted, or the gap is older than its replay log); a normal reconnect replays instead.
   */
  resync?: () => void;
}

const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 10000];
const PING_EVERY_MS = 20_000;

interface Watcher {
  topics: string[];
  handlers: WatchHandlers;
}

/** `ended`: the server closed with 4401 (signed out, deactivated, display link revoked); no retry. */
export type LiveStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'ended';

/** The server's close code for a sign-in (or display token) that no longer holds. */
const CLOSE_UNAUTHORIZED = 4401;

export interface LiveConnectionOptions {
  /** The server ended this sign-in: the staff app goes to sign in, a bay TV shows its help. */
  onEnded?: () => void;
}

export class LiveConnection {
  status = $state<LiveStatus>('idle');

  readonly #url: () => string;
  #socket: WebSocket | null = null;
  #watchers = new Set<Watcher>();
  #lastSeq: number | null = null;
  #serverId: string | null = null;
  #attempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  #pingTimer: ReturnType<typeof setInterval> | null = null;
  #closedByUs = false;
  readonly #onEnded: () => void;

  /** `url` is computed at each connect, so a display token in the page address is picked up. */
  constructor(url: () => string, options: LiveConnectionOptions = {}) {
    this.#url = url;
    this.#onEnded = options.onEnded ?? (() => undefined);
  }

  /** Starts receiving `topics`; returns the function that stops it (call it from onDestroy). */
  watch(topics: string[], handlers: WatchHandlers): () => void {
    const watcher: Watcher = { topics, handlers };
    this.#watchers.add(watcher);
    if (this.#socket?.readyState === WebSocket.OPEN) this.#send({ type: 'subscribe', topics });
    else this.#connect();
    return () => {
      this.#watchers.delete(watcher);
      const stillWanted = new Set([...this.#watchers].flatMap((w) => w.topics));
      const dropped = topics.filter((t) => !stillWanted.has(t));
      if (dropped.length > 0 && this.#socket?.readyState === WebSocket.OPEN)
        this.#send({ type: 'unsubscribe', topics: dropped });
      if (this.#watchers.size === 0) this.close();
    };
  }

  close(): void {
    this.#closedByUs = true;
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    if (this.#pingTimer) clearInterval(this.#pingTimer);
    this.#reconnectTimer = null;
    this.#pingTimer = null;
    this.#socket?.close();
    this.#socket = null;
    this.status = 'idle';
  }

  #connect(): void {
    if (this.#socket && this.#socket.readyState <= WebSocket.OPEN) return;
    this.#closedByUs = false;
    this.status = this.#lastSeq === null ? 'connecting' : 'reconnecting';
    const socket = new WebSocket(this.#url());
    this.#socket = socket;
    socket.addEventListener('message', (message) => {
      this.#receive(JSON.parse(String(message.data)) as ServerMessage);
    });
    socket.addEventListener('close', (closed) => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      if (this.#pingTimer) clearInterval(this.#pingTimer);
      if (this.#closedByUs || this.#watchers.size === 0) return;
      // Retrying cannot bring back a sign-in the server ended; the next watch() after signing in
      // connects again.
      if (closed.code === CLOSE_UNAUTHORIZED) {
        this.status = 'ended';
        this.#onEnded();
        return;
      }
      this.status = 'reconnecting';
      const delay = RECONNECT_DELAYS_MS[Math.min(this.#attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 10000;
      this.#attempt += 1;
      this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
    });
  }

  #receive(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome': {
        this.status = 'open';
        this.#attempt = 0;
        const topics = [...new Set([...this.#watchers].flatMap((w) => w.topics))];
        const resume =
          this.#lastSeq === null ? {} : { since: this.#lastSeq, serverId: this.#serverId ?? undefined };
        this.#serverId = message.serverId;
        if (this.#lastSeq === null) this.#lastSeq = message.seq;
        if (topics.length > 0) this.#send({ type: 'subscribe', topics, ...resume });
        if (this.#pingTimer) clearInterval(this.#pingTimer);
        this.#pingTimer = setInterval(() => this.#send({ type: 'ping' }), PING_EVERY_MS);
        return;
      }
      case 'event':
        this.#lastSeq = message.seq;
        for (const watcher of this.#watchers) {
          if (message.topics.some((t) => watcher.topics.includes(t))) watcher.handlers.event?.(message);
        }
        return;
      case 'resync':
        this.#lastSeq = message.seq;
        this.#serverId = message.serverId;
        for (const watcher of this.#watchers) watcher.handlers.resync?.();
        return;
      case 'subscribed':
      case 'pong':
      case 'unsubscribed':
        return;
      case 'error':
        // eslint-disable-next-line no-console -- a refused message is a bug worth seeing in devtools
        console.warn(`live updates: ${message.message}`);
        return;
    }
  }

  #send(message: ClientMessage): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
  }
}

function wsUrl(query = ''): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/ws${query}`;
}

/** The staff app's connection (session cookie). */
export const live = new LiveConnection(() => wsUrl(), { onEnded: () => connection.markSignedOut() });

/** A bay TV's connection: the display token from the page address. */
export function displayConnection(token: string, options: LiveConnectionOptions = {}): LiveConnection {
  return new LiveConnection(() => wsUrl(`?displayToken=${encodeURIComponent(token)}`), options);
}
