import { createServer, type Server, type Socket } from 'node:net';
import { STATUS_ONLINE } from './commands.js';
import { decodeEscpos, type DecodedPrint } from './decode.js';

/**
 * A network label printer on 127.0.0.1 that decodes what it receives: for tests and the
 * simulator's virtual printer. One connection is one capture (a job ends when the sender closes).
 *
 * Modes, switchable while running:
 * - `print`: reads, answers DLE EOT status queries as an online printer does, keeps the capture;
 * - `never-read`: accepts connections and never reads a byte (a wedged printer: the sender's
 *   bytes sit in the socket buffers and no status answer ever comes);
 * - `refuse`: not listening (connection refused), the port kept for when it comes back.
 */
export type CaptureMode = 'print' | 'never-read' | 'refuse';

export interface Capture {
  bytes: Buffer;
  decoded: DecodedPrint;
  receivedAt: Date;
}

export interface CaptureServer {
  readonly host: string;
  readonly port: number;
  readonly captures: readonly Capture[];
  /** How many connections were accepted (in every mode). */
  readonly connections: number;
  setMode(mode: CaptureMode): Promise<void>;
  /** The byte answered to DLE EOT 1: 0x12 online (the default), 0x1a offline (bit 3). */
  setStatusByte(status: number): void;
  /** Resolves when `count` captures have arrived; rejects after `timeoutMs`. */
  waitForCaptures(count: number, timeoutMs?: number): Promise<readonly Capture[]>;
  onCapture(listener: (capture: Capture) => void): () => void;
  close(): Promise<void>;
}

export interface CaptureServerOptions {
  host?: string;
  /** 0 (the default) takes a free port. */
  port?: number;
  mode?: CaptureMode;
}

export async function startCaptureServer(options: CaptureServerOptions = {}): Promise<CaptureServer> {
  const host = options.host ?? '127.0.0.1';
  let mode: CaptureMode = options.mode ?? 'print';
  let port = options.port ?? 0;
  let connections = 0;
  let statusByte = STATUS_ONLINE;
  const captures: Capture[] = [];
  const listeners = new Set<(capture: Capture) => void>();
  const sockets = new Set<Socket>();
  let server: Server | null = null;

  const accept = (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'never-read') {
      socket.pause();
      return;
    }
    const chunks: Buffer[] = [];
    let answered = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // Status queries are answered as they arrive (a real printer does so before printing).
      const queries = decodeEscpos(Buffer.concat(chunks)).statusQueries;
      for (; answered < queries.length; answered += 1) {
        if (!socket.destroyed) socket.write(Buffer.from([statusByte]));
      }
    });
    socket.on('end', () => {
      const bytes = Buffer.concat(chunks);
      socket.end();
      const decoded = decodeEscpos(bytes);
      // A status probe alone (DLE EOT, nothing to print) is not a capture.
      if (decoded.items.length === 0) return;
      const capture: Capture = { bytes, decoded, receivedAt: new Date() };
      captures.push(capture);
      for (const listener of listeners) listener(capture);
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(accept);
      next.once('error', reject);
      next.listen(port, host, () => {
        next.off('error', reject);
        const address = next.address();
        if (address && typeof address === 'object') port = address.port;
        server = next;
        resolve();
      });
    });

  const stopListening = async () => {
    const current = server;
    server = null;
    if (!current) return;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  if (mode !== 'refuse') await listen();
  else {
    // Take a port now so the printer keeps its address when it is switched on.
    await listen();
    await stopListening();
  }

  const onCapture = (listener: (capture: Capture) => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };

  return {
    host,
    get port() {
      return port;
    },
    captures,
    get connections() {
      return connections;
    },
    async setMode(next) {
      const was = mode;
      mode = next;
      if (next === 'refuse') await stopListening();
      else if (was === 'refuse') await listen();
    },
    waitForCaptures(count, timeoutMs = 5000) {
      if (captures.length >= count) return Promise.resolve(captures);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`expected ${count} captures, got ${captures.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        const stop = onCapture(() => {
          if (captures.length < count) return;
          clearTimeout(timer);
          stop();
          resolve(captures);
        });
      });
    },
    onCapture,
    setStatusByte(status) {
      statusByte = status;
    },
    async close() {
      listeners.clear();
      await stopListening();
    },
  };
}
