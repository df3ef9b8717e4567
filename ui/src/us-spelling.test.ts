import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRITISH, britishSpellingIn } from '$lib/us-spelling';

/**
 * The staff app speaks one English: US (labor, color, authorize), as the shops it serves do.
 * This test scans every .svelte and .ts file under ui/src (text, comments and UI-only names alike) for
 * British spellings. The generated API types are left out: their names come from the server.
 */

const ROOT = import.meta.dirname;
// The generated API types, and the list of British spellings itself.
const SKIP = new Set(['lib/api/schema.d.ts', 'lib/us-spelling.ts', 'us-spelling.test.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts)$/.test(entry.name) && !SKIP.has(relative(ROOT, path)) ? [path] : [];
  });
}

/** `file:line: word` for every British spelling found. */
function britishSpellingsIn(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const word = britishSpellingIn(line);
        if (word !== null) found.push(`${relative(ROOT, file)}:${index + 1}: ${word}`);
      });
  }
  return found;
}

describe('one spelling across the staff app (US English)', () => {
  it('finds no British spelling in ui/src', () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(50);
    expect(britishSpellingsIn(files)).toEqual([]);
  });

  it('would catch one (labour, colour, authorise)', () => {
    expect(BRITISH.some((p) => p.test('Labour rate'))).toBe(true);
    expect(BRITISH.some((p) => p.test('Colour'))).toBe(true);
    expect(BRITISH.some((p) => p.test('Authorised by phone'))).toBe(true);
    expect(BRITISH.some((p) => p.test('aria-labelledby="x" isEmptyReport quantityReceived'))).toBe(false);
  });
});
