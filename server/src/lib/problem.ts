/**
 * RFC 9457 problem details. Services throw an HttpProblem; the central error handler turns it into
 * `application/problem+json`. Anything else that escapes becomes a 500 with no internals.
 */
export interface FieldError {
  /** Dotted path of the field in the request body; `query.x` / `params.x` for other parts. */
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const PROBLEM_TYPE_BASE = 'urn:ase:problem:';

export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(options: {
    status: number;
    title: string;
    detail: string;
    slug: string;
    errors?: FieldError[];
    extensions?: Record<string, unknown>;
    headers?: Record<string, string>;
  }) {
    super(options.detail);
    this.name = 'HttpProblem';
    this.status = options.status;
    this.title = options.title;
    this.type = problemType(options.slug);
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(instance?: string): ProblemBody {
    return {
      ...this.extensions,
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance === undefined ? {} : { instance }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}

/** A problem that may carry members of its own (a stale record's current version, a lockout's end). */
function extendedProblem(
  status: number,
  title: string,
  slug: string,
  detail: string,
  extensions: Record<string, unknown> | undefined,
): HttpProblem {
  return new HttpProblem({ status, title, slug, detail, ...(extensions ? { extensions } : {}) });
}

export const problems = {
  validation(errors: FieldError[], detail?: string): HttpProblem {
    return new HttpProblem({
      status: 400,
      title: 'Invalid request',
      slug: 'validation',
      detail: detail ?? errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
    });
  },
  badRequest(detail: string, slug = 'bad-request'): HttpProblem {
    return new HttpProblem({ status: 400, title: 'Bad request', slug, detail });
  },
  unauthorized(detail: string, slug = 'unauthorized', extensions?: Record<string, unknown>): HttpProblem {
    return extendedProblem(401, 'Not signed in', slug, detail, extensions);
  },
  forbidden(detail: string, slug = 'forbidden'): HttpProblem {
    return new HttpProblem({ status: 403, title: 'Not allowed', slug, detail });
  },
  notFound(detail: string): HttpProblem {
    return new HttpProblem({ status: 404, title: 'Not found', slug: 'not-found', detail });
  },
  conflict(detail: string, slug = 'conflict', extensions?: Record<string, unknown>): HttpProblem {
    return extendedProblem(409, 'Conflict', slug, detail, extensions);
  },
  tooManyRequests(detail: string, retryAfterSeconds: number, slug = 'too-many-requests'): HttpProblem {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return new HttpProblem({
      status: 429,
      title: 'Too many attempts',
      slug,
      detail,
      extensions: { retryAfterSeconds: seconds },
      headers: { 'retry-after': String(seconds) },
    });
  },
};
