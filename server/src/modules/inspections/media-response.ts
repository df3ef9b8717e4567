import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpenedMedia } from './inspection-media.service.js';

/**
 * Sends a stored media file: its own type, nosniff, cached for good (the name is its content's
 * hash, so it can never change), and byte ranges (Safari plays a video only with them).
 */
export function sendMediaFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: OpenedMedia,
  hash: string,
  cacheScope: 'private' | 'public' = 'private',
): FastifyReply {
  const etag = `"${hash}"`;
  void reply
    .header('content-type', file.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', `${cacheScope}, max-age=31536000, immutable`)
    .header('etag', etag)
    .header('accept-ranges', 'bytes');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const range = parseRange(request.headers.range, file.byteSize);
  if (range === 'invalid') return reply.code(416).header('content-range', `bytes */${file.byteSize}`).send();
  if (range !== null) {
    return reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${file.byteSize}`)
      .header('content-length', range.end - range.start + 1)
      .send(createReadStream(file.path, range));
  }
  return reply.header('content-length', file.byteSize).send(createReadStream(file.path));
}

/** One `bytes=a-b` / `bytes=a-` / `bytes=-n` range; anything else is served whole. */
function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'invalid' {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) return 'invalid';
  return { start, end };
}
