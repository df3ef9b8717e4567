/**
 * Diagnostic trouble codes: the two bytes a car sends, the five characters a technician reads,
 * and what a code is (its system, and whether SAE J2012 defines it for every car or leaves it to
 * the manufacturer). Descriptions come from a data table handed in (see dtc-descriptions.ts):
 * a code the table does not know, or a manufacturer's own code, gets no invented text.
 */

export type DtcSystem = 'Powertrain' | 'Chassis' | 'Body' | 'Network';
export type DtcScope = 'generic' | 'manufacturer-specific';

export interface DescribedDtc {
  code: string;
  system: DtcSystem;
  scope: DtcScope;
  /** The code's title from the descriptions table; null when the table has none (never made up). */
  description: string | null;
}

/** code → English title, for the generic codes. */
export type DtcDescriptions = ReadonlyMap<string, string>;

const SYSTEM_LETTERS = ['P', 'C', 'B', 'U'] as const;
const SYSTEMS: Record<string, DtcSystem> = { P: 'Powertrain', C: 'Chassis', B: 'Body', U: 'Network' };
export const DTC_PATTERN = /^[PCBU][0-3][0-9A-F]{3}$/;

/**
 * The code of one two-byte DTC as modes 03/07/0A send it: the top two bits pick the system
 * (P, C, B, U), the next two the first digit (0-3), the remaining twelve bits the three hex digits.
 * 0x0000 is padding (no code), hence null.
 */
export function dtcFromBytes(high: number, low: number): string | null {
  if (high === 0 && low === 0) return null;
  const letter = SYSTEM_LETTERS[(high >> 6) & 0b11]!;
  const first = (high >> 4) & 0b11;
  const rest = (((high & 0x0f) << 8) | low).toString(16).toUpperCase().padStart(3, '0');
  return `${letter}${first}${rest}`;
}

/**
 * Whether SAE J2012 defines the code for every vehicle or leaves it to the manufacturer:
 * P0, P2, P34-P3F, B0, B3, C0, C3, U0, U3 are SAE's; P1, P30-P33, B1, B2, C1, C2, U1, U2 the
 * manufacturer's (J2012's "manufacturer controlled" ranges).
 */
export function dtcScope(code: string): DtcScope {
  const letter = code[0];
  const first = code[1];
  if (first === '1') return 'manufacturer-specific';
  if (letter === 'P') {
    if (first === '3') return /^[0-3]$/.test(code[2] ?? '') ? 'manufacturer-specific' : 'generic';
    return 'generic';
  }
  return first === '2' ? 'manufacturer-specific' : 'generic';
}

export function isDtc(code: string): boolean {
  return DTC_PATTERN.test(code);
}

/** What ASE shows for a code: its system, its scope, and the table's title for a generic code. */
export function describeDtc(code: string, descriptions: DtcDescriptions): DescribedDtc {
  const normalized = code.trim().toUpperCase();
  if (!isDtc(normalized)) throw new RangeError(`not a diagnostic trouble code: ${JSON.stringify(code)}`);
  const scope = dtcScope(normalized);
  return {
    code: normalized,
    system: SYSTEMS[normalized[0]!]!,
    scope,
    description: scope === 'generic' ? (descriptions.get(normalized) ?? null) : null,
  };
}

/** The line a screen or a printout shows: the title, or the system and "manufacturer-specific". */
export function dtcLabel(dtc: DescribedDtc): string {
  if (dtc.description !== null) return dtc.description;
  return dtc.scope === 'manufacturer-specific'
    ? `${dtc.system}, manufacturer-specific`
    : `${dtc.system}, generic (no description on file)`;
}
