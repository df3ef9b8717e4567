import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A response body serialized once, with the validator a browser sends back to ask "changed?". */
export interface JsonText {
  text: string;
  etag: string;
  /**
   * The gzip of `text`, made on the first request that accepts gzip and kept with the cached
   * value (a memo, not a change of its content): every screen after that gets it for free.
   */
  gzipped?: Buffer;
  /**
   * `text` as UTF-8 bytes, made on the first plain request: sending a string makes Node encode
   * it again for every response (the board's ~80 KB, for every screen that polls it).
   */
  utf8?: Buffer;
}

/** Below this, gzip costs more than the bytes it saves on a LAN. */
const GZIP_ABOVE_BYTES = 1024;

export function toJsonText(value: unknown): JsonText {
  const text = JSON.stringify(value);
  return { text, etag: `W/"${createHash('sha1').update(text).digest('base64url')}"` };
}

/** Whether the client takes gzip; `gzip;q=0` is a refusal. */
export function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Sends pre-serialized JSON as is (bytes skip the response serializer), or 304 with no body
 * when the client already holds this version: screens that poll the board pay for bytes only when
 * something changed. Browsers (which all accept gzip) get the body gzipped once per version:
 * the board's ~60 KB becomes ~6 KB, which is what a tablet on shop Wi-Fi waits for.
 */
export function sendJsonText(request: FastifyRequest, reply: FastifyReply, body: JsonText): FastifyReply {
  void reply.header('etag', body.etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === body.etag) return reply.code(304).send();
  void reply.type('application/json; charset=utf-8');
  if (body.text.length > GZIP_ABOVE_BYTES && acceptsGzip(request)) {
    body.gzipped ??= gzipSync(body.text, { level: 6 });
    return reply.header('content-encoding', 'gzip').send(body.gzipped);
  }
  body.utf8 ??= Buffer.from(body.text, 'utf8');
  return reply.send(body.utf8);
}
