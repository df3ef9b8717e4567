/**
 * What a customer at the kiosk sees of a match: enough to recognise themselves and their car,
 * too little to learn anything about someone else's ("J. Sm***", "2019 Honda C***", "7AB***").
 * Done here, on the server: the unmasked values never leave it.
 */

const HIDDEN = '***';

/** Characters, not UTF-16 units: an accented or astral first letter is not cut in half. */
function chars(text: string): string[] {
  return Array.from(text.trim());
}

/** "John Smith" → "J. Sm***"; one word ("Cher") → "Ch***"; a business or fleet → its first two letters. */
export function maskName(name: string, kind = 'person'): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  const [first, ...rest] = words;
  if (first === undefined) return HIDDEN;
  if (kind !== 'person' || rest.length === 0) return `${chars(first).slice(0, 2).join('')}${HIDDEN}`;
  const initial = chars(first)[0]!.toUpperCase();
  return `${initial}. ${chars(rest.join(' ')).slice(0, 2).join('')}${HIDDEN}`;
}

/** "2019 Honda Civic" → "2019 Honda C***": year and make are common; the model is the tell. */
export function maskVehicle(vehicle: {
  year: number | null;
  make: string | null;
  model: string | null;
}): string {
  const model = vehicle.model?.trim() ? `${chars(vehicle.model)[0]}${HIDDEN}` : null;
  const parts = [vehicle.year === null ? null : String(vehicle.year), vehicle.make?.trim() || null, model];
  const text = parts.filter((part) => part !== null).join(' ');
  return text === '' ? `Vehicle ${HIDDEN}` : text;
}

/** "7ABC123" → "7AB***": never more than three characters, and never the whole of a short plate. */
export function maskPlate(plate: string | null): string | null {
  const letters = plate === null ? [] : chars(plate);
  if (letters.length === 0) return null;
  const shown = Math.max(1, Math.min(3, letters.length - 2));
  return `${letters.slice(0, shown).join('')}${HIDDEN}`;
}
