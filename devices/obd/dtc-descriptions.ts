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

/**
 * The same file in the team's shared folder beside the checkout (`../shared/obd-dtc/`), where the
 * extracted data lives without being committed (see devices/obd/README.md): development and CI
 * show titles from it; a shop's box has it copied to DTC_DESCRIPTIONS_FILE by whoever installs it.
 */
export const SHARED_DTC_DESCRIPTIONS_FILE = '../shared/obd-dtc/dtc-generic.en.json';

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

/** The first of `paths` that loads; when none does, an empty table and every path's reason. */
export async function loadFirstDtcDescriptions(paths: readonly string[]): Promise<LoadedDtcDescriptions> {
  const problems: string[] = [];
  for (const path of paths) {
    const loaded = await loadDtcDescriptions(path);
    if (loaded.problem === null) return loaded;
    problems.push(loaded.problem);
  }
  return { descriptions: new Map(), problem: problems.join('; ') };
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
