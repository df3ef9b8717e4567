import { looksLikePhone, normalizePhone, phoneSearchDigits } from '../../lib/phone.js';

/**
 * What one line typed into the search box can mean: words of a name, (part of) a phone number,
 * an email, a plate or VIN (letters and digits only), a repair-order number. Parsing, the FTS5
 * query text and the scoring of candidates live here; they are pure and need no database.
 */
export interface ParsedQuery {
  /** Trimmed, as typed. */
  text: string;
  /** Lower case, accents and apostrophes gone, split at anything that is not a letter or digit. */
  words: string[];
  /** Upper case letters and digits only: how plates are stored (and VINs read). */
  alnum: string;
  /** E.164 when the query is a whole phone number in any format. */
  wholePhone: string | null;
  /**
   * Digit strings to look for among the indexed phones: parts of a number ("4567"), or a whole
   * number's E.164 digits for rows whose contacts table was not written (imports).
   */
  phoneDigits: string[];
  /** The query in lower case when it could be (part of) an email address. */
  email: string | null;
  /** A repair-order number or its first digits ("1042", "RO 1042", "#1042"). */
  roNumber: string | null;
  /** "RO 1042" / "#1042": the person asked for a repair order and nothing else. */
  roOnly: boolean;
}

/** Case, accents and apostrophes do not matter when matching names. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '');
}

export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const RO_PREFIXED = /^(?:r\.?\s*o\.?|#|no\.?)\s*#?\s*(\d{1,9})$/i;

export function parseQuery(raw: string): ParsedQuery {
  const text = raw.trim();
  const prefixed = RO_PREFIXED.exec(text);
  const digitsOnly = /^\d{1,9}$/.test(text);
  const phoneLike = !prefixed && looksLikePhone(text);
  const wholePhone = phoneLike ? normalizePhone(text) : null;
  return {
    text,
    words: wordsOf(text),
    alnum: text.toUpperCase().replace(/[^A-Z0-9]/g, ''),
    wholePhone: wholePhone?.e164 ?? null,
    phoneDigits: !phoneLike
      ? []
      : wholePhone === null
        ? phoneSearchDigits(text).filter((d) => d.length >= 3)
        : [wholePhone.e164.slice(1)],
    email: !prefixed && !phoneLike && !/\s/.test(text) && text.length >= 3 ? text.toLowerCase() : null,
    roNumber: prefixed?.[1] ?? (digitsOnly ? text : null),
    roOnly: prefixed !== null,
  };
}

// --- FTS5 query text ---------------------------------------------------------------------------

/** One FTS5 phrase; with the trigram tokenizer a phrase matches as a substring. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function any(phrases: string[]): string {
  return `(${phrases.join(' OR ')})`;
}

function all(phrases: string[]): string {
  return `(${phrases.join(' AND ')})`;
}

/** Trigrams of a word padded with spaces, as the index holds word boundaries. */
export function trigramsOf(word: string): string[] {
  const padded = ` ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/** Names holding every word typed, as whole words (`prefix` false) or as word beginnings. */
export function nameWordsMatch(q: ParsedQuery, prefix: boolean): string | null {
  const words = prefix ? q.words.filter((w) => w.length >= 2) : q.words;
  if (words.length === 0) return null;
  return all(words.map((w) => (prefix ? `${phrase(w)}*` : phrase(w))));
}

/** Names holding, for every word typed, one of its corrections (from the names' own vocabulary). */
export function correctedWordsMatch(alternatives: string[][]): string | null {
  if (alternatives.length === 0 || alternatives.some((list) => list.length === 0)) return null;
  return all(alternatives.map((list) => any(list.map(phrase))));
}

/** Phones containing the digits typed (the last 4, a middle part, ...). */
export function phoneDigitsMatch(q: ParsedQuery): string | null {
  return q.phoneDigits.length === 0 ? null : `{phones} : ${any(q.phoneDigits.map(phrase))}`;
}

/** Names containing every word typed anywhere ("mith" in "Smith"). */
export function nameSubstringMatch(q: ParsedQuery): string | null {
  const words = q.words.filter((w) => w.length >= 3);
  return words.length > 0 && words.length === q.words.length ? `{name} : ${all(words.map(phrase))}` : null;
}

/** Emails containing an address typed from its middle ("flores@mail"). */
export function emailSubstringMatch(q: ParsedQuery): string | null {
  return q.email !== null && q.email.includes('@') && !q.email.startsWith('@')
    ? `{emails} : ${phrase(q.email)}`
    : null;
}

/** Plates or VINs containing the letters and digits typed. */
export function vehicleSubstringMatch(q: ParsedQuery): string | null {
  return q.alnum.length >= 3 ? `{plate vin} : ${phrase(q.alnum)}` : null;
}

/** Plates sharing trigrams with the one typed: a misread plate is one character off. */
export function plateFuzzyMatch(q: ParsedQuery): string | null {
  const plateLike = q.alnum.length >= 5 && q.alnum.length <= 8 && /\d/.test(q.alnum) && /[A-Z]/.test(q.alnum);
  return plateLike ? `{plate} : ${any(trigramsOf(q.alnum).map(phrase))}` : null;
}

/** Whether the query could be (part of) a plate or VIN: names of people are not worth the lookups. */
export function couldBeVehicle(q: ParsedQuery): boolean {
  if (q.roOnly || q.wholePhone !== null || q.text.includes('@')) return false;
  if (q.alnum.length < 2 || q.alnum.length > 17) return false;
  return /\d/.test(q.alnum) || q.alnum.length <= 8;
}

/** The typed word's likely intended words among `terms`: one or two edits away, whole or as a prefix. */
export function corrections(typed: string, terms: string[], max = 20): string[] {
  const edits = allowedEdits(typed.length);
  const scored: [string, number][] = [];
  for (const term of terms) {
    if (term.startsWith(typed)) {
      scored.push([term, 0]);
      continue;
    }
    if (edits === 0) continue;
    const whole = editDistance(typed, term, edits);
    if (whole <= edits) scored.push([term, whole]);
    // A typo in a word not finished yet ("smtih" for "smithson") ranks after whole-word fixes.
    else if (term.length > typed.length && editDistance(typed, term.slice(0, typed.length), 1) <= 1)
      scored.push([term, 1.5]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([term]) => term);
}

// --- scoring -----------------------------------------------------------------------------------

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Edits forgiven in a word of this length: none in short words, where one edit is another word. */
function allowedEdits(length: number): number {
  if (length >= 8) return 2;
  return length >= 4 ? 1 : 0;
}

/** How well one typed word matches one word of a name, 0 when it does not. */
function wordScore(typed: string, word: string): number {
  if (word === typed) return 1;
  if (word.startsWith(typed)) return typed.length === 1 ? 0.7 : 0.85;
  if (typed.length >= 3 && word.includes(typed)) return 0.6;
  const max = allowedEdits(typed.length);
  if (max === 0) return 0;
  const whole = editDistance(typed, word, max);
  if (whole <= max) return whole === 1 ? 0.55 : 0.4;
  // A typo in a word not finished yet: "Smtih" for "Smithson".
  if (word.length > typed.length && editDistance(typed, word.slice(0, typed.length), 1) <= 1) return 0.45;
  return 0;
}

/** Every typed word must match some word of the name; the score is their mean. */
export function nameScore(words: string[], name: string): number {
  if (words.length === 0) return 0;
  const nameWords = wordsOf(name);
  let total = 0;
  for (const typed of words) {
    const best = Math.max(0, ...nameWords.map((w) => wordScore(typed, w)));
    if (best === 0) return 0;
    total += best;
  }
  return total / words.length;
}

/** The best phone match and how good it is: the whole number, its last digits, or a part. */
export function phoneScore(digits: string[], phones: string[]): { score: number; phone: string | null } {
  let best = { score: 0, phone: null as string | null };
  for (const phone of phones) {
    for (const typed of digits) {
      let score = 0;
      if (phone === typed) score = 1;
      else if (phone.endsWith(typed)) score = typed.length >= 10 ? 1 : typed.length >= 7 ? 0.9 : 0.8;
      // Typed from the start: with or without the North-American country code 1.
      else if (phone.startsWith(typed) || (phone.startsWith('1') && phone.startsWith(typed, 1))) score = 0.7;
      else if (phone.includes(typed)) score = 0.5;
      if (score > best.score) best = { score, phone };
    }
  }
  return best;
}

export function emailScore(email: string | null, emails: string[]): number {
  if (email === null) return 0;
  let best = 0;
  for (const address of emails) {
    if (address === email) best = Math.max(best, 1);
    else if (address.startsWith(email)) best = Math.max(best, 0.85);
    else if (address.includes(email)) best = Math.max(best, 0.6);
  }
  return best;
}

export function plateScore(alnum: string, plate: string): number {
  if (plate === '' || alnum.length < 2) return 0;
  if (plate === alnum) return 1;
  if (plate.startsWith(alnum)) return 0.85;
  if (alnum.length >= 3 && plate.includes(alnum)) return 0.6;
  if (alnum.length >= 4 && Math.abs(plate.length - alnum.length) <= 1 && editDistance(alnum, plate, 1) <= 1)
    return 0.5;
  return 0;
}

export function vinScore(alnum: string, vin: string): number {
  if (vin === '' || alnum.length < 3) return 0;
  if (vin === alnum) return 1;
  // The last 6 or 8 characters are what people read off a windshield or a key tag.
  if (vin.endsWith(alnum)) return alnum.length === 6 || alnum.length === 8 ? 0.95 : 0.85;
  if (vin.startsWith(alnum)) return 0.7;
  if (vin.includes(alnum)) return 0.55;
  if (alnum.length >= 15 && editDistance(alnum, vin, 2) <= 2) return 0.5;
  return 0;
}

/** Doc text from the index back to its parts: the index pads each value with spaces. */
export function docValues(doc: string): string[] {
  return doc.split(' ').filter((v) => v !== '');
}

/** Repair-order numbers typed so far: the number itself, then numbers it begins (1042 → 10420..10429). */
export function roNumberRanges(
  typed: string,
  maxNumber: number,
): { from: number; to: number; extraDigits: number }[] {
  const base = Number(typed);
  const ranges = [{ from: base, to: base, extraDigits: 0 }];
  for (let extra = 1, scale = 10; base * scale <= maxNumber && extra <= 6; extra++, scale *= 10) {
    if (base === 0) break;
    ranges.push({ from: base * scale, to: (base + 1) * scale - 1, extraDigits: extra });
  }
  return ranges;
}

export function roNumberScore(extraDigits: number): number {
  return extraDigits === 0 ? 1 : Math.max(0.3, 0.8 - 0.1 * (extraDigits - 1));
}
