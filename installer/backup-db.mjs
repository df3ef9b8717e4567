// Copies the ASE database before an upgrade, with SQLite's online backup API (consistent even with
// a WAL file beside it), then checks the copy. Used by install.sh; runs with the better-sqlite3 of
// the first given app directory that has one, so the copy is made by a matching SQLite build.
//   node backup-db.mjs <source.db> <target.db> <app-dir> [<app-dir>...]
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';

const [source, target, ...appDirs] = process.argv.slice(2);
if (!source || !target || appDirs.length === 0) {
  process.stderr.write('usage: node backup-db.mjs <source.db> <target.db> <app-dir>...\n');
  process.exit(64);
}
if (existsSync(target)) {
  process.stderr.write(`refusing to overwrite ${target}\n`);
  process.exit(73);
}

let Database;
for (const dir of appDirs) {
  try {
    Database = createRequire(join(dir, 'package.json'))('better-sqlite3');
    break;
  } catch {
    // not installed in this one; try the next
  }
}
if (!Database) {
  process.stderr.write(`better-sqlite3 not found under ${appDirs.join(', ')}\n`);
  process.exit(69);
}

const db = new Database(source, { fileMustExist: true });
try {
  await db.backup(target);
} finally {
  db.close();
}
// The copy inherits WAL mode; a rollback journal keeps it one self-contained file (no -wal/-shm).
const copy = new Database(target, { fileMustExist: true });
try {
  copy.pragma('journal_mode = DELETE');
  const result = copy.pragma('quick_check', { simple: true });
  if (result !== 'ok') {
    process.stderr.write(`the copy ${target} fails quick_check: ${String(result)}\n`);
    process.exit(65);
  }
} finally {
  copy.close();
}
process.stdout.write(`${target}\n`);
