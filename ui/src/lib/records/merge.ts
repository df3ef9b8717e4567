import type { Customer } from './customer-form';
import { formatPhone } from './customer-form';

/**
 * What a merge moves, in words the advisor can check before confirming: the server moves every
 * record of the duplicate to the customer kept and keeps the duplicate as a pointer.
 */
export interface MergePreviewInput {
  kept: Customer;
  source: Customer;
  /** Short titles of the duplicate's vehicles, e.g. "2018 Honda Civic · ABC1234". */
  vehicles: string[];
  /** How many repair orders the duplicate has (`more` when there is another page). */
  repairOrders: { count: number; more: boolean };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Phones and emails the duplicate has that the kept customer does not: they are added on merge. */
export function contactsAdded(kept: Customer, source: Customer): string[] {
  const keptPhones = new Set(kept.contactInfo.phones.map((p) => p.number));
  const keptEmails = new Set(kept.contactInfo.emails.map((e) => e.address));
  return [
    ...source.contactInfo.phones
      .filter((p) => !keptPhones.has(p.number))
      .map((p) => formatPhone(p.number, p.extension)),
    ...source.contactInfo.emails.filter((e) => !keptEmails.has(e.address)).map((e) => e.address),
  ];
}

/** The lines of the confirmation dialog, one per kind of thing that moves. */
export function mergePreview(input: MergePreviewInput): string[] {
  const { kept, source, vehicles, repairOrders } = input;
  const lines: string[] = [];
  lines.push(
    vehicles.length === 0 ? 'No vehicles' : `${plural(vehicles.length, 'vehicle')}: ${vehicles.join('; ')}`,
  );
  const roCount = repairOrders.more ? `${repairOrders.count}+` : String(repairOrders.count);
  lines.push(
    repairOrders.count === 0 && !repairOrders.more
      ? 'No repair orders'
      : `${roCount} repair order${repairOrders.count === 1 && !repairOrders.more ? '' : 's'} (their whole history)`,
  );
  const added = contactsAdded(kept, source);
  lines.push(
    added.length === 0 ? 'No new phone numbers or emails' : `Contact details added: ${added.join(', ')}`,
  );
  if (source.notes.trim() !== '') lines.push(`Their notes, added under “Merged from ${source.name}”`);
  lines.push('Appointments and anything else filed under them');
  return lines;
}

/** The server's `moved` report ({ vehicles: 2, repairOrders: 3 }) as one sentence. */
export function movedSummary(moved: Record<string, number>): string {
  const parts = Object.entries(moved)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${count} ${humanize(name, count)}`);
  return parts.length === 0 ? 'Nothing else needed moving.' : `Moved ${parts.join(', ')}.`;
}

/** "repairOrders" → "repair orders"; "vehicles" with a count of 1 → "vehicle". */
function humanize(name: string, count: number): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return count === 1 && words.endsWith('s') ? words.slice(0, -1) : words;
}
