import Ajv, { type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import type { FieldError } from '../lib/problem.js';

const base: Options = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: true,
  verbose: true,
  strict: false,
};

/**
 * The two Ajv instances, shared by every app built in this process. Ajv keeps what it compiled by
 * schema object and the route schemas are module constants, so a second app (every integration
 * test builds one) reuses the compiled validators instead of compiling some 200 routes again.
 * Nothing app-specific lives in them: no shared schemas are added, only the standard formats.
 */
let shared: { strict: Ajv.default; coercing: Ajv.default } | undefined;

function sharedValidators(): { strict: Ajv.default; coercing: Ajv.default } {
  shared ??= {
    strict: addFormats.default(new Ajv.default({ ...base, coerceTypes: false })),
    coercing: addFormats.default(new Ajv.default({ ...base, coerceTypes: 'array' })),
  };
  return shared;
}

/**
 * Two validators: request bodies are checked strictly (no type coercion, unknown fields refused),
 * while query strings and path parameters, which are always text on the wire, are coerced.
 */
export function installValidators(app: FastifyInstance): void {
  const { strict, coercing } = sharedValidators();
  // The API speaks JSON: a text/plain body is refused (415) rather than validated as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  );
}

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'must be a valid email address',
  uuid: 'must be a valid id (UUID)',
  'date-time': 'must be an ISO-8601 date and time, e.g. 2026-03-01T14:30:00Z',
  date: 'must be a date like 2026-03-01',
};

type ValidationError = FastifySchemaValidationError & Partial<Pick<ErrorObject, 'parentSchema'>>;

function messageFor(error: ValidationError): string {
  const params = error.params;
  const schema = error.parentSchema as { description?: string } | undefined;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not an allowed field';
    case 'type':
      return `must be ${String(params.type) === 'integer' ? 'a whole number' : `of type ${String(params.type)}`}`;
    case 'format':
      return FORMAT_MESSAGES[String(params.format)] ?? `must be a valid ${String(params.format)}`;
    case 'minLength':
      return Number(params.limit) === 1
        ? 'must not be empty'
        : `must be at least ${String(params.limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters`;
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'pattern':
      return schema?.description
        ? `must be ${schema.description.replace(/\.$/, '')}`
        : 'has the wrong format';
    default:
      return error.message ?? 'is not valid';
  }
}

function pathFor(context: string, error: ValidationError): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params;
  if (error.keyword === 'required') segments.push(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(params.additionalProperty));
  const prefix = context === 'body' ? [] : [context === 'querystring' ? 'query' : context];
  const path = [...prefix, ...segments].join('.');
  return path === '' ? (context === 'body' ? 'body' : context) : path;
}

/**
 * Ajv's errors → one message per field. A union (anyOf) reports each branch's complaint; those
 * are folded into one "a or b" message for the field.
 */
export function toFieldErrors(context: string, errors: ValidationError[]): FieldError[] {
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const byPath = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword === 'anyOf') continue;
    const path = pathFor(context, error);
    const list = byPath.get(path) ?? [];
    const message = messageFor(error);
    if (!list.includes(message)) list.push(message);
    byPath.set(path, list);
  }
  return [...byPath.entries()].map(([path, messages]) => ({
    path,
    message: messages.join(unionPaths.size > 0 ? ' or ' : '; '),
  }));
}
