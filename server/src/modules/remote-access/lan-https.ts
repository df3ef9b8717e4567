import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { EnsureResult, LocalCertificates } from './local-ca.js';

export interface LanHttpsState {
  /** The port asked for (config httpsPort); 0 = HTTPS is off. */
  port: number;
  listening: boolean;
  /** The port actually bound (differs from `port` only when 0 was passed by a test). */
  boundPort: number | null;
  /** Why HTTPS is not up (port in use, certificate trouble), in words for the owner. */
  error: string | null;
}

export interface LanHttpsOptions {
  app: FastifyInstance;
  certificates: LocalCertificates;
  /** How often to look for a changed address or a certificate near its end; 0 = never. */
  refreshMs: number;
  log: FastifyInstance['log'];
}

/**
 * The same app over HTTPS on a second port, for tablets whose PWA service worker needs a secure
 * origin. HTTP stays on the main port (the first visit, fetching the CA). The HTTPS server hands
 * every request to the app's own handler (`app.routing`, what Fastify's HTTP server calls) and its
 * WebSocket upgrades to the app's server, so hooks, auth and routes are the same on both.
 * It starts only when asked (main.ts after listen, or a test): `app.inject` never needs it.
 */
export class LanHttps {
  readonly #options: LanHttpsOptions;
  #server: Server | null = null;
  #timer: NodeJS.Timeout | null = null;
  #certFingerprint: string | null = null;
  #state: LanHttpsState = { port: 0, listening: false, boundPort: null, error: null };

  constructor(options: LanHttpsOptions) {
    this.#options = options;
  }

  state(): LanHttpsState {
    return { ...this.#state };
  }

  /**
   * The local CA and its current server certificate (made on first use), for the box's other TLS
   * listeners (the devices' MQTT broker): one CA for the shop, pinned once by every device.
   */
  tlsMaterial(): Promise<EnsureResult> {
    return this.#options.certificates.ensure();
  }

  /**
   * Makes or renews the certificate, then listens. A failure (port taken) is logged and kept for the
   * status screen; the HTTP side keeps serving, so the shop is never locked out by its HTTPS port.
   */
  async listen(host: string, port: number): Promise<LanHttpsState> {
    if (this.#server !== null) return this.state();
    this.#state = { port, listening: false, boundPort: null, error: null };
    const { app, certificates, log } = this.#options;
    try {
      const material = await certificates.ensure();
      if (material.caCreated) log.info({ dir: certificates.dir }, 'local certificate authority created');
      this.#certFingerprint = material.status.serverFingerprintSha256;
      const server = createServer({ key: material.keyPem, cert: material.certPem }, (req, res) =>
        app.routing(req, res),
      );
      server.keepAliveTimeout = 72_000; // Fastify's own default for its HTTP server
      server.on('upgrade', (req, socket, head) => app.server.emit('upgrade', req, socket, head));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host, port }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      server.on('error', (error) => log.error({ err: error }, 'HTTPS server error'));
      this.#server = server;
      const bound = (server.address() as AddressInfo).port;
      this.#state = { port, listening: true, boundPort: bound, error: null };
      log.info({ port: bound, names: material.status.serverNames }, 'HTTPS on the shop network is ready');
      if (this.#options.refreshMs > 0) {
        this.#timer = setInterval(() => void this.refresh(), this.#options.refreshMs);
        this.#timer.unref();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message =
        code === 'EADDRINUSE'
          ? `Port ${port} is already in use by another program; HTTPS is off until it is free.`
          : code === 'EACCES'
            ? `Not allowed to listen on port ${port}; pick a port above 1024.`
            : `HTTPS could not start: ${(error as Error).message}`;
      this.#state = { port, listening: false, boundPort: null, error: message };
      log.error({ err: error, port }, 'HTTPS on the shop network did not start');
    }
    return this.state();
  }

  /**
   * Reissues the certificate when the box's addresses changed (a new DHCP lease) or its end is near,
   * and swaps it into the running server: new connections get it, open ones keep theirs.
   */
  async refresh(): Promise<boolean> {
    const server = this.#server;
    if (server === null) return false;
    try {
      const material = await this.#options.certificates.ensure();
      if (material.status.serverFingerprintSha256 === this.#certFingerprint) return false;
      server.setSecureContext({ key: material.keyPem, cert: material.certPem });
      this.#certFingerprint = material.status.serverFingerprintSha256;
      this.#options.log.info({ names: material.status.serverNames }, 'HTTPS certificate reissued');
      return true;
    } catch (error) {
      this.#options.log.error({ err: error }, 'HTTPS certificate refresh failed');
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    const server = this.#server;
    this.#server = null;
    if (server === null) return;
    this.#state = { ...this.#state, listening: false };
    // Requests still running get a few seconds, then their connections are cut (like the HTTP side).
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(force);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** HTTPS on the shop network beside HTTP; main.ts starts it after listen (tests when they ask). */
    lanHttps: LanHttps;
  }
}
