import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findLitestreamBinary,
  litestreamConfigYaml,
  replicaDbPath,
  REPLICA_KEEPING,
} from '../../../src/modules/backup/litestream.js';
import { LitestreamSupervisor } from '../../../src/modules/backup/litestream-supervisor.js';
import { restoreShop } from '../../../src/modules/backup/restore.js';
import { waitFor } from './drill-helpers.js';

/**
 * A restore replays every WAL segment written since the newest snapshot, so how often Litestream
 * snapshots bounds how long a restore takes (npm run bench:restore measures it on the ten-year
 * shop). Here the real binary, with the interval shortened to seconds, shows that the setting
 * reaches Litestream and that a restore then starts from a later snapshot, not the first one.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('Litestream snapshots', () => {
  it('the replica config carries the shop snapshot interval and retention', () => {
    const yaml = litestreamConfigYaml('/data/ase.db', { kind: 'file', path: '/mnt/backup' });
    expect(yaml).toContain(`snapshot-interval: ${REPLICA_KEEPING.snapshotInterval}`);
    expect(yaml).toContain(`retention: ${REPLICA_KEEPING.retention}`);
    expect(yaml).toContain(`retention-check-interval: ${REPLICA_KEEPING.retentionCheckInterval}`);
    // A restore must never replay more than a few hours of writes: the default of 0.3 (a snapshot
    // only when retention runs, daily) is what made the ten-year shop's restore take minutes.
    const hours = Number(/^(\d+)h$/.exec(REPLICA_KEEPING.snapshotInterval)?.[1]);
    expect(hours).toBeGreaterThan(0);
    expect(hours).toBeLessThanOrEqual(6);
  });

  it('takes new snapshots on the interval, and a restore starts from the newest', async () => {
    const binary = findLitestreamBinary();
    expect(binary, 'the Litestream binary (npm package @flydotio/litestream-linux-x64)').not.toBeNull();
    const dataDir = tempDir('ase-snap-data-');
    const replica = tempDir('ase-snap-replica-');
    const dbPath = join(dataDir, 'ase.db');
    const db = new BetterSqlite3(dbPath);
    cleanups.push(() => void db.close());
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE visits (id INTEGER PRIMARY KEY, note TEXT NOT NULL, photo BLOB NOT NULL)');
    const supervisor = new LitestreamSupervisor({
      dbPath,
      configDir: join(dataDir, 'litestream'),
      binary,
      log: pino({ level: 'silent' }),
      replica: { snapshotInterval: '2s' },
    });
    cleanups.push(() => supervisor.stop());
    const target = { kind: 'file' as const, path: replica };
    await supervisor.apply(target);

    const snapshotsDir = () => {
      const generations = join(replicaDbPath(target), 'generations');
      return readdirSync(generations).flatMap((g) => {
        try {
          return readdirSync(join(generations, g, 'snapshots'));
        } catch {
          return [];
        }
      });
    };
    // Snapshots are named by WAL index, which moves on when Litestream checkpoints (past 1000
    // pages of WAL): a few MB a second gets there within seconds.
    const insert = db.prepare('INSERT INTO visits (note, photo) VALUES (?, randomblob(8000))');
    let written = 0;
    const insertMany = db.transaction((n: number) => {
      for (let i = 0; i < n; i += 1) insert.run(`visit ${(written += 1)}`);
    });
    await waitFor(
      'a third snapshot',
      () => {
        insertMany(40);
        return snapshotsDir().filter((name) => name.endsWith('.snapshot.lz4')).length >= 3 ? true : undefined;
      },
      30_000,
    );
    insertMany(1);
    await waitFor('the last visit to reach the replica', () => {
      const status = supervisor.status(300);
      return status.state === 'replicating' && status.lagSeconds === 0 ? true : undefined;
    });
    await supervisor.stop();

    const messages: string[] = [];
    const restored = await restoreShop({
      dataDir: join(tempDir('ase-snap-restore-'), 'data'),
      target,
      litestreamBinary: binary,
      skipFiles: true,
      onProgress: (step) => {
        if (step.step === 'database') messages.push(step.message);
      },
    });
    const check = new BetterSqlite3(restored.databasePath, { readonly: true });
    cleanups.push(() => void check.close());
    expect(check.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(written);
    // "restoring snapshot (<generation> <index>)": the index of the first snapshot is 0.
    const snapshotLine = messages.find((m) => m.startsWith('restoring snapshot'));
    expect(snapshotLine, messages.join('\n')).toBeDefined();
    const index = /\(\S+ ([0-9a-f]+)\)/.exec(snapshotLine as string)?.[1];
    expect(Number.parseInt(index ?? '0', 16), snapshotLine).toBeGreaterThan(0);
  });
});
