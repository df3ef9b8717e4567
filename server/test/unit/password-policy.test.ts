import { describe, expect, it } from 'vitest';
import {
  MIN_PASSWORD_LENGTH,
  PasswordPolicy,
  personalWords,
  type PasswordVerdict,
} from '../../src/lib/password-policy.js';

const policy = new PasswordPolicy();
const OLGA = { name: 'Olga Owner', email: 'olga@shop.test' };

function reasonOf(verdict: PasswordVerdict): string {
  if (verdict.ok) throw new Error('expected the password to be refused');
  return verdict.reason;
}

describe('password policy', () => {
  it('refuses anything shorter than the minimum, whatever it is made of', () => {
    for (const password of ['password', 'Password1', 'qwerty123', 'letmein!', 'x7#Kq!2v']) {
      expect(reasonOf(policy.judge(password, OLGA)), password).toBe(
        `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
      );
    }
  });

  it('refuses common and breached passwords long enough to pass the length, and says why', () => {
    expect(reasonOf(policy.judge('password1234', OLGA))).toBe(
      'This is similar to a commonly used password. Add more words or characters.',
    );
    expect(reasonOf(policy.judge('1234567890', OLGA))).toBe(
      'This is a frequently used password. Add more words or characters.',
    );
    for (const password of [
      'Password123!',
      'qwertyuiop12',
      'P@ssw0rd2024',
      'letmein!letmein!',
      'iloveyou2026',
    ]) {
      expect(policy.judge(password, OLGA).ok, password).toBe(false);
    }
  });

  it('refuses a password without a warning of its own with a plain reason', () => {
    expect(reasonOf(policy.judge('monkey-monkey', OLGA))).toBe(
      'This password is too easy to guess. Add more words or characters.',
    );
  });

  it("refuses a password built on the person's own name or email, but not on someone else's", () => {
    const personal =
      'This password is built on your name or email, which anyone can find out. Add words that are not about you.';
    for (const password of [
      'olga.owner2026',
      'Olga Owner',
      'OlgaOwner!!',
      'olga@shop.test',
      'owner-olga-1',
    ]) {
      expect(reasonOf(policy.judge(password, OLGA)), password).toBe(personal);
    }
    expect(policy.judge('olga.owner2026', { name: 'Marcus Bell', email: 'marcus@demo.shop' }).ok).toBe(true);
  });

  it('accepts passphrases people can type at a counter', () => {
    for (const password of [
      'correct horse 1',
      'demo-password-1',
      'wrench-turner-1',
      'brand new password',
      'first-pass-1',
    ]) {
      expect(policy.judge(password, OLGA), password).toEqual({ ok: true });
    }
  });

  it('estimates only the first 64 characters, so a hostile 256-character one cannot stall the server', () => {
    // A l33t-heavy string took about 2 s of CPU when estimated whole. Cutting it can only make the
    // verdict stricter: a weak start with a strong end is refused.
    const strongTail = 'Vk9 harbor plinth quasar 4471 lantern';
    expect(policy.judge(strongTail, OLGA)).toEqual({ ok: true });
    expect(policy.judge('a'.repeat(64) + strongTail, OLGA).ok).toBe(false);
  });

  it('throws a 400 problem naming the field', () => {
    expect(() => policy.ensureAcceptable('password1234', OLGA, 'newPassword')).toThrow(
      expect.objectContaining({
        status: 400,
        errors: [
          {
            path: 'newPassword',
            message: 'This is similar to a commonly used password. Add more words or characters.',
          },
        ],
      }),
    );
  });

  it("takes the person's words from name and email, leaving out short words and the top-level domain", () => {
    expect(personalWords({ name: 'Ana-Lu de Souza', email: 'ana.souza+work@garage-souza.com.br' })).toEqual([
      'ana',
      'souza',
      'work',
      'garage',
      'com',
    ]);
    expect(personalWords({})).toEqual([]);
  });
});
