import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** One request as the stand-in gateway received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The form fields (Twilio posts application/x-www-form-urlencoded). */
  form: Record<string, string>;
}

export interface RecordingGateway {
  /** The base URL, e.g. http://127.0.0.1:41234 (stays the same across down()/up()). */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** The status the next requests get (201 by default, like Twilio). */
  respondWith(status: number, body?: object): void;
  /** "The internet is down": stop listening, so connections are refused. */
  down(): Promise<void>;
  /** Back up on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

async function listen(server: Server | HttpsServer, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

async function shut(server: Server | HttpsServer): Promise<void> {
  if (!server.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * A local HTTP server standing in for the SMS gateway (or, with `tls`, a web-push service): it
 * records every request and answers like Twilio (201 with a message sid) unless told otherwise.
 */
export async function startRecordingGateway(tls?: { key: string; cert: string }): Promise<RecordingGateway> {
  const requests: RecordedRequest[] = [];
  let status = 201;
  let responseBody: object | undefined;
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = String(request.headers['content-type'] ?? '').startsWith(
        'application/x-www-form-urlencoded',
      )
        ? Object.fromEntries(new URLSearchParams(body.toString('utf8')))
        : {};
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
        form,
      });
      const payload = responseBody ?? {
        sid: `SM${String(requests.length).padStart(32, '0')}`,
        status: 'queued',
      };
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    });
  };
  let server: Server | HttpsServer = tls ? createHttpsServer(tls, handler) : createServer(handler);
  const port = await listen(server, 0);
  const scheme = tls ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    requests,
    respondWith(next, body) {
      status = next;
      responseBody = body;
    },
    async down() {
      await shut(server);
    },
    async up() {
      server = tls ? createHttpsServer(tls, handler) : createServer(handler);
      await listen(server, port);
    },
    close: () => shut(server),
  };
}
