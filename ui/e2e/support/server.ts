import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The e2e server: the real ASE process (npm start's entry point) on a fresh, empty data dir, so
 * the run begins at first-run setup. Playwright starts it before the tests and stops it after.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8787);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ase-e2e-'));
/** Where the first-run project leaves the owner's signed-in browser state for the other projects. */
export const OWNER_STATE = join(E2E_DATA_DIR, 'owner-state.json');
// Each worker process re-reads this module: keep the same dir for all of them.
process.env.E2E_DATA_DIR = E2E_DATA_DIR;
