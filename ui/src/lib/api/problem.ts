/**
 * What the server answers on failure: RFC 9457 problem+json. The UI shows `detail` in a banner and
 * each `errors[]` entry next to the field it names (its `path`, e.g. `contactInfo.phones.0`).
 */
export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors: FieldError[];
  readonly body: ProblemBody;

  constructor(body: ProblemBody) {
    super(body.detail);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.type = body.type;
    this.title = body.title;
    this.errors = body.errors ?? [];
    this.body = body;
  }

  /** The message for one field, matched on its path or on the path's last part (`body.name` → `name`). */
  fieldError(path: string): string | undefined {
    const hit = this.errors.find(
      (e) => e.path === path || e.path === `body.${path}` || e.path.endsWith(`.${path}`),
    );
    return hit?.message;
  }

  /** Someone else saved first: the screen offers to reload rather than overwrite. */
  get isStaleVersion(): boolean {
    return this.type === 'urn:ase:problem:stale-version';
  }

  /** The server's current version of the record, sent with a stale-version conflict. */
  get currentVersion(): number | undefined {
    const value = this.body.currentVersion;
    return typeof value === 'number' ? value : undefined;
  }
}

/** The server could not be reached at all (Wi-Fi drop, server restarting). */
export class ServerUnreachable extends Error {
  constructor() {
    super('The ASE server cannot be reached. Check the Wi-Fi; retrying…');
    this.name = 'ServerUnreachable';
  }
}

/** Turns whatever came back into an ApiProblem, even when the body was not problem+json. */
export function toProblem(body: unknown, response: Response): ApiProblem {
  if (isProblemBody(body)) return new ApiProblem(body);
  return new ApiProblem({
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    detail: `The server answered ${response.status} ${response.statusText}.`.trim(),
  });
}

function isProblemBody(value: unknown): value is ProblemBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ProblemBody).status === 'number' &&
    typeof (value as ProblemBody).detail === 'string'
  );
}

/** A message for any error a screen might catch. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiProblem || error instanceof ServerUnreachable) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * A problem a form found itself before any request (text that is not a number, a missing field),
 * shaped like the server's 400 so `Field` shows each message next to its field exactly as it shows
 * the server's own. `title` and `detail` are what the banner says.
 */
export function localProblem(
  errors: FieldError[],
  { type = 'urn:ase:problem:validation', title, detail }: { type?: string; title: string; detail: string },
): ApiProblem {
  return new ApiProblem({ type, title, status: 400, detail, errors });
}

/** A form's own reading of what was typed failed (a number that is not one): check the highlighted fields. */
export function formProblem(errors: FieldError[]): ApiProblem {
  return localProblem(errors, {
    title: 'Check the highlighted fields',
    detail: 'Some values could not be read. Check the highlighted fields.',
  });
}
