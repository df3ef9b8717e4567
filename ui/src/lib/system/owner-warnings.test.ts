import { describe, expect, it } from 'vitest';
import { ownerWarningsOf, type Health } from './owner-warnings';

function health(storage: Partial<Health['storage']>, replicationWarning: string | null = null): Health {
  return {
    status: 'ok',
    version: '0.1.0',
    db: 'ok',
    uptimeSeconds: 10,
    replication: { state: 'off', lastSyncAt: null, lagSeconds: null, warning: replicationWarning },
    storage: {
      state: 'ok',
      databaseWritable: true,
      freeBytes: 50_000_000_000,
      totalBytes: 100_000_000_000,
      writeCheckedAt: '2026-03-02T14:00:00.000Z',
      warning: null,
      ...storage,
    },
  };
}

describe('ownerWarningsOf', () => {
  it('says nothing when all is well or health is unknown', () => {
    expect(ownerWarningsOf(health({}))).toEqual([]);
    expect(ownerWarningsOf(undefined)).toEqual([]);
  });

  it('shows a full disk first, as danger, with the server’s reason; then the backup warning', () => {
    const warnings = ownerWarningsOf(
      health(
        {
          state: 'full',
          databaseWritable: false,
          freeBytes: 0,
          warning: 'the disk is full: 0 bytes free; ASE cannot save anything',
        },
        'No successful sync for 2 hours',
      ),
    );
    expect(warnings.map((w) => [w.key, w.severity, w.title, w.text])).toEqual([
      [
        'storage',
        'danger',
        'Nothing can be saved:',
        'the disk is full: 0 bytes free; ASE cannot save anything',
      ],
      ['backup', 'warning', 'Backup problem:', 'No successful sync for 2 hours'],
    ]);
    expect(warnings[1]?.link?.href).toBe('/settings/backup');
  });

  it('a read-only data folder is danger too; low space is a warning', () => {
    const readOnly = ownerWarningsOf(
      health({ state: 'read-only', warning: 'the data folder is read-only; ASE cannot save anything' }),
    );
    expect(readOnly[0]).toMatchObject({
      severity: 'danger',
      text: 'the data folder is read-only; ASE cannot save anything',
    });
    const low = ownerWarningsOf(
      health({ state: 'low', warning: 'the disk is almost full: 800 MB free of 20 GB; …' }),
    );
    expect(low[0]).toMatchObject({ severity: 'warning', title: 'Disk almost full:' });
  });
});
