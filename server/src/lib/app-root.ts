import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_PACKAGE_NAME = 'ase';

let found: string | undefined;

/**
 * The project's root folder (the one with ASE's package.json, ui/build, models/): found by walking
 * up from this file, so the same code runs from server/src (tsx), dist/server/src (the compiled
 * build), or a test bundle in node_modules/.cache, whatever the depth.
 */
export function appRoot(): string {
  found ??= findAppRoot(dirname(fileURLToPath(import.meta.url)));
  return found;
}

export function findAppRoot(startDir: string): string {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isAppManifest(manifest)) return dir;
    if (dirname(dir) === dir) throw new Error(`ASE's package.json was not found above ${startDir}`);
  }
}

function isAppManifest(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown }).name === APP_PACKAGE_NAME;
  } catch {
    return false;
  }
}
