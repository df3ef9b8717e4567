import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLanRequest } from '../lib/network.js';
import { problems } from '../lib/problem.js';
import type { Actor } from '../modules/audit/audit.service.js';
import type { RequestOrigin } from '../modules/auth/auth.service.js';
import type { AuthContext, SessionsService } from '../modules/auth/sessions.service.js';
import type { DisplayContext, DisplayService } from '../modules/display/display.service.js';
import { KIOSK_TOKEN_PREFIX } from '../../contracts/kiosk.js';

export const SESSION_COOKIE = 'ase_session';

/** Who a request signed with a kiosk token is: one check-in tablet at the door, nothing more. */
export interface KioskContext {
  deviceId: string;
  name: string;
}

/** How a kiosk token is checked (the kiosks module's service). */
export interface KioskAuthenticator {
  authenticate(token: string): Promise<KioskContext | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, or null. Set before authorization runs. */
    auth: AuthContext | null;
    /** Where the request came from: address, user agent, shop LAN or not. */
    origin: RequestOrigin;
    /** Set when the request carries a valid display token (a bay TV). */
    display: DisplayContext | null;
    /** Set when the request carries a valid kiosk token (the check-in tablet at the door). */
    kiosk: KioskContext | null;
  }
}

/**
 * A display token comes as `Authorization: Bearer dt_...` or, for a browser WebSocket (which cannot
 * set headers), as `?displayToken=dt_...`.
 */
export function displayTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.displayToken;
  return typeof fromQuery === 'string' ? fromQuery : undefined;
}

/**
 * A kiosk token (`kk_...`) comes as `Authorization: Bearer kk_...` or, for the kiosk's WebSocket,
 * as `?kioskToken=kk_...`. Undefined when the request carries none.
 */
export function kioskTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice(7).trim();
    return token.startsWith(KIOSK_TOKEN_PREFIX) ? token : undefined;
  }
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.kioskToken;
  return typeof fromQuery === 'string' ? fromQuery : undefined;
}

/**
 * Reads the session cookie (staff), display token (bay TVs) or kiosk token (the check-in tablet)
 * on every request and attaches who it belongs to; authorization decides what they may do.
 */
export async function installAuthentication(
  app: FastifyInstance,
  sessions: SessionsService,
  /** Null in an app without the display module: no display token is recognised. */
  displays: DisplayService | null,
  /** Null in an app without the kiosks module: no kiosk token is recognised. */
  kiosks: KioskAuthenticator | null,
): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('auth', null);
  app.decorateRequest('display', null);
  app.decorateRequest('kiosk', null);
  app.decorateRequest('origin', null as unknown as RequestOrigin);
  app.addHook('onRequest', async (request) => {
    request.origin = {
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      lan: isLanRequest(request.socket.remoteAddress, request.headers),
    };
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined && token !== '') request.auth = await sessions.authenticate(token);
    const displayToken = displayTokenOf(request);
    if (displayToken !== undefined && displays !== null)
      request.display = await displays.authenticate(displayToken);
    const kioskToken = kioskTokenOf(request);
    if (kioskToken !== undefined && kiosks !== null) request.kiosk = await kiosks.authenticate(kioskToken);
  });
}

/** For handlers behind the authorization table: the table guarantees a session, this proves it to TS. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (request.auth === null) throw problems.unauthorized('Sign in first.');
  return request.auth;
}

/** The signed-in staff member as the audit log names them. */
export function actorOf(request: FastifyRequest): Actor {
  const auth = requireAuth(request);
  return { userId: auth.userId, label: auth.name, ip: request.origin.ip };
}

/** For handlers of 'kiosk' routes: the table guarantees a kiosk token, this proves it to TS. */
export function kioskOf(request: FastifyRequest): KioskContext {
  if (request.kiosk === null)
    throw problems.unauthorized(
      'This kiosk is not paired: pair it from Settings → Devices.',
      'kiosk-unpaired',
    );
  return request.kiosk;
}

/** How the audit log names a kiosk: no staff member, the kiosk's name, the tablet's address. */
export function kioskActor(kiosk: KioskContext, ip: string | null): Actor {
  return { userId: null, label: `kiosk: ${kiosk.name}`, ip };
}

/** The kiosk behind a request, as the audit log names it. */
export function kioskActorOf(request: FastifyRequest): Actor {
  return kioskActor(kioskOf(request), request.origin.ip);
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
) {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}
