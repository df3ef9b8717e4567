import type { FastifyInstance } from 'fastify';
import { problems } from '../lib/problem.js';
import { mayUseRemotely } from '../modules/auth/remote-access.js';
import { kioskTokenOf } from './authentication.js';
import { isAllowed, type RouteTable } from './route-permissions.js';

/**
 * Enforces the route × role table on every request, before any body is parsed or validated, so an
 * unauthorised caller learns nothing about the shape of the request.
 */
export function installAuthorization(app: FastifyInstance, table: RouteTable): void {
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (url === undefined) return; // no such route: the 404 handler answers
    const access = table.accessFor(request.method, url);
    if (access === undefined) {
      request.log.error(
        { route: `${request.method} ${url}` },
        'route is missing from the route × role table; denied',
      );
      throw problems.forbidden('This route is not open to anyone yet.', 'undeclared-route');
    }
    if (access === 'public') return;
    if (access === 'kiosk') {
      if (request.kiosk !== null) return;
      // A staff session is no kiosk; a tablet whose token failed is told to pair again.
      if (request.auth !== null && kioskTokenOf(request) === undefined)
        throw problems.forbidden('Only a paired kiosk may call this.', 'kiosk-only');
      throw problems.unauthorized(
        'This kiosk is not paired (or was revoked): pair it from Settings → Devices.',
        'kiosk-unpaired',
      );
    }
    if (request.kiosk !== null) {
      if (access === 'live') return; // the kiosk's own socket: it holds no topics
      throw problems.forbidden("A kiosk token opens only the kiosk's own routes.", 'kiosk-scope');
    }
    const auth = request.auth;
    const screen = access === 'display' || access === 'live';
    if (screen && auth === null && request.display !== null) return; // a bay TV
    if (auth === null) {
      if (request.display !== null) {
        throw problems.forbidden('A display token can only show the board.', 'display-token-scope');
      }
      throw problems.unauthorized('Sign in first.');
    }
    if (!request.origin.lan && !mayUseRemotely(auth)) {
      throw problems.unauthorized(
        'From outside the shop, sign in with an owner or advisor account and your two-step code.',
        'remote-requires-mfa',
      );
    }
    if (!isAllowed(access, auth.role)) {
      throw problems.forbidden(`Your role (${auth.role}) may not do this.`);
    }
  });
}
