import { join } from 'node:path';
import { HOUR_MS } from '../../lib/clock.js';
import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';
import { LanHttps } from './lan-https.js';
import { LocalCertificates } from './local-ca.js';
import { remoteAccessRoutes } from './remote-access.routes.js';
import { RemoteAccessService } from './remote-access.service.js';
import { TunnelTokenFile } from './tunnel.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/remote-access': OWNER,
  'PUT /api/remote-access/tunnel': OWNER,
  'DELETE /api/remote-access/tunnel': OWNER,
  'GET /api/tls/ca.crt': 'public',
  'GET /api/tls/ca.mobileconfig': 'public',
};

/**
 * The local CA and HTTPS beside HTTP, and the tunnel for remote access. Nothing is generated or
 * bound until main.ts calls app.lanHttps.listen() (or GET /api/remote-access, /api/tls/ca.crt make
 * the CA on first use).
 */
export const remoteAccessModule = defineModule({
  name: 'remote-access',
  needs: ['audit', 'settings', 'notifications'],
  gives: ['lanHttps', 'remoteAccess'],
  create: ({ app, db, clock, config, log }, { audit, settings, notifications }) => {
    const certificates = new LocalCertificates({
      dir: join(config.dataDir, 'tls'),
      clock,
      shopName: async () => (await settings.get()).shopName,
    });
    const lanHttps = new LanHttps({ app, certificates, refreshMs: HOUR_MS, log });
    app.decorate('lanHttps', lanHttps);
    const remoteAccess = new RemoteAccessService({
      db,
      clock,
      audit,
      notifications,
      certificates,
      https: lanHttps,
      tunnelFile: new TunnelTokenFile(join(config.dataDir, 'tunnel')),
      metricsAddress: config.tunnelMetricsAddress,
      httpsPort: config.httpsPort,
    });
    return {
      gives: { lanHttps, remoteAccess },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(remoteAccessRoutes, { service: remoteAccess }),
      stop: () => lanHttps.close(),
    };
  },
});
