import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderUiTypes, UI_TYPES_PATH } from './ui-types.js';

/** `npm run api:types`: regenerate ui/src/lib/api/schema.d.ts from the server's route schemas. */
writeFileSync(UI_TYPES_PATH, await renderUiTypes());
process.stdout.write(`wrote ${fileURLToPath(UI_TYPES_PATH)}\n`);
