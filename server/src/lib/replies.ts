import type { FastifyReply } from 'fastify';

/**
 * The replies routes send besides their JSON: "done, nothing to say" and a file to download. Each
 * is written once so every route that sends one sends it the same way.
 */

/** 204 with no body once `work` has succeeded (a failure goes to the error handler as usual). */
export async function noContent(reply: FastifyReply, work: Promise<unknown>): Promise<FastifyReply> {
  await work;
  return reply.code(204).send(null);
}

/**
 * A file the browser saves rather than shows: its content type and name, never cached (exports
 * and certificates are made for the moment they are asked for).
 */
export function download(
  reply: FastifyReply,
  file: { type: string; filename: string; body: string | Buffer },
): FastifyReply {
  return reply
    .type(file.type)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** A reply whose `code(202)` types what it may send (the route's response schema for 202). */
interface AcceptedReply<Body> {
  code(status: 202): { send(body: Body): FastifyReply };
}

/** 202 with what `work` queued, once it has succeeded (a print job: the printing happens later). */
export async function accepted<Body>(reply: AcceptedReply<Body>, work: Promise<Body>): Promise<FastifyReply> {
  return reply.code(202).send(await work);
}
