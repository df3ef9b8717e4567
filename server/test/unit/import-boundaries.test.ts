import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, readSource, sourceFiles } from '../helpers/source-imports.js';

/**
 * The rooms of the house (README, "Layout"): the contracts depend on nothing of ours; the UI,
 * devices/ and models/ reach the server only through the contracts, never into server/src.
 */

/** Where a relative specifier lands, project-relative; bare specifiers (packages) stay as they are. */
function resolved(file: string, specifier: string): string {
  return specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : specifier;
}

function violations(files: string[], allowed: (target: string, specifier: string) => boolean): string[] {
  return files.flatMap((file) =>
    importSpecifiers(readSource(file))
      .filter((specifier) => !allowed(resolved(file, specifier), specifier))
      .map((specifier) => `${file} imports ${specifier}`),
  );
}

const intoServerSrc = (target: string) => target.startsWith('server/src/') || target.includes('/server/src/');

describe('import boundaries', () => {
  it('the contracts import only TypeBox and each other', () => {
    const files = sourceFiles('server/contracts');
    expect(files.length).toBeGreaterThan(3);
    expect(
      violations(
        files,
        (target, specifier) =>
          specifier.startsWith('@sinclair/typebox') || target.startsWith('server/contracts/'),
      ),
    ).toEqual([]);
  });

  it('the UI never imports from server/src (only $contracts)', () => {
    const files = [...sourceFiles('ui/src'), ...sourceFiles('ui/e2e')];
    expect(files.length).toBeGreaterThan(100);
    expect(violations(files, (target) => !intoServerSrc(target) && !target.startsWith('server/'))).toEqual(
      [],
    );
  });

  it('devices/ and models/ import the server only through the contracts', () => {
    const files = [...sourceFiles('devices'), ...sourceFiles('models')];
    expect(violations(files, (target) => !intoServerSrc(target))).toEqual([]);
  });

  it('finds a violation when there is one (the check itself can fail)', () => {
    const text = "import { x } from '../../server/src/db/schema.js';\nconst y = await import('node:fs');";
    expect(importSpecifiers(text)).toEqual(['../../server/src/db/schema.js', 'node:fs']);
    expect(intoServerSrc(resolved('devices/sim/run.ts', '../../server/src/db/schema.js'))).toBe(true);
    expect(intoServerSrc(resolved('devices/sim/run.ts', '../../server/contracts/mqtt.js'))).toBe(false);
  });
});
