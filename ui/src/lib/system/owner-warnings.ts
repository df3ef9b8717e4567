import type { Ok } from '$lib/api/client';

export type Health = Ok<'/api/health', 'get'>;

/** One line of the owner's banner. */
export interface OwnerWarning {
  key: 'storage' | 'backup';
  /** danger: ASE cannot save right now; warning: it will need the owner soon. */
  severity: 'danger' | 'warning';
  title: string;
  text: string;
  link: { href: string; label: string } | null;
}

const CANNOT_SAVE: ReadonlySet<Health['storage']['state']> = new Set(['full', 'read-only', 'error']);

/**
 * What the owner must know from /api/health, most urgent first: the disk (ASE cannot save, or
 * soon will not), then the off-site backup. The server words the reasons; the banner shows them.
 */
export function ownerWarningsOf(health: Health | undefined): OwnerWarning[] {
  if (health === undefined) return [];
  const warnings: OwnerWarning[] = [];
  const { storage, replication } = health;
  if (storage.warning !== null) {
    const cannotSave = CANNOT_SAVE.has(storage.state);
    warnings.push({
      key: 'storage',
      severity: cannotSave ? 'danger' : 'warning',
      title: cannotSave ? 'Nothing can be saved:' : 'Disk almost full:',
      text: storage.warning,
      link: null,
    });
  }
  if (replication.warning !== null) {
    warnings.push({
      key: 'backup',
      severity: 'warning',
      title: 'Backup problem:',
      text: replication.warning,
      link: { href: '/settings/backup', label: 'Open backup settings' },
    });
  }
  return warnings;
}
