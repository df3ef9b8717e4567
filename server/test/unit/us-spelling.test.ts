import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { britishSpellingIn } from '../../../ui/src/lib/us-spelling.js';

/**
 * The server's words (problem details, API summaries and descriptions, messages to customers) are
 * in the same US English as the staff app. Comments are left out: only what someone reads counts.
 */
const SRC = join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const COMMENT = /^\s*(\/\/|\/\*|\*)/;

describe("one spelling in the server's messages (US English)", () => {
  it('finds no British spelling outside comments in server/src', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (COMMENT.test(line)) return;
          const code = line.replace(/\s\/\/ .*$/, ''); // a trailing comment is not a message either
          const word = britishSpellingIn(code);
          if (word !== null) found.push(`${relative(SRC, file)}:${index + 1}: ${word}`);
        });
    }
    expect(found).toEqual([]);
  });
});
