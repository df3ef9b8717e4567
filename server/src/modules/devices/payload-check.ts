import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import {
  DEVICE_CHANNELS,
  MAX_PAYLOAD_BYTES,
  payloadSchemaFor,
  type DeviceKind,
} from '../../../contracts/mqtt.js';

export type PayloadVerdict = { ok: true; payload: unknown } | { ok: false; error: string };

/** Each channel's schema compiled once (a flood of reports is checked at compiled-code speed). */
const checkers = new Map<TSchema, TypeCheck<TSchema>>();
for (const channels of Object.values(DEVICE_CHANNELS))
  for (const schema of Object.values(channels) as TSchema[])
    if (!checkers.has(schema)) checkers.set(schema, TypeCompiler.Compile(schema));

/**
 * A device's report, read as the contract says it must be: at most MAX_PAYLOAD_BYTES, JSON, and
 * matching its channel's schema (no unknown fields). The verdict's error is what the owner reads
 * as the device's last error, so it names the field.
 */
export function checkPayload(kind: DeviceKind, channel: string, bytes: Buffer): PayloadVerdict {
  if (bytes.length > MAX_PAYLOAD_BYTES)
    return {
      ok: false,
      error: `payload of ${bytes.length} bytes is over the ${MAX_PAYLOAD_BYTES}-byte limit`,
    };
  const schema = payloadSchemaFor(kind, channel);
  if (schema === undefined) return { ok: false, error: `a ${kind} has no channel ${channel}` };
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { ok: false, error: `malformed JSON on ${channel}: ${(error as Error).message}` };
  }
  const checker = checkers.get(schema)!;
  if (checker.Check(payload)) return { ok: true, payload };
  const first = checker.Errors(payload).First();
  const where = first === undefined ? '' : first.path === '' ? '/' : first.path;
  return {
    ok: false,
    error: `invalid ${channel} payload at ${where}: ${first?.message ?? 'does not match'}`,
  };
}
