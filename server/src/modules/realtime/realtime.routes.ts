import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type WebSocket from 'ws';
import { displayTokenOf, kioskTokenOf, SESSION_COOKIE } from '../../plugins/authentication.js';
import { CLOSE_CODES, type RealtimeService, type Viewer } from './realtime.service.js';

export interface RealtimeRoutesOptions {
  service: RealtimeService;
  /** How often the server pings and re-checks the session; tests shorten it. */
  heartbeatMs?: number;
}

/** A client that lets this much pile up unread is dropped; it reconnects and resumes from its seq. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * GET /ws: one WebSocket per browser for live updates. The authorization hook has already checked
 * the upgrade request (staff session, a display token for the bay TVs, or a kiosk token).
 */
export const realtimeRoutes: FastifyPluginAsync<RealtimeRoutesOptions> = async (app, options) => {
  const { service } = options;
  const heartbeatMs = options.heartbeatMs ?? 30_000;

  app.get(
    '/ws',
    { websocket: true, schema: { tags: ['realtime'], summary: 'Live updates (WebSocket)' } },
    (socket, request) => {
      const viewer = viewerOf(request);
      if (viewer === null) {
        socket.close(CLOSE_CODES.unauthorized, 'Sign in first.');
        return;
      }

      const connection = service.open(viewer, {
        send: (message, json) => send(socket, message, json),
        close: (code, reason) => socket.close(code, reason),
      });
      if (connection === null) return;
      let alive = true;
      socket.on('pong', () => (alive = true));
      socket.on('message', (data: WebSocket.RawData) => service.handle(connection, rawText(data)));

      const heartbeat = setInterval(() => {
        if (!alive) {
          socket.terminate();
          return;
        }
        alive = false;
        socket.ping();
        service.standing(connection).then(
          (standing) => {
            if (!standing.allowed) socket.close(standing.code, standing.reason);
          },
          (error: unknown) => request.log.warn({ err: error }, 'realtime re-check failed'),
        );
      }, heartbeatMs);
      heartbeat.unref();

      socket.on('close', () => {
        clearInterval(heartbeat);
        service.close(connection);
      });
    },
  );
};

function viewerOf(request: FastifyRequest): Viewer | null {
  // First: a kiosk tablet may also carry a staff cookie from a staff sign-in on it.
  const kioskToken = request.kiosk !== null ? kioskTokenOf(request) : undefined;
  if (request.kiosk !== null && kioskToken !== undefined) {
    return { kind: 'kiosk', kioskToken, deviceId: request.kiosk.deviceId };
  }
  const sessionToken = request.auth !== null ? request.cookies[SESSION_COOKIE] : undefined;
  if (request.auth !== null && sessionToken !== undefined) {
    const { sessionId, userId, role } = request.auth;
    return { kind: 'staff', sessionToken, sessionId, userId, role };
  }
  const displayToken = request.display !== null ? displayTokenOf(request) : undefined;
  if (request.display !== null && displayToken !== undefined) {
    return { kind: 'display', displayToken, displayTokenId: request.display.tokenId };
  }
  return null;
}

function send(socket: WebSocket, message: object, json?: string): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.close(1013, 'Too slow: reconnect and resume.');
    return;
  }
  socket.send(json ?? JSON.stringify(message));
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
