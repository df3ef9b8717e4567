import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The e2e server: the real ASE process (npm start's entry point) on a fresh, empty data dir, so
 * the run begins at first-run setup. Playwright starts it before the tests and stops it after.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8787);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/**
 * The shop-floor broker's ports, next to the HTTP one (a run's ports are its own range: E2E_PORT
 * and the two after it), so side-by-side runs do not collide on 1883/8883.
 */
export const E2E_MQTT_PORT = Number(process.env.E2E_MQTT_PORT ?? E2E_PORT + 1);
export const E2E_MQTT_TLS_PORT = Number(process.env.E2E_MQTT_TLS_PORT ?? E2E_PORT + 2);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ase-e2e-'));
/** Where the first-run project leaves the owner's signed-in browser state for the other projects. */
export const OWNER_STATE = join(E2E_DATA_DIR, 'owner-state.json');
// Each worker process re-reads this module: keep the same dir for all of them.
process.env.E2E_DATA_DIR = E2E_DATA_DIR;
