import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { problems } from '../../lib/problem.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { LanHttps } from './lan-https.js';
import { mobileConfigFor, type LocalCertificates } from './local-ca.js';
import type { RemoteAccessStatus, TlsStatus, TunnelStatus } from './remote-access.schemas.js';
import { parseTunnelToken, probeTunnel, type TunnelTokenFile } from './tunnel.js';
import { inTransaction } from '../../db/after-commit.js';

/** After a token is saved, cloudflared restarts (a systemd path unit): "not answering" is expected for a bit. */
export const TUNNEL_STARTUP_GRACE_MS = 60_000;

export interface RemoteAccessDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationsService;
  certificates: LocalCertificates;
  https: LanHttps;
  tunnelFile: TunnelTokenFile;
  /** cloudflared's --metrics host:port. */
  metricsAddress: string;
  /** Config httpsPort (0 = off). */
  httpsPort: number;
}

const TOKEN_HELP =
  'This is not a Cloudflare tunnel token. In the Cloudflare dashboard open Zero Trust → Networks → ' +
  'Tunnels → your tunnel → Install connector, and copy the long text after "--token" (it starts with "eyJ").';

/**
 * Remote access: the cloudflared tunnel's token and state, and HTTPS on the shop network with the
 * shop's own CA. There is no table: the token lives in the file the tunnel unit reads (so the secret
 * never enters the database or its off-site copies), the certificates in `<dataDir>/tls`; every
 * change is audited in the database, without the token.
 */
export class RemoteAccessService {
  readonly #deps: RemoteAccessDeps;
  /** When this process last saved a token: the tunnel is "connecting" while cloudflared restarts. */
  #savedAt: number | null = null;

  constructor(deps: RemoteAccessDeps) {
    this.#deps = deps;
  }

  async status(): Promise<RemoteAccessStatus> {
    const [tunnel, publicBaseUrl, tls] = await Promise.all([
      this.#tunnelStatus(),
      this.#deps.notifications.customerLinkBase(),
      this.#tlsStatus(),
    ]);
    return { tunnel, publicBaseUrl, tls };
  }

  async setTunnelToken(actor: Actor, input: string): Promise<RemoteAccessStatus> {
    const parsed = parseTunnelToken(input);
    if (parsed === null) throw problems.validation([{ path: 'token', message: TOKEN_HELP }]);
    const { db, audit, tunnelFile } = this.#deps;
    const replaced = await tunnelFile.exists();
    // Audit and file together: the file is written inside the transaction, so a failed write rolls
    // the entry back and a failed audit never leaves an unrecorded token behind.
    await inTransaction(db, async (tx) => {
      await audit.record(tx, actor, {
        action: replaced ? 'remote_access.tunnel.replaced' : 'remote_access.tunnel.configured',
        entityType: 'remote_access',
        entityId: 'tunnel',
        data: { tunnelId: parsed.tunnelId },
      });
      await tunnelFile.write(parsed.token);
    });
    this.#savedAt = this.#deps.clock.now().getTime();
    return this.status();
  }

  async removeTunnel(actor: Actor): Promise<RemoteAccessStatus> {
    const { db, audit, tunnelFile } = this.#deps;
    if (await tunnelFile.exists()) {
      await inTransaction(db, async (tx) => {
        await audit.record(tx, actor, {
          action: 'remote_access.tunnel.removed',
          entityType: 'remote_access',
          entityId: 'tunnel',
        });
        await tunnelFile.remove();
      });
    }
    this.#savedAt = null;
    return this.status();
  }

  /** The CA certificate for shop devices to trust (made on first use if the server never listened). */
  async caCertificate(): Promise<{ pem: string; mobileConfig: string }> {
    const { caPem, status } = await this.#deps.certificates.ensure();
    return { pem: caPem, mobileConfig: mobileConfigFor(caPem, status.caName, status.caFingerprintSha256) };
  }

  async #tunnelStatus(): Promise<TunnelStatus> {
    const { tunnelFile, metricsAddress, clock } = this.#deps;
    const base = { metricsAddress, checkedAt: clock.now().toISOString() };
    if (!(await tunnelFile.exists())) {
      return { ...base, configured: false, tunnelId: null, state: 'not configured', detail: null };
    }
    const tunnelId = parseTunnelToken((await tunnelFile.read()) ?? '')?.tunnelId ?? null;
    const probe = await probeTunnel(metricsAddress);
    const checkedAt = clock.now().toISOString();
    if (probe.kind === 'ready')
      return { ...base, checkedAt, configured: true, tunnelId, state: 'connected', detail: null };
    const justSaved =
      this.#savedAt !== null && clock.now().getTime() - this.#savedAt < TUNNEL_STARTUP_GRACE_MS;
    const state = probe.kind === 'not-ready' || justSaved ? 'connecting' : 'unreachable';
    return { ...base, checkedAt, configured: true, tunnelId, state, detail: probe.detail };
  }

  async #tlsStatus(): Promise<TlsStatus> {
    const { certificates, https, httpsPort } = this.#deps;
    const { status } = await certificates.ensure();
    const state = https.state();
    const port = state.boundPort ?? httpsPort;
    const suffix = port === 443 ? '' : `:${port}`;
    const hosts = status.serverNames.filter((name) =>
      /^\d+\.\d+\.\d+\.\d+$/.test(name) ? !name.startsWith('127.') : name.endsWith('.local'),
    );
    return {
      httpsPort,
      listening: state.listening,
      error: state.error,
      urls: httpsPort === 0 ? [] : hosts.map((host) => `https://${host}${suffix}/`),
      caName: status.caName,
      caFingerprintSha256: status.caFingerprintSha256,
      caNotAfter: status.caNotAfter,
      serverNames: status.serverNames,
      serverNotAfter: status.serverNotAfter,
    };
  }
}
