import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en';
import { problems } from './problem.js';

/**
 * NIST SP 800-63B asks for at least 8 characters plus a check against known passwords; 10 leaves
 * room for two short words and a number, which is what people at a counter actually remember.
 */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * zxcvbn's score 3 means about 10^8 guesses or more. Against a stolen database that is weeks of
 * argon2id work per account, and online the sign-in throttle allows a few guesses an hour.
 * Score 4 (10^10) would refuse ordinary passphrases like "first-pass-12" that staff can type on a
 * tablet, and push people to write passwords down at the counter.
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Only this much of a password is estimated: zxcvbn's matching grows quickly with length (a
 * 256-character l33t string took 2 s of CPU, blocking the server), and a prefix never scores
 * higher than the whole, so cutting it can only make the verdict stricter.
 */
const ESTIMATED_LENGTH = 64;

/** Words shorter than this in a name or email are too common to count as personal ("al", "jo"). */
const MIN_PERSONAL_WORD = 3;

const ADVICE = 'Add more words or characters.';

/** Whose password it is: their name and email make a password weak for them. */
export interface PasswordOwner {
  name?: string | null | undefined;
  email?: string | null | undefined;
}

export type PasswordVerdict = { ok: true } | { ok: false; reason: string };

/**
 * The estimator, built on first use and then shared by every policy in the process. Building it
 * indexes some 100 000 dictionary words (0.15-0.35 s of CPU, no I/O); its `check` keeps no state
 * between calls (the user's words are indexed per call), so sharing it is safe and spares each
 * app a test process builds from paying for it again.
 */
let sharedEstimator: ZxcvbnFactory | undefined;

function estimator(): ZxcvbnFactory {
  sharedEstimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
    maxLength: ESTIMATED_LENGTH,
  });
  return sharedEstimator;
}

/** The words of someone's name and email ("Olga Owner", "olga.o@shop.test" → olga, owner, shop, ...). */
export function personalWords(owner: PasswordOwner): string[] {
  const [local = '', domain = ''] = (owner.email ?? '').toLowerCase().split('@');
  // The last label of the domain (".com", ".test") says nothing about the person.
  const domainWords = domain.split('.').slice(0, -1);
  const words = [
    ...(owner.name ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u),
    ...local.split(/[^\p{L}\p{N}]+/u),
  ];
  for (const label of domainWords) words.push(...label.split(/[^\p{L}\p{N}]+/u));
  return [...new Set(words.filter((w) => w.length >= MIN_PERSONAL_WORD))];
}

/**
 * Whether a new password is good enough: long enough, not a common or breached password or a
 * keyboard pattern, and not mostly the person's own name or email.
 */
export class PasswordPolicy {
  judge(password: string, owner: PasswordOwner = {}): PasswordVerdict {
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      return { ok: false, reason: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
    }
    const words = personalWords(owner);
    const userInputs = [owner.name, owner.email, ...words].filter(
      (w): w is string => typeof w === 'string' && w !== '',
    );
    const result = estimator().check(password, userInputs);
    if (result.score < MIN_PASSWORD_SCORE) {
      return { ok: false, reason: usesPersonalWords(result) ? personalReason() : weakReason(result) };
    }
    // zxcvbn can miss a name glued to other characters ("olga.owner2026" scores 3): what is left
    // once the person's own words are taken out must be strong enough on its own.
    const rest = withoutWords(password, words);
    if (rest !== password && estimator().check(rest).score < MIN_PASSWORD_SCORE) {
      return { ok: false, reason: personalReason() };
    }
    return { ok: true };
  }

  /** Throws a 400 problem naming `field` when the password is not good enough. */
  ensureAcceptable(password: string, owner: PasswordOwner, field = 'password'): void {
    const verdict = this.judge(password, owner);
    if (!verdict.ok) throw problems.validation([{ path: field, message: verdict.reason }]);
  }
}

function usesPersonalWords(result: ZxcvbnResult): boolean {
  return result.sequence.some(
    (match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs',
  );
}

function personalReason(): string {
  return 'This password is built on your name or email, which anyone can find out. Add words that are not about you.';
}

function weakReason(result: ZxcvbnResult): string {
  const warning = result.feedback.warning;
  if (warning === null || warning === '') return `This password is too easy to guess. ${ADVICE}`;
  return `${/[.!?]$/.test(warning) ? warning : `${warning}.`} ${ADVICE}`;
}

/** The password with every occurrence of the given words removed, ignoring case. */
function withoutWords(password: string, words: string[]): string {
  let rest = password;
  // Longest first, so "olgas" is taken out whole before "olga" could leave an "s" behind.
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(escapeRegExp(word), 'giu'), '');
  }
  return rest;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
