import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problems } from '../lib/problem.js';
import { currentHostInfo, type HostInfo } from '../modules/remote-access/host-info.js';

export interface OriginCheckOptions {
  /** The public address the owner configured (Settings → Messages), or null; read only when needed. */
  publicBaseUrl: () => Promise<string | null>;
  /** The configured HTTP port, used until the server listens (then the bound port counts). */
  httpPort: number;
  /** The LAN HTTPS port actually bound, or null while HTTPS is off. */
  httpsPort: () => number | null;
  /** The box's addresses; tests hand in their own. */
  hostInfo?: () => HostInfo;
}

/** Methods that read only; everything else changes state and must come from the shop's own pages. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `scheme://host[:port]` as a browser serializes it (default port dropped, lower case), or null. */
export function normalizeOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

function isWebSocketUpgrade(request: FastifyRequest): boolean {
  const upgrade = request.headers.upgrade;
  return typeof upgrade === 'string' && upgrade.toLowerCase() === 'websocket';
}

function hostForUrl(name: string): string {
  return isIP(name) === 6 ? `[${name}]` : name;
}

/**
 * Refuses state-changing requests (any method but GET/HEAD/OPTIONS) and WebSocket upgrades that a
 * browser sent from a page that is not the shop's own. SameSite=Lax keeps other *sites* from using
 * the staff cookie, but a sibling subdomain of the tunnel's host name or another port on the box is
 * the same site: without this, a page there could deactivate a user, revoke a link, text customers
 * or read the live /ws feed with the signed-in staff member's cookie.
 *
 * The shop's own origins: the address the request itself was sent to (scheme and Host, through a
 * trusted proxy's X-Forwarded-* as Fastify reads them), the box's addresses, its host name and
 * localhost on the HTTP and LAN HTTPS ports, and the public address the owner configured.
 * Without an Origin header, Sec-Fetch-Site decides; with neither (curl, the SMS provider's webhook,
 * server-to-server, tests) the request is let through: no browser sent it, so no cookie rides along
 * against the user's will. The public customer routes follow the same rule: the approval page posts
 * from the shop's own (public) address, and the provider's webhook sends no Origin at all.
 */
export function installOriginCheck(app: FastifyInstance, options: OriginCheckOptions): void {
  const hostInfo = options.hostInfo ?? currentHostInfo;

  const httpPort = (): number => {
    const address = app.server.address();
    return address !== null && typeof address === 'object' ? address.port : options.httpPort;
  };

  /** The box's own origins on the shop network: only its two ports, never another one on the box. */
  const boxOrigins = (): Set<string> => {
    const info = hostInfo();
    const names = ['localhost', '127.0.0.1', '::1', info.hostname, ...info.addresses].map(hostForUrl);
    const ports: [string, number | null][] = [
      ['http', httpPort()],
      ['https', options.httpsPort()],
    ];
    const origins = new Set<string>();
    for (const [scheme, port] of ports) {
      if (port === null || port === 0) continue;
      for (const name of names) {
        const origin = normalizeOrigin(`${scheme}://${name}:${port}`);
        if (origin !== null) origins.add(origin);
      }
    }
    return origins;
  };

  const isShopOrigin = async (request: FastifyRequest, origin: string): Promise<boolean> => {
    // The core same-origin test: the page's origin is the address this request was sent to.
    if (origin === normalizeOrigin(`${request.protocol}://${request.host}`)) return true;
    if (boxOrigins().has(origin)) return true;
    try {
      const configured = await options.publicBaseUrl();
      return configured !== null && normalizeOrigin(configured) === origin;
    } catch (error) {
      request.log.error({ err: error }, 'origin check could not read the public address');
      return false;
    }
  };

  app.addHook('onRequest', async (request) => {
    const upgrade = isWebSocketUpgrade(request);
    if (SAFE_METHODS.has(request.method) && !upgrade) return;
    const what = upgrade ? 'live-update connection' : 'change';

    const header = request.headers.origin;
    if (header !== undefined) {
      const origin = normalizeOrigin(header);
      if (origin !== null && (await isShopOrigin(request, origin))) return;
      request.log.warn(
        { origin: header, host: request.host, url: request.url },
        'cross-origin request refused',
      );
      throw problems.forbidden(
        `This ${what} was sent by a page at ${origin ?? `"${header}"`}, which is not this shop's own ` +
          'address, so it was refused (a page elsewhere must not act with your sign-in). Open ASE at ' +
          "the shop's address, or set the public address in Settings → Messages if this is it.",
        'cross-origin-refused',
      );
    }

    // No Origin: browsers send one on every POST and upgrade, so this is rare; trust Sec-Fetch-Site.
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      request.log.warn({ secFetchSite: site, url: request.url }, 'cross-origin request refused');
      throw problems.forbidden(
        `This ${what} came from a page on another ${site === 'cross-site' ? 'site' : 'address'} ` +
          '(Sec-Fetch-Site: ' +
          `${site}), not from this shop's own pages, so it was refused.`,
        'cross-origin-refused',
      );
    }
  });
}
