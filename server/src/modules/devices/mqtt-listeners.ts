import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import type { FastifyBaseLogger } from 'fastify';

/** One listening port of the broker, as the owner's screen and the tests read it. */
export interface ListenerState {
  listening: boolean;
  /** The bound port when listening, else the port asked for (null = off). */
  port: number | null;
  host: string;
  /** Why it is not listening (port taken, no certificate), in words for the owner. */
  error: string | null;
}

/** TCP keep-alive probes find a peer that vanished without a FIN even if its MQTT keep-alive is 0. */
const TCP_KEEPALIVE_MS = 30_000;

/** Every broker socket: no Nagle delay (a sensor event is one small packet), and TCP keep-alive. */
function tune(socket: Socket): void {
  socket.setNoDelay(true);
  socket.setKeepAlive(true, TCP_KEEPALIVE_MS);
}

function reasonFor(error: unknown, port: number, what: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return `Port ${port} is already in use by another program; ${what} is off until it is free.`;
  if (code === 'EACCES') return `Not allowed to listen on port ${port}; pick a port above 1024.`;
  return `${what} could not start: ${(error as Error).message}`;
}

/**
 * A TCP (or TLS) server that hands each connection to the broker. A port that cannot be bound is
 * logged on one line and kept as the listener's error: the app and the other port keep serving.
 */
export class MqttListener {
  #server: Server | null = null;
  readonly #sockets = new Set<Socket>();
  #state: ListenerState;

  constructor(
    private readonly what: string,
    private readonly host: string,
    private readonly port: number | null,
    private readonly log: FastifyBaseLogger,
  ) {
    this.#state = { listening: false, port, host, error: null };
  }

  state(): ListenerState {
    return { ...this.#state };
  }

  /** Listens with `handle` for each connection; `tls` makes it MQTT over TLS with that key and certificate. */
  async listen(
    handle: (socket: Socket) => void,
    tls?: () => Promise<{ keyPem: string; certPem: string }>,
  ): Promise<void> {
    if (this.port === null || this.#server !== null) return;
    try {
      let server: Server;
      if (tls === undefined) {
        server = createNetServer((socket) => {
          tune(socket);
          this.#track(socket);
          handle(socket);
        });
      } else {
        const material = await tls();
        server = createTlsServer({ key: material.keyPem, cert: material.certPem }, (socket) => {
          tune(socket);
          this.#track(socket);
          handle(socket);
        });
        // A client that never finishes the handshake is closed like one that never sends CONNECT.
        server.on('tlsClientError', (error: Error, socket: TLSSocket) => {
          this.log.debug({ err: error, address: socket.remoteAddress }, `${this.what}: TLS handshake failed`);
        });
      }
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: this.host, port: this.port! }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      server.on('error', (error) => this.log.error({ err: error }, `${this.what} server error`));
      this.#server = server;
      const bound = (server.address() as AddressInfo).port;
      this.#state = { listening: true, port: bound, host: this.host, error: null };
      this.log.info({ host: this.host, port: bound }, `${this.what} is listening`);
    } catch (error) {
      const reason = reasonFor(error, this.port, this.what);
      this.#state = { listening: false, port: this.port, host: this.host, error: reason };
      this.log.error({ port: this.port, code: (error as NodeJS.ErrnoException).code }, reason);
    }
  }

  /** Stops accepting; connections still open after the broker closed its clients are cut. */
  async close(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (server === null) return;
    this.#state = { ...this.#state, listening: false };
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of this.#sockets) socket.destroy();
    });
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
  }
}
