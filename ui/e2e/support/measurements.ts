import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Measurements taken during the e2e run (render times, bundle sizes). They are reported, not
 * asserted against a clock: printed to the test log and appended to test-results/e2e-measurements.jsonl.
 */
const FILE = join(dirname(fileURLToPath(import.meta.url)), '../../../test-results/e2e-measurements.jsonl');

export function recordMeasurement(name: string, value: number, unit: string, detail?: object): void {
  mkdirSync(dirname(FILE), { recursive: true });
  const entry = { name, value: Math.round(value * 10) / 10, unit, at: new Date().toISOString(), ...detail };
  appendFileSync(FILE, `${JSON.stringify(entry)}\n`);
  console.log(`measurement: ${name} = ${entry.value} ${unit}`);
}
