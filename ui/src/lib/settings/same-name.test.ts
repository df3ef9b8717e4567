import { describe, expect, it } from 'vitest';
import { sameNameWarning, type NamedStaff } from './same-name';

const STAFF: NamedStaff[] = [
  { id: 't1', name: 'Rosa Diaz', kind: 'technician' },
  { id: 'u2', name: 'Sam Lee', kind: 'service advisor' },
];

describe('two staff members with the same name', () => {
  it('warns with the name, what they are and what to do', () => {
    expect(sameNameWarning('Rosa Diaz', STAFF)).toBe(
      'There is already a Rosa Diaz (technician). Use a different name or add an initial so the ' +
        'board and reports can tell them apart.',
    );
  });

  it('ignores case and extra spaces, as a reader would', () => {
    expect(sameNameWarning('  rosa   DIAZ ', STAFF)).toContain('Rosa Diaz (technician)');
    expect(sameNameWarning('sam lee', STAFF)).toContain('Sam Lee (service advisor)');
  });

  it('says nothing for a different name, an empty one, or the record itself', () => {
    expect(sameNameWarning('Rosa D. Diaz', STAFF)).toBeNull();
    expect(sameNameWarning('Rosa Diaz M', STAFF)).toBeNull();
    expect(sameNameWarning('   ', STAFF)).toBeNull();
    expect(sameNameWarning('Rosa Diaz', STAFF, ['t1'])).toBeNull();
    expect(sameNameWarning('Rosa Diaz', STAFF, [null, 't1'])).toBeNull();
  });
});
