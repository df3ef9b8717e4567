/**
 * The second fact a customer gives after the phone number: their last name (any case, with or
 * without accents: "GARCIA" finds "García") or the plate of one of their vehicles. Both are
 * compared folded; a blank fact matches nothing.
 */

/** Lower-case, accents and punctuation gone, words separated by one space. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Letters and digits only, upper-case: "7ab-c 123" and "7ABC123" are the same plate. */
export function foldPlate(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The last names a stored name answers to: every word after the first (Spanish names carry two
 * surnames: "Ana García López" answers to "Garcia", "Lopez" and "Garcia Lopez"), or the only word.
 */
function lastNamesOf(name: string): Set<string> {
  const words = foldName(name)
    .split(' ')
    .filter((word) => word.length > 0);
  const rest = words.length > 1 ? words.slice(1) : words;
  const names = new Set(rest);
  for (let from = 0; from < rest.length; from++) {
    for (let to = from + 2; to <= rest.length; to++) names.add(rest.slice(from, to).join(' '));
  }
  return names;
}

export function factMatches(fact: string, customerName: string, plates: readonly (string | null)[]): boolean {
  const name = foldName(fact);
  if (name !== '' && lastNamesOf(customerName).has(name)) return true;
  const plate = foldPlate(fact);
  return plate !== '' && plates.some((p) => p !== null && foldPlate(p) === plate);
}
