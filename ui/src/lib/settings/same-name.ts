import { ROLE_LABELS, type StaffUser, type Technician } from './users';

/** Someone already on the staff list, with what they are ("technician", "service advisor"). */
export interface NamedStaff {
  id: string;
  name: string;
  kind: string;
}

/** Names compared as people read them: case and extra spaces do not make two names differ. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
  return norm(a) === norm(b);
}

/**
 * A warning, never a block, when `name` is already someone else's: two "Rosa Diaz" on the board
 * and in the technician report cannot be told apart. `self` is the record being edited (and, for
 * a technician, the account they sign in with: the same person under the same name is fine).
 */
export function sameNameWarning(
  name: string,
  others: readonly NamedStaff[],
  self: readonly (string | null)[] = [],
): string | null {
  if (name.trim() === '') return null;
  const twin = others.find((o) => !self.includes(o.id) && sameName(o.name, name));
  if (twin === undefined) return null;
  return (
    `There is already a ${twin.name.trim()} (${twin.kind}). Use a different name or add an initial ` +
    'so the board and reports can tell them apart.'
  );
}

export function staffAccounts(users: readonly StaffUser[]): NamedStaff[] {
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.active ? ROLE_LABELS[u.role].toLowerCase() : `${ROLE_LABELS[u.role].toLowerCase()}, inactive`,
  }));
}

export function floorTechnicians(technicians: readonly Technician[]): NamedStaff[] {
  return technicians.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.active ? 'technician' : 'technician, inactive',
  }));
}
