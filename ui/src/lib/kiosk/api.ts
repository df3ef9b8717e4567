import type { Static } from '@sinclair/typebox';
import type {
  KioskCheckInInput,
  KioskCheckInResult,
  KioskCodeLookupBody,
  KioskLookupBody,
  KioskLookupResult,
  KioskPairBody,
  KioskPaired,
  KioskSelf,
  KioskStaffExitBody,
  KioskVin,
  KioskVinBody,
} from '$contracts/kiosk';

/**
 * The kiosk's own way to the server: plain fetch with the kiosk token as a Bearer credential, not
 * the staff client (no session, and its "your typing is kept" banner is not for customers). Every
 * answer is one of a few kinds the screens know how to say in the customer's language.
 */

/** The only thing the kiosk keeps in the browser. */
export const KIOSK_TOKEN_KEY = 'ase.kiosk.token';

export const kioskToken = {
  get(): string | null {
    try {
      return localStorage.getItem(KIOSK_TOKEN_KEY);
    } catch {
      return null;
    }
  },
  set(token: string): void {
    localStorage.setItem(KIOSK_TOKEN_KEY, token);
  },
  clear(): void {
    localStorage.removeItem(KIOSK_TOKEN_KEY);
  },
};

export interface KioskFieldError {
  path: string;
  message: string;
}

export type KioskAnswer<T> =
  | { kind: 'ok'; status: number; data: T }
  /** 401 kiosk-unpaired (or no token at all): back to the pairing screen. */
  | { kind: 'unpaired' }
  /** 429: "please ask at the counter". */
  | { kind: 'rate-limited'; retryAfterSeconds: number | null }
  /** 400 naming fields. */
  | { kind: 'invalid'; errors: KioskFieldError[]; detail: string }
  /** No answer, or the server restarting (5xx, a proxy's 502): safe to try again. */
  | { kind: 'unreachable' }
  /** Anything else (403, 404, 409): said plainly, not retried. */
  | { kind: 'refused'; status: number; type: string; detail: string };

interface ProblemLike {
  type?: unknown;
  detail?: unknown;
  errors?: unknown;
  retryAfterSeconds?: unknown;
}

async function bodyOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function fieldErrors(value: unknown): KioskFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is KioskFieldError =>
      typeof e === 'object' && e !== null && typeof (e as KioskFieldError).path === 'string',
  );
}

/** What a response means for the kiosk (pure: unit-tested with real Response objects). */
export async function answerOf<T>(response: Response): Promise<KioskAnswer<T>> {
  if (response.status >= 500) return { kind: 'unreachable' };
  if (response.status === 204) return { kind: 'ok', status: 204, data: undefined as T };
  const body = await bodyOf(response);
  if (response.ok) return { kind: 'ok', status: response.status, data: body as T };
  const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemLike;
  const type = typeof problem.type === 'string' ? problem.type : '';
  const detail = typeof problem.detail === 'string' ? problem.detail : response.statusText;
  if (response.status === 401) return { kind: 'unpaired' };
  if (response.status === 429) {
    const header = Number(response.headers.get('retry-after'));
    const seconds =
      typeof problem.retryAfterSeconds === 'number'
        ? problem.retryAfterSeconds
        : Number.isFinite(header) && header > 0
          ? header
          : null;
    return { kind: 'rate-limited', retryAfterSeconds: seconds };
  }
  if (response.status === 400 || response.status === 422)
    return { kind: 'invalid', errors: fieldErrors(problem.errors), detail };
  return { kind: 'refused', status: response.status, type, detail };
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<KioskAnswer<T>> {
  const token = kioskToken.get();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      cache: 'no-store',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind: 'unreachable' };
  }
  return answerOf<T>(response);
}

export const kioskApi = {
  pair: (body: Static<typeof KioskPairBody>) => request<KioskPaired>('POST', '/api/kiosk/pair', body),
  self: () => request<KioskSelf>('GET', '/api/kiosk/self'),
  lookup: (body: Static<typeof KioskLookupBody>) =>
    request<KioskLookupResult>('POST', '/api/kiosk/lookup', body),
  lookupCode: (body: Static<typeof KioskCodeLookupBody>) =>
    request<KioskLookupResult>('POST', '/api/kiosk/lookup-code', body),
  vin: (body: Static<typeof KioskVinBody>) => request<KioskVin>('POST', '/api/kiosk/vin', body),
  checkIn: (body: KioskCheckInInput, signal?: AbortSignal) =>
    request<KioskCheckInResult>('POST', '/api/kiosk/check-in', body, signal),
  staffExit: (body: Static<typeof KioskStaffExitBody>) =>
    request<undefined>('POST', '/api/kiosk/staff-exit', body),
};

/** The live socket's address for this kiosk (the server closes it with 4401 when the kiosk is revoked). */
export function kioskSocketUrl(token: string): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/ws?kioskToken=${encodeURIComponent(token)}`;
}
