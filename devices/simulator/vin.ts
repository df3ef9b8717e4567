import type { SeededRandom } from './random.js';

/** The characters a VIN may hold (no I, O, Q) and their values for the check digit (ISO 3779). */
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const VALUES: Record<string, number> = Object.fromEntries(
  [...'ABCDEFGH']
    .map((c, i) => [c, i + 1] as const)
    .concat(
      [...'JKLMN'].map((c, i) => [c, i + 1] as const),
      [
        ['P', 7],
        ['R', 9],
      ],
      [...'STUVWXYZ'].map((c, i) => [c, i + 2] as const),
      [...'0123456789'].map((c, i) => [c, i] as const),
    ),
);
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * A made-up VIN with a correct check digit (position 9), so a server that checks it takes it as
 * a real car's; the world manufacturer codes are real ones to look plausible on screen.
 */
export function randomVin(random: SeededRandom): string {
  const wmi = random.pick(['1HG', '1FT', '2T1', '3VW', 'JTD', 'WBA', '5YJ', 'KMH']);
  const chars = [...wmi];
  while (chars.length < 17) chars.push(random.pick([...VIN_CHARS]));
  const sum = chars.reduce((total, c, i) => total + (VALUES[c] ?? 0) * (WEIGHTS[i] ?? 0), 0);
  chars[8] = sum % 11 === 10 ? 'X' : String(sum % 11);
  return chars.join('');
}
