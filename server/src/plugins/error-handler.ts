import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, problems, problemType, type ProblemBody } from '../lib/problem.js';
import { storageProblemOf, type StorageFault } from '../lib/storage-errors.js';
import { toFieldErrors } from './validation.js';

const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
};

function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: HttpProblem): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) void reply.header(name, value);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.toBody(request.url));
}

interface SqliteLikeError {
  code?: unknown;
}

/**
 * SQLITE_BUSY after the busy timeout: another process (Litestream checkpointing or snapshotting
 * a large database) held the write lock for seconds. Transactions begin IMMEDIATE, so nothing of
 * the change was written: a retry is safe, and the client is told so instead of getting a 500.
 */
function isDatabaseBusy(error: SqliteLikeError): boolean {
  return typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY');
}

function databaseBusyProblem(): HttpProblem {
  return new HttpProblem({
    status: 503,
    title: 'Database busy',
    slug: 'database-busy',
    detail:
      'The database was busy (a backup was being taken) and this change was not saved; nothing of it was kept. Try again in a moment.',
    extensions: { retryAfterSeconds: 2 },
    headers: { 'retry-after': '2' },
  });
}

/** A constraint the service did not check first still must not become a 500 or leak SQL. */
function fromSqliteConstraint(error: SqliteLikeError): HttpProblem | null {
  switch (error.code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return problems.conflict('A record with the same unique value already exists.', 'duplicate');
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return problems.conflict(
        'The request refers to a record that does not exist or is still in use.',
        'reference',
      );
    case 'SQLITE_CONSTRAINT_CHECK':
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return problems.badRequest('A value is outside what is allowed for this record.', 'constraint');
    default:
      return null;
  }
}

/** Fastify's own 4xx errors (bad JSON, body too large, wrong content type) become problems too. */
function fromFastifyClientError(error: FastifyError): HttpProblem | null {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return null;
  const detail =
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? 'The request body is larger than the server accepts.'
      : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? `The request body is not valid JSON: ${error.message}`
        : error.message;
  return new HttpProblem({
    status,
    title: STATUS_TITLES[status] ?? 'Bad request',
    slug: (error.code ?? 'client-error')
      .toLowerCase()
      .replace(/^fst_err_/, '')
      .replace(/_/g, '-'),
    detail,
  });
}

export interface ErrorHandlerOptions {
  /** Told of every write that failed for lack of disk; says what a disk I/O error was. */
  noticeStorageFault?: (fault: StorageFault) => 'full' | 'read-only' | null;
}

/**
 * One place that turns every failure into RFC 9457 problem+json. A 5xx says only that something
 * went wrong; the stack and any SQL go to the log, never to the client.
 */
export function installErrorHandler(app: FastifyInstance, options: ErrorHandlerOptions = {}): void {
  const noticeStorageFault = options.noticeStorageFault ?? ((fault) => (fault === 'io' ? null : fault));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(reply, request, error);
    if (error.validation !== undefined) {
      const fieldErrors = toFieldErrors(error.validationContext ?? 'body', error.validation);
      return sendProblem(reply, request, problems.validation(fieldErrors));
    }
    const constraint = fromSqliteConstraint(error);
    if (constraint !== null) {
      request.log.warn({ err: error }, 'constraint violation reached the error handler');
      return sendProblem(reply, request, constraint);
    }
    const clientError = fromFastifyClientError(error);
    if (clientError !== null) return sendProblem(reply, request, clientError);
    if (isDatabaseBusy(error)) {
      request.log.warn({ err: error }, 'the database stayed locked past the busy timeout');
      return sendProblem(reply, request, databaseBusyProblem());
    }
    const storage = storageProblemOf(error, noticeStorageFault);
    if (storage !== null) {
      request.log.error({ err: error }, 'a change could not be saved: the disk is full or read-only');
      return sendProblem(reply, request, storage);
    }

    request.log.error({ err: error }, 'unhandled error');
    const body: ProblemBody = {
      type: problemType('internal'),
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on the server. It has been logged; please try again.',
      instance: request.url,
    };
    return reply.code(500).type(PROBLEM_CONTENT_TYPE).send(body);
  });

  app.setNotFoundHandler(
    (request, reply) =>
      // A screen's address (e.g. /repair-orders/…) is the app's, not a missing API route.
      (app.hasDecorator('sendUiShell') ? app.sendUiShell(request, reply) : null) ??
      sendProblem(
        reply,
        request,
        problems.notFound(`There is no ${request.method} ${request.url.split('?')[0]}.`),
      ),
  );
}
