import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A response body serialized once, with the validator a browser sends back to ask "changed?". */
export interface JsonText {
  text: string;
  etag: string;
}

export function toJsonText(value: unknown): JsonText {
  const text = JSON.stringify(value);
  return { text, etag: `W/"${createHash('sha1').update(text).digest('base64url')}"` };
}

/**
 * Sends pre-serialized JSON as is (a string skips the response serializer), or 304 with no body
 * when the client already holds this version: screens that poll the board pay for bytes only when
 * something changed.
 */
export function sendJsonText(request: FastifyRequest, reply: FastifyReply, body: JsonText): FastifyReply {
  void reply.header('etag', body.etag).header('cache-control', 'no-cache');
  if (request.headers['if-none-match'] === body.etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body.text);
}
