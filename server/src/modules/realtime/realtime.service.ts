import { Value } from '@sinclair/typebox/value';
import type { Role } from '../../db/schema.js';
import type { EventBus } from '../../events/event-bus.js';
import type { DisplayService } from '../display/display.service.js';
import type { SessionsService } from '../auth/sessions.service.js';
import type { RealtimeClient, RealtimeHub } from './realtime.hub.js';
import {
  ClientMessageSchema,
  DISPLAY_TOPICS,
  OWNER_TOPICS,
  isValidTopic,
  MAX_TOPICS_PER_CONNECTION,
  type ClientMessage,
} from '../../../contracts/realtime.js';

/** Who is on the other end of a socket, as signed in when it opened; checked again on every heartbeat. */
export type Viewer =
  | { kind: 'staff'; sessionToken: string; sessionId: string; userId: string; role: Role }
  | { kind: 'display'; displayToken: string; displayTokenId: string }
  | { kind: 'kiosk'; kioskToken: string; deviceId: string };

/** How a kiosk's token is checked again (the kiosks module, wired after this one). */
export interface KioskAuthenticator {
  authenticate(token: string): Promise<{ deviceId: string } | null>;
}

/** How the service reaches a socket: the route owns the transport. */
export interface Transport {
  /** `json`: the message already serialized (RealtimeClient.send). */
  send(message: object, json?: string): void;
  close(code: number, reason: string): void;
}

export interface Connection extends RealtimeClient {
  readonly viewer: Viewer;
  close(code: number, reason: string): void;
}

/** Whether a connection may stay open, and if not, the close code and reason it gets. */
export type Standing = { allowed: true } | { allowed: false; code: number; reason: string };

/**
 * Close codes of the /ws protocol (4000-4999 are the application's; the hundreds follow HTTP).
 * A browser sees only the code and reason of a refused or closed socket, never an HTTP status.
 */
export const CLOSE_CODES = {
  /**
   * Signed out, deactivated, expired, a revoked display token, or a revoked or replaced kiosk token:
   * sign in (get a new link, pair the kiosk) again.
   */
  unauthorized: 4401,
  /** Still signed in, but with another role: reconnect to be checked with the new one. */
  roleChanged: 4403,
  /** Too many live connections on one sign-in. */
  tooMany: 4429,
} as const;

/**
 * Live connections one sign-in (a staff session, or one bay TV's display token) may hold at once.
 * A browser uses one per tab; 16 is far above a counter PC's tabs. Over it the NEW socket is refused,
 * not the oldest closed: the browser client reconnects any socket the server closes, so evicting the
 * oldest would make 17 open tabs evict each other in a loop, and a stolen cookie could knock the
 * real user's screens offline. A refused tab retries with a growing delay and gets in once another
 * tab closes.
 */
export const MAX_CONNECTIONS_PER_SIGN_IN = 16;

/**
 * The /ws protocol on top of the hub: welcome, subscribe (with resume), unsubscribe, ping; what a
 * socket may hold (topics, sockets per sign-in); and closing sockets whose sign-in no longer
 * holds. The route only moves bytes; the rules are here.
 */
export class RealtimeService {
  /** Open connections by sign-in (`session:<id>`, `display:<id>` or `kiosk:<device id>`). */
  readonly #bySignIn = new Map<string, Set<Connection>>();
  #unsubscribe: (() => void)[] = [];
  /** Null until the kiosks module hands it over; a kiosk socket without it is not allowed. */
  #kiosks: KioskAuthenticator | null = null;

  constructor(
    readonly hub: RealtimeHub,
    private readonly sessions: SessionsService,
    private readonly displays: DisplayService,
    private readonly events: EventBus,
  ) {}

  /**
   * The kiosks module starts after the devices module, which needs this service: so it registers
   * its authenticator here afterwards instead of being a need of this module.
   */
  useKiosks(kiosks: KioskAuthenticator): void {
    this.#kiosks = kiosks;
  }

  start(): void {
    this.hub.start();
    if (this.#unsubscribe.length > 0) return;
    // Acted on as soon as the change is committed (services emit after the commit); the heartbeat
    // re-check stays as the safety net for what no event announces (idle expiry, a TOTP reset).
    this.#unsubscribe = [
      this.events.on('staffSessionEnded', ({ sessionId }) =>
        this.#recheck((v) => v.kind === 'staff' && v.sessionId === sessionId),
      ),
      this.events.on('staffAccessChanged', ({ userId }) =>
        this.#recheck((v) => v.kind === 'staff' && v.userId === userId),
      ),
      this.events.on('displayTokenRevoked', ({ displayTokenId }) =>
        this.#recheck((v) => v.kind === 'display' && v.displayTokenId === displayTokenId),
      ),
      // A kiosk device revoked, or paired again (its old token replaced): its tablet's socket closes.
      this.events.on('device.changed', ({ deviceId }) =>
        this.#recheck((v) => v.kind === 'kiosk' && v.deviceId === deviceId),
      ),
    ];
  }

  stop(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#bySignIn.clear();
    this.hub.stop();
  }

  /** Registers a socket and welcomes it, or refuses it (closed, null) when its sign-in holds too many. */
  open(viewer: Viewer, transport: Transport): Connection | null {
    const key = signInKey(viewer);
    const siblings = this.#bySignIn.get(key) ?? new Set<Connection>();
    if (siblings.size >= MAX_CONNECTIONS_PER_SIGN_IN) {
      const message = `Too many live connections for this sign-in (at most ${MAX_CONNECTIONS_PER_SIGN_IN}): close another tab or window.`;
      transport.send({ type: 'error', message });
      transport.close(CLOSE_CODES.tooMany, 'Too many live connections for this sign-in.');
      return null;
    }
    const connection: Connection = {
      viewer,
      topics: new Set(),
      mayUse: (topic) => {
        if (viewer.kind === 'staff') return !OWNER_TOPICS.has(topic) || viewer.role === 'owner';
        // A kiosk's socket exists to be closed when it is revoked: it watches nothing.
        return viewer.kind === 'display' && DISPLAY_TOPICS.has(topic);
      },
      send: (message, json) => transport.send(message, json),
      close: (code, reason) => transport.close(code, reason),
    };
    siblings.add(connection);
    this.#bySignIn.set(key, siblings);
    this.hub.add(connection);
    // A kiosk's socket is how the floor list knows its tablet is on: the owner's list refetches.
    if (viewer.kind === 'kiosk' && siblings.size === 1)
      this.events.emit('device.changed', { deviceId: viewer.deviceId });
    transport.send({ type: 'welcome', serverId: this.hub.serverId, seq: this.hub.seq, viewer: viewer.kind });
    return connection;
  }

  /** The display tokens (bay TVs) with a live socket open now: the floor list shows them online. */
  connectedDisplayTokenIds(): Set<string> {
    return this.#connected('display:');
  }

  /** The kiosks (device ids) with a live socket open now: the floor list shows them online. */
  connectedKioskDeviceIds(): Set<string> {
    return this.#connected('kiosk:');
  }

  #connected(prefix: string): Set<string> {
    const ids = new Set<string>();
    for (const key of this.#bySignIn.keys()) if (key.startsWith(prefix)) ids.add(key.slice(prefix.length));
    return ids;
  }

  close(connection: Connection): void {
    this.hub.remove(connection);
    const key = signInKey(connection.viewer);
    const siblings = this.#bySignIn.get(key);
    if (siblings?.delete(connection) !== true) return;
    if (siblings.size > 0) return;
    this.#bySignIn.delete(key);
    if (connection.viewer.kind === 'kiosk')
      this.events.emit('device.changed', { deviceId: connection.viewer.deviceId });
  }

  handle(connection: Connection, raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      connection.send({ type: 'error', message: 'Messages must be JSON.' });
      return;
    }
    if (!Value.Check(ClientMessageSchema, parsed)) {
      connection.send({
        type: 'error',
        message: `Unknown message: expected subscribe, unsubscribe (1 to ${MAX_TOPICS_PER_CONNECTION} topics) or ping.`,
      });
      return;
    }
    this.dispatch(connection, parsed);
  }

  /** Whether the session or display token behind a socket still holds (deactivated, revoked, expired, role). */
  async standing(connection: Connection): Promise<Standing> {
    const { viewer } = connection;
    if (viewer.kind === 'kiosk') {
      const kiosk = this.#kiosks === null ? null : await this.#kiosks.authenticate(viewer.kioskToken);
      return kiosk !== null && kiosk.deviceId === viewer.deviceId
        ? { allowed: true }
        : {
            allowed: false,
            code: CLOSE_CODES.unauthorized,
            reason: 'This kiosk was revoked or paired again: pair it from Settings → Devices.',
          };
    }
    if (viewer.kind === 'display') {
      return (await this.displays.authenticate(viewer.displayToken)) !== null
        ? { allowed: true }
        : {
            allowed: false,
            code: CLOSE_CODES.unauthorized,
            reason: 'This display was revoked: ask the owner for a new link.',
          };
    }
    const auth = await this.sessions.authenticate(viewer.sessionToken);
    if (auth === null) {
      return { allowed: false, code: CLOSE_CODES.unauthorized, reason: 'Your session ended: sign in again.' };
    }
    if (auth.role !== viewer.role) {
      return { allowed: false, code: CLOSE_CODES.roleChanged, reason: 'Your role changed: reconnect.' };
    }
    return { allowed: true };
  }

  /** Checks the matching connections again and closes those no longer allowed. */
  #recheck(matches: (viewer: Viewer) => boolean): void {
    for (const siblings of this.#bySignIn.values()) {
      for (const connection of siblings) {
        if (!matches(connection.viewer)) continue;
        void this.standing(connection).then(
          (standing) => {
            if (!standing.allowed) connection.close(standing.code, standing.reason);
          },
          // A failed check leaves the socket to the heartbeat, which checks again.
          () => undefined,
        );
      }
    }
  }

  private dispatch(connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'ping':
        connection.send({ type: 'pong', seq: this.hub.seq, watching: connection.topics.size });
        return;
      case 'unsubscribe':
        for (const topic of message.topics) connection.topics.delete(topic);
        connection.send({ type: 'unsubscribed', topics: message.topics, watching: connection.topics.size });
        return;
      case 'subscribe': {
        const refused = message.topics.filter((t) => !isValidTopic(t) || !connection.mayUse(t));
        if (refused.length > 0) {
          connection.send({
            type: 'error',
            message: `Not a topic you can subscribe to: ${refused.join(', ')}`,
          });
          return;
        }
        const added = new Set(message.topics.filter((t) => !connection.topics.has(t)));
        if (connection.topics.size + added.size > MAX_TOPICS_PER_CONNECTION) {
          // All or nothing, like a refused topic: the client learns the whole request failed.
          connection.send({
            type: 'error',
            message: `Too many topics: one connection watches at most ${MAX_TOPICS_PER_CONNECTION} (this one watches ${connection.topics.size}, and this would add ${added.size}). Unsubscribe from some first.`,
          });
          return;
        }
        for (const topic of added) connection.topics.add(topic);
        const watching = connection.topics.size;
        if (message.since === undefined) {
          connection.send({
            type: 'subscribed',
            topics: message.topics,
            seq: this.hub.seq,
            replayed: 0,
            watching,
          });
          return;
        }
        // Replay and the live stream cannot interleave: both run on this one thread.
        const result = this.hub.resume(connection, message.since, message.serverId);
        if (result.kind === 'resync') {
          connection.send({
            type: 'resync',
            reason: result.reason,
            seq: this.hub.seq,
            serverId: this.hub.serverId,
          });
        } else {
          connection.send({
            type: 'subscribed',
            topics: message.topics,
            seq: this.hub.seq,
            replayed: result.count,
            watching,
          });
        }
        return;
      }
    }
  }
}

function signInKey(viewer: Viewer): string {
  switch (viewer.kind) {
    case 'staff':
      return `session:${viewer.sessionId}`;
    case 'display':
      return `display:${viewer.displayTokenId}`;
    case 'kiosk':
      return `kiosk:${viewer.deviceId}`;
  }
}
