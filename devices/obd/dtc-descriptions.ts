import { readFile } from 'node:fs/promises';
import { DTC_PATTERN, type DtcDescriptions } from './dtc.js';

/**
 * The generic codes' titles, read from a JSON file `{ "P0300": "Random/Multiple Cylinder Misfire
 * Detected", ... }`. Where the file comes from and under which licence is in devices/obd/README.md.
 * Without the file ASE still shows every code with its system and scope, just without a title:
 * never a made-up one.
 */

/** Where the server looks, from the project's root (the file is data, not compiled into dist/). */
export const DTC_DESCRIPTIONS_FILE = 'devices/obd/data/dtc-generic.en.json';

export interface LoadedDtcDescriptions {
  descriptions: DtcDescriptions;
  /** Why the table is empty (file missing or unreadable), or null when it loaded. */
  problem: string | null;
}

/** Reads and checks the table; a missing or broken file gives an empty table and says why. */
export async function loadDtcDescriptions(path: string): Promise<LoadedDtcDescriptions> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { descriptions: new Map(), problem: `${path}: ${code === 'ENOENT' ? 'not installed' : code}` };
  }
  try {
    return { descriptions: parseDtcDescriptions(text), problem: null };
  } catch (error) {
    return { descriptions: new Map(), problem: `${path}: ${(error as Error).message}` };
  }
}

/** The table from its JSON text; every key must be a DTC and every value a non-empty title. */
export function parseDtcDescriptions(text: string): DtcDescriptions {
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('expected an object of code → title');
  const table = new Map<string, string>();
  for (const [code, title] of Object.entries(parsed)) {
    if (!DTC_PATTERN.test(code)) throw new Error(`${JSON.stringify(code)} is not a DTC`);
    if (typeof title !== 'string' || title.trim() === '') throw new Error(`${code} has no title`);
    table.set(code, title.trim());
  }
  return table;
}
