import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const PROJECT_ROOT = new URL('../../../', import.meta.url).pathname;

const SOURCE = /\.(ts|svelte|js|mjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'build', 'dist', '.svelte-kit', 'test-results']);

/** Every source file below `dir` (project-relative paths), skipping build output and dependencies. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return; // a folder that does not exist yet holds no files
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.svelte-kit')) walk(join(abs, entry.name));
      } else if (SOURCE.test(entry.name)) {
        out.push(relative(PROJECT_ROOT, join(abs, entry.name)));
      }
    }
  };
  walk(join(PROJECT_ROOT, dir));
  return out.sort();
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** The module specifiers a source text imports (static, side-effect and dynamic imports). */
export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? '');
}

export function readSource(path: string): string {
  return readFileSync(join(PROJECT_ROOT, path), 'utf8');
}
