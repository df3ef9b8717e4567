import { describe, expect, it } from 'vitest';
import { roleField } from '$lib/settings/users';
import { passwordField, pinField } from './fields';

describe('secret field specs', () => {
  it('a new password is never filled from the saved one; the current one may be', () => {
    const fresh = passwordField({ key: 'next', label: 'New password', id: 'new-password' });
    expect(fresh).toMatchObject({ type: 'password', autocomplete: 'new-password' });
    const current = passwordField({ key: 'current', label: 'Current password', id: 'current' }, true);
    expect(current.autocomplete).toBe('current-password');
  });

  it('a PIN is a short hidden field of digits', () => {
    expect(pinField({ key: 'pin', label: 'PIN', id: 'pin', hint: '4 to 8 digits.' })).toEqual({
      key: 'pin',
      label: 'PIN',
      id: 'pin',
      hint: '4 to 8 digits.',
      inputmode: 'numeric',
      wide: false,
      type: 'password',
      autocomplete: 'new-password',
    });
  });
});

describe('roleField', () => {
  it('offers every role and says what the chosen one may do', () => {
    const field = roleField('user-role', 'technician');
    expect(field.options?.map((o) => o.value)).toEqual(['owner', 'advisor', 'technician', 'parts']);
    expect(field.hint).toContain('PIN');
    expect(roleField('user-role', 'owner').hint).toContain('settings');
  });
});
