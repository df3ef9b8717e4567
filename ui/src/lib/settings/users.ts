import type { Body, Ok } from '$lib/api/client';
import type { FieldSpec } from '$lib/components/fields';

export type StaffUser = Ok<'/api/users', 'get'>['items'][number];
export type Role = StaffUser['role'];
export type Technician = Ok<'/api/technicians', 'get'>['items'][number];
export type Bay = Ok<'/api/bays', 'get'>['items'][number];

export const ROLES: readonly Role[] = ['owner', 'advisor', 'technician', 'parts'];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  advisor: 'Service advisor',
  technician: 'Technician',
  parts: 'Parts',
};

/** What each role may do, in a line, so the owner picks the right one. */
export const ROLE_HINTS: Record<Role, string> = {
  owner: 'Everything, including settings and users.',
  advisor: 'The counter: customers, repair orders, appointments.',
  technician: 'The floor: their jobs, clocking, inspections. May sign in with a PIN.',
  parts: 'Parts lines and inventory.',
};

/** The choice of role, its hint saying what the chosen one may do. */
export function roleField(id: string, role: Role): FieldSpec<'role'> {
  return {
    key: 'role',
    label: 'Role',
    id,
    hint: ROLE_HINTS[role],
    options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
  };
}

/** The new-user form as typed. Secrets are kept apart from it: they are never stored in a draft. */
export interface NewUserForm {
  name: string;
  email: string;
  role: Role;
  /** A technician can be put on the floor (a technician record) in the same step. */
  addToFloor: boolean;
}

export type CreateUserBody = Body<'/api/users', 'post'>;

/**
 * The POST body: empty optional fields are left out rather than sent as "" (the server would
 * refuse "" as an email); a PIN only goes with the technician role, the only one that may have one.
 */
export function createUserBody(
  form: NewUserForm,
  secrets: { password: string; pin: string },
): CreateUserBody {
  const email = form.email.trim();
  const pin = secrets.pin.trim();
  return {
    name: form.name.trim(),
    role: form.role,
    ...(email === '' ? {} : { email }),
    ...(secrets.password === '' ? {} : { password: secrets.password }),
    ...(form.role === 'technician' && pin !== '' ? { pin } : {}),
  };
}

/** "Password", "PIN", "Two-step": how this person signs in, for the users table. */
export function signInMethods(user: Pick<StaffUser, 'hasPassword' | 'hasPin' | 'totpEnabled'>): string[] {
  const methods: string[] = [];
  if (user.hasPassword) methods.push(user.totpEnabled ? 'Password + two-step' : 'Password');
  if (user.hasPin) methods.push('PIN');
  return methods;
}

/** Users by status then name: the active staff first, the people who left at the end. */
export function sortUsers<T extends Pick<StaffUser, 'active' | 'name'>>(users: readonly T[]): T[] {
  return [...users].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
  );
}

/** "brakes, diagnostics , ASE A5" → ["brakes", "diagnostics", "ASE A5"]: the tag lists of technicians and bays. */
export function parseTagList(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim();
    if (tag !== '' && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/** Staff accounts a technician record may be linked to: not already linked to another technician. */
export function linkableUsers(
  users: readonly StaffUser[],
  technicians: readonly Pick<Technician, 'id' | 'userId'>[],
  forTechnicianId: string | null,
): StaffUser[] {
  const taken = new Set(
    technicians.filter((t) => t.userId !== null && t.id !== forTechnicianId).map((t) => t.userId),
  );
  return users.filter((u) => u.active && !taken.has(u.id));
}

/**
 * After a 409 on a user's details: true when the server's copy still has the name, email and role
 * the form was opened with, i.e. only the version moved (the owner set a PIN or a password in the
 * same dialog). Saving again on the new version then overwrites nobody's change.
 */
export function onlyVersionMoved(
  current: unknown,
  seen: { name: string; email: string; role: Role },
): boolean {
  if (typeof current !== 'object' || current === null) return false;
  const c = current as Partial<StaffUser>;
  return c.name === seen.name && (c.email ?? '') === seen.email && c.role === seen.role;
}
