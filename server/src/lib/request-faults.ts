import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface RequestInFlight {
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Keeps an error that escapes one request from stopping the server. A stream that emits 'error'
 * with nobody listening, a throw in a callback or a promise nobody awaits would otherwise reach
 * the process as uncaught and end it (close-with-grace stops on those), so one tablet dropping an
 * upload could take the shop offline. Every request runs in its own async context; an uncaught
 * error raised inside one is logged and answered as that request's 500 (when nothing was sent
 * yet), and the server keeps serving. An error outside any request (start-up, a timer of the
 * server's own) still goes the usual way: logged, a graceful stop, exit 1 for systemd to restart.
 *
 * Unhandled rejections arrive here too when no 'unhandledRejection' listener is installed: Node
 * then raises them as uncaught exceptions, in the context of the code that rejected.
 */
export function containRequestFaults(app: FastifyInstance): void {
  if (process.hasUncaughtExceptionCaptureCallback()) {
    app.log.warn('an uncaught-exception capture is installed already; request faults are not contained');
    return;
  }
  const inFlight = new AsyncLocalStorage<RequestInFlight>();
  app.addHook('onRequest', (request, reply, done) => inFlight.run({ request, reply }, done));

  process.setUncaughtExceptionCaptureCallback((error) => {
    const current = inFlight.getStore();
    if (current !== undefined) {
      answerWith500(current, error);
      return;
    }
    // Not a request's: hand it to the process's usual handlers (close-with-grace), as if uncaught.
    process.setUncaughtExceptionCaptureCallback(null);
    if (!process.emit('uncaughtException', error)) {
      app.log.fatal({ err: error }, 'uncaught error outside any request');
      process.exit(1);
    }
  });
}

function answerWith500({ request, reply }: RequestInFlight, error: unknown): void {
  request.log.error(
    { err: error },
    'an error escaped this request; it is answered 500 and the server keeps running',
  );
  // The central error handler turns it into the usual problem+json 500 (no internals sent).
  if (!reply.sent && !reply.raw.headersSent && !reply.raw.destroyed)
    void reply.send(error instanceof Error ? error : new Error(String(error)));
}
