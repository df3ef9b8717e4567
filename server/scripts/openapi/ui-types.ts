import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { pino } from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { systemClock } from '../../src/lib/clock.js';

/** Where the UI's generated API types live (committed; a test checks they match the server). */
export const UI_TYPES_PATH = new URL('../../../ui/src/lib/api/schema.d.ts', import.meta.url);

const HEADER = `/**
 * GENERATED from the server's OpenAPI document by \`npm run api:types\`. Do not edit by hand:
 * change the route schemas in server/src/modules and regenerate. A test fails when this file is stale.
 */

`;

/** Builds the app on a throwaway database and renders its OpenAPI document as TypeScript types. */
export async function renderUiTypes(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ase-openapi-'));
  const database = openDatabase(join(dataDir, 'ase.db'));
  try {
    await migrateToLatest(database, { backupDir: join(dataDir, 'backups'), clock: systemClock });
    const app = await buildApp({
      config: { ...loadConfig({ env: {}, cwd: dataDir }), dataDir },
      database,
      logger: pino({ level: 'silent' }),
    });
    await app.ready();
    const document = app.swagger() as Parameters<typeof openapiTS>[0];
    await app.close();
    const ast = await openapiTS(document, { alphabetize: true });
    return HEADER + astToString(ast);
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
