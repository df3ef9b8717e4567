import { createHash } from 'node:crypto';
import { problems } from '../../lib/problem.js';

/** JSON with object keys sorted, so the same request hashes the same whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(operation: string, target: string, body: Record<string, unknown>): string {
  const { idempotencyKey: _key, ...rest } = body;
  return createHash('sha256')
    .update(`${operation} ${target} ${canonicalJson(rest)}`)
    .digest('hex');
}

/** The key from the `Idempotency-Key` header or the body's `idempotencyKey`: one is required. */
export function idempotencyKeyOf(header: string | undefined, bodyKey: string | undefined): string {
  if (header !== undefined && bodyKey !== undefined && header !== bodyKey)
    throw problems.validation([
      { path: 'idempotencyKey', message: 'differs from the Idempotency-Key header' },
    ]);
  const key = header ?? bodyKey;
  if (key === undefined)
    throw problems.validation([
      { path: 'Idempotency-Key', message: 'is required: send the header or idempotencyKey in the body' },
    ]);
  return key;
}
