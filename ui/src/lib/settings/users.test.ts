import { describe, expect, it } from 'vitest';
import {
  createUserBody,
  linkableUsers,
  onlyVersionMoved,
  parseTagList,
  signInMethods,
  sortUsers,
  type StaffUser,
} from './users';

function user(partial: Partial<StaffUser>): StaffUser {
  return {
    id: 'u1',
    name: 'A',
    email: null,
    role: 'advisor',
    active: true,
    hasPassword: true,
    hasPin: false,
    totpEnabled: false,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...partial,
  };
}

describe('new user body', () => {
  it('leaves out empty optional fields', () => {
    expect(
      createUserBody(
        { name: ' Tom ', email: '', role: 'technician', addToFloor: true },
        { password: '', pin: '4821' },
      ),
    ).toEqual({ name: 'Tom', role: 'technician', pin: '4821' });
  });
  it('sends a PIN only for a technician', () => {
    expect(
      createUserBody(
        { name: 'Ada', email: 'ada@shop.test', role: 'advisor', addToFloor: false },
        { password: 'long-password', pin: '1234' },
      ),
    ).toEqual({ name: 'Ada', role: 'advisor', email: 'ada@shop.test', password: 'long-password' });
  });
});

describe('users table helpers', () => {
  it('lists how someone signs in', () => {
    expect(signInMethods({ hasPassword: true, hasPin: true, totpEnabled: true })).toEqual([
      'Password + two-step',
      'PIN',
    ]);
    expect(signInMethods({ hasPassword: false, hasPin: false, totpEnabled: false })).toEqual([]);
  });
  it('puts active users first, by name', () => {
    const sorted = sortUsers([
      { name: 'zed', active: true },
      { name: 'Bob', active: false },
      { name: 'amy', active: true },
    ]);
    expect(sorted.map((u) => u.name)).toEqual(['amy', 'zed', 'Bob']);
  });
  it('reads a comma list of tags without blanks or repeats', () => {
    expect(parseTagList(' brakes, Diagnostics ,, brakes ,ASE A5 ')).toEqual([
      'brakes',
      'Diagnostics',
      'ASE A5',
    ]);
    expect(parseTagList('')).toEqual([]);
  });
  it('offers only active accounts not linked to another technician', () => {
    const users = [user({ id: 'a' }), user({ id: 'b' }), user({ id: 'c', active: false })];
    const techs = [
      { id: 't1', userId: 'a' },
      { id: 't2', userId: null },
    ];
    expect(linkableUsers(users, techs, null).map((u) => u.id)).toEqual(['b']);
    expect(linkableUsers(users, techs, 't1').map((u) => u.id)).toEqual(['a', 'b']);
  });
});

describe('a 409 on user details', () => {
  const seen = { name: 'Tess', email: '', role: 'technician' as const };
  it('is only a version bump when the details are as the form saw them', () => {
    expect(onlyVersionMoved(user({ name: 'Tess', email: null, role: 'technician', version: 4 }), seen)).toBe(
      true,
    );
  });
  it('is a real conflict when someone changed a detail', () => {
    expect(onlyVersionMoved(user({ name: 'Tessa', email: null, role: 'technician' }), seen)).toBe(false);
    expect(onlyVersionMoved(user({ name: 'Tess', email: null, role: 'advisor' }), seen)).toBe(false);
    expect(onlyVersionMoved(undefined, seen)).toBe(false);
  });
});
