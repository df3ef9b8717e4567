import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { DevicePairingSchema, type DevicePairing } from '../../server/contracts/mqtt.js';

export type { DevicePairing };

/** A pairing string that cannot be used, with what is wrong and where it came from. */
export class PairingError extends Error {}

/** Checks one pairing string (the QR code's JSON) against the contract; names the first bad field. */
export function parsePairing(text: string, source: string): DevicePairing {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PairingError(`${source}: not JSON (a pairing string is the JSON the QR code holds)`);
  }
  const error = Value.Errors(DevicePairingSchema, value).First();
  if (error !== undefined)
    throw new PairingError(`${source}: ${error.path || 'the pairing'} ${error.message.toLowerCase()}`);
  return value as DevicePairing;
}

/**
 * `--pairing` takes inline JSON, a file holding one pairing string, or a folder of them (*.json,
 * in name order: the simulator's own pairings folder reads back in the order it was written).
 */
export function readPairings(argument: string): DevicePairing[] {
  const text = argument.trim();
  if (text.startsWith('{')) return [parsePairing(text, '--pairing')];
  if (!existsSync(argument)) throw new PairingError(`--pairing ${argument}: no such file or folder`);
  if (!statSync(argument).isDirectory()) return [parsePairing(readFileSync(argument, 'utf8'), argument)];
  return readdirSync(argument)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => parsePairing(readFileSync(join(argument, name), 'utf8'), join(argument, name)));
}
