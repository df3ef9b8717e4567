import { Value } from '@sinclair/typebox/value';
import type { DisplayService } from '../display/display.service.js';
import type { SessionsService } from '../auth/sessions.service.js';
import type { RealtimeClient, RealtimeHub } from './realtime.hub.js';
import { ClientMessageSchema, type ClientMessage } from './realtime.schemas.js';
import { DISPLAY_TOPICS, isValidTopic } from './topics.js';

/** Who is on the other end of a socket, checked again on every heartbeat. */
export type Viewer = { kind: 'staff'; sessionToken: string } | { kind: 'display'; displayToken: string };

export interface Connection extends RealtimeClient {
  readonly viewer: Viewer;
}

/**
 * The /ws protocol on top of the hub: welcome, subscribe (with resume), unsubscribe, ping. The
 * route only moves bytes; the rules are here.
 */
export class RealtimeService {
  constructor(
    readonly hub: RealtimeHub,
    private readonly sessions: SessionsService,
    private readonly displays: DisplayService,
  ) {}

  open(viewer: Viewer, send: (message: object) => void): Connection {
    const connection: Connection = {
      viewer,
      topics: new Set(),
      mayUse: (topic) => viewer.kind === 'staff' || DISPLAY_TOPICS.has(topic),
      send,
    };
    this.hub.add(connection);
    send({ type: 'welcome', serverId: this.hub.serverId, seq: this.hub.seq, viewer: viewer.kind });
    return connection;
  }

  close(connection: Connection): void {
    this.hub.remove(connection);
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
        message: 'Unknown message: expected subscribe, unsubscribe or ping.',
      });
      return;
    }
    this.dispatch(connection, parsed);
  }

  /** Whether the session or display token behind a socket still holds (deactivated, revoked, expired). */
  async stillAllowed(connection: Connection): Promise<boolean> {
    const { viewer } = connection;
    return viewer.kind === 'staff'
      ? (await this.sessions.authenticate(viewer.sessionToken)) !== null
      : (await this.displays.authenticate(viewer.displayToken)) !== null;
  }

  private dispatch(connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'ping':
        connection.send({ type: 'pong', seq: this.hub.seq });
        return;
      case 'unsubscribe':
        for (const topic of message.topics) connection.topics.delete(topic);
        connection.send({ type: 'unsubscribed', topics: message.topics });
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
        for (const topic of message.topics) connection.topics.add(topic);
        if (message.since === undefined) {
          connection.send({ type: 'subscribed', topics: message.topics, seq: this.hub.seq, replayed: 0 });
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
          });
        }
        return;
      }
    }
  }
}
