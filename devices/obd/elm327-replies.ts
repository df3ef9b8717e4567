import { dtcFromBytes } from './dtc.js';
import { ObdError } from './obd-error.js';

/**
 * Reading what an ELM327 says (echo off, spaces off, headers off, CAN auto-formatting on):
 * its own error words, the CAN multi-frame layout ("014" then "0: …", "1: …"), and the legacy
 * one-line-per-frame replies of J1850 / ISO 9141 / KWP cars.
 */

/** The adapter's words that end a request, and what each means for the advisor. */
const ADAPTER_FAULTS: Array<[RegExp, ObdError['fault'], string]> = [
  [/UNABLE TO CONNECT/, 'no-car', 'The adapter cannot reach the car: is the ignition on?'],
  [/BUS INIT:? *\.*ERROR/, 'no-car', 'The car did not answer the bus initialisation: is the ignition on?'],
  [/CAN ERROR/, 'no-car', 'The adapter sees no CAN traffic: is the ignition on and the adapter seated?'],
  [/^NO DATA$/, 'no-data', 'The car has no data for this request.'],
  [/^STOPPED$/, 'adapter-error', 'The adapter stopped the request.'],
  [/BUFFER FULL/, 'adapter-error', 'The adapter’s buffer overflowed.'],
  [
    /BUS BUSY|BUS ERROR|FB ERROR|DATA ERROR|LV RESET|ACT ALERT/,
    'adapter-error',
    'The adapter reported a bus error.',
  ],
  [/^\?$/, 'adapter-error', 'The adapter did not understand the command.'],
];

/**
 * The reply's meaningful lines: the echo of the command, blank lines and the protocol search's
 * "SEARCHING..." / "BUS INIT: ...OK" progress are dropped; an error word throws its fault.
 */
export function replyLines(command: string, reply: string): string[] {
  const lines = reply
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== command && line !== 'SEARCHING...')
    .map((line) => line.replace(/^BUS INIT: *\.*OK */, ''))
    .filter((line) => line !== '');
  for (const line of lines) {
    for (const [pattern, fault, message] of ADAPTER_FAULTS) {
      if (pattern.test(line)) throw new ObdError(fault, `${message} (${command})`, line);
    }
  }
  return lines;
}

/**
 * The messages (one per ECU answer) of an OBD reply, as byte arrays. A CAN multi-frame answer
 * comes as its byte count on a line of its own, then numbered segments; a single frame, and
 * every legacy frame, is one line of hex.
 */
export function replyMessages(lines: readonly string[]): number[][] {
  const messages: number[][] = [];
  let multi: { length: number; bytes: number[] } | null = null;
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, '');
    if (/^[0-9A-F]{3}$/i.test(line)) {
      multi = { length: parseInt(line, 16), bytes: [] };
      messages.push(multi.bytes);
      continue;
    }
    const segment = /^([0-9A-F]):([0-9A-F]*)$/i.exec(line);
    if (segment && multi !== null) {
      multi.bytes.push(...hexBytes(segment[2]!));
      if (multi.bytes.length >= multi.length) {
        multi.bytes.length = multi.length; // the last frame is padded
        multi = null;
      }
      continue;
    }
    multi = null;
    messages.push(hexBytes(line));
  }
  return messages;
}

function hexBytes(hex: string): number[] {
  if (!/^([0-9A-F]{2})*$/i.test(hex))
    throw new ObdError('adapter-error', 'The adapter sent a reply that is not hex data.', hex);
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  return bytes;
}

/** The messages that answer `mode` (its reply is mode + 0x40) and, when given, `pid`. */
export function answersTo(messages: readonly number[][], mode: number, pid?: number): number[][] {
  return messages.filter((m) => m[0] === mode + 0x40 && (pid === undefined || m[1] === pid));
}

/**
 * The VIN from mode 09 PID 02: on CAN one message `49 02 01` + 17 characters; on legacy
 * protocols five messages `49 02 <seq>` + 4 bytes each, the first padded with zeros.
 */
export function decodeVin(messages: readonly number[][]): string | null {
  const answers = answersTo(messages, 0x09, 0x02);
  if (answers.length === 0) return null;
  const data =
    answers.length === 1
      ? answers[0]!.slice(3)
      : [...answers].sort((a, b) => (a[2] ?? 0) - (b[2] ?? 0)).flatMap((m) => m.slice(3));
  const text = String.fromCharCode(...data.filter((b) => b > 0x20 && b < 0x7f));
  const vin = text.slice(-17).toUpperCase();
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin) ? vin : null;
}

/**
 * The codes of a mode 03/07/0A answer, from every ECU that answered. CAN answers carry a count
 * byte before the code pairs; legacy answers are code pairs padded with 0000.
 */
export function decodeDtcs(messages: readonly number[][], mode: number, isCan: boolean): string[] {
  const codes = new Set<string>();
  for (const message of answersTo(messages, mode)) {
    const pairs = isCan ? message.slice(2, 2 + 2 * (message[1] ?? 0)) : message.slice(1);
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const code = dtcFromBytes(pairs[i]!, pairs[i + 1]!);
      if (code !== null) codes.add(code);
    }
  }
  return [...codes];
}

export interface Readiness {
  milOn: boolean;
  /** Confirmed emission-related codes the ECU counts (mode 01 PID 01, byte A). */
  dtcCount: number;
  ignition: 'spark' | 'compression';
  /** Each monitor the car supports: complete or not (an incomplete one fails an emissions test). */
  monitors: Array<{ name: string; complete: boolean }>;
}

const CONTINUOUS = ['Misfire', 'Fuel system', 'Components'];
const SPARK = [
  'Catalyst',
  'Heated catalyst',
  'Evaporative system',
  'Secondary air system',
  'A/C refrigerant',
  'Oxygen sensor',
  'Oxygen sensor heater',
  'EGR system',
];
const COMPRESSION = [
  'NMHC catalyst',
  'NOx/SCR aftertreatment',
  null,
  'Boost pressure',
  null,
  'Exhaust gas sensor',
  'PM filter',
  'EGR/VVT system',
];

/** Mode 01 PID 01 (monitor status since codes cleared), from the first ECU that answered (the engine's). */
export function decodeReadiness(messages: readonly number[][]): Readiness | null {
  const answer = answersTo(messages, 0x01, 0x01).find((m) => m.length >= 6);
  if (answer === undefined) return null;
  const [, , a, b, c, d] = answer as [number, number, number, number, number, number];
  const ignition = (b & 0x08) === 0 ? 'spark' : 'compression';
  const monitors: Readiness['monitors'] = [];
  CONTINUOUS.forEach((name, bit) => {
    if (b & (1 << bit)) monitors.push({ name, complete: (b & (1 << (bit + 4))) === 0 });
  });
  (ignition === 'spark' ? SPARK : COMPRESSION).forEach((name, bit) => {
    if (name !== null && c & (1 << bit)) monitors.push({ name, complete: (d & (1 << bit)) === 0 });
  });
  return { milOn: (a & 0x80) !== 0, dtcCount: a & 0x7f, ignition, monitors };
}

/** Mode 01 PID A6: the odometer in km, in tenths (4 bytes). */
export function decodeOdometerKm(messages: readonly number[][]): number | null {
  const answer = answersTo(messages, 0x01, 0xa6).find((m) => m.length >= 6);
  if (answer === undefined) return null;
  const [, , a, b, c, d] = answer as [number, number, number, number, number, number];
  return (a * 2 ** 24 + (b << 16) + (c << 8) + d) / 10;
}

/** ATRV: the voltage at the OBD socket's pin 16, e.g. "12.6V". */
export function decodeVolts(lines: readonly string[]): number | null {
  const match = /^(\d{1,2}(?:\.\d+)?)\s*V$/i.exec(lines[0] ?? '');
  return match ? Number(match[1]) : null;
}

/** ELM327 protocol numbers (ATDPN; "A" before it means found by auto-detect). */
export const PROTOCOLS: Record<string, string> = {
  '1': 'SAE J1850 PWM (41.6 kbaud)',
  '2': 'SAE J1850 VPW (10.4 kbaud)',
  '3': 'ISO 9141-2 (5 baud init)',
  '4': 'ISO 14230-4 KWP (5 baud init)',
  '5': 'ISO 14230-4 KWP (fast init)',
  '6': 'ISO 15765-4 CAN (11 bit ID, 500 kbaud)',
  '7': 'ISO 15765-4 CAN (29 bit ID, 500 kbaud)',
  '8': 'ISO 15765-4 CAN (11 bit ID, 250 kbaud)',
  '9': 'ISO 15765-4 CAN (29 bit ID, 250 kbaud)',
  A: 'SAE J1939 CAN (29 bit ID, 250 kbaud)',
  B: 'USER1 CAN',
  C: 'USER2 CAN',
};

export function decodeProtocol(lines: readonly string[]): { number: string; name: string; isCan: boolean } {
  const number = (lines[0] ?? '').toUpperCase().replace(/^A/, '');
  const name = PROTOCOLS[number];
  if (name === undefined)
    throw new ObdError('adapter-error', 'The adapter reported no protocol.', lines[0] ?? null);
  return { number, name, isCan: /^[6-9A-C]$/.test(number) };
}
