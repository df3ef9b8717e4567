import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderUiTypes, UI_TYPES_PATH } from '../../scripts/openapi/ui-types.js';

describe('the UI API types', () => {
  it('match the server route schemas (run `npm run api:types` after changing a route)', async () => {
    const path = fileURLToPath(UI_TYPES_PATH);
    const options = (await prettier.resolveConfig(path)) ?? {};
    const fresh = await prettier.format(await renderUiTypes(), { ...options, filepath: path });
    expect(fresh === readFileSync(path, 'utf8'), 'ui/src/lib/api/schema.d.ts is stale').toBe(true);
  });
});
