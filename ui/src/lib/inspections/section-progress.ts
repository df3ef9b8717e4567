import type { Finding, Item, Section } from './inspection';

/** Where one section of an inspection stands: what its header says and what "All OK" would rate. */
export interface SectionProgress {
  rated: number;
  total: number;
  red: number;
  yellow: number;
  /** Items with no rating yet, in the section's order: what "All OK" turns green. */
  unrated: Item[];
}

export function sectionProgress(
  section: Pick<Section, 'items'>,
  byKey: Map<string, Finding>,
): SectionProgress {
  const ratingOf = (item: Item) => byKey.get(item.key)?.rating ?? null;
  const unrated = section.items.filter((item) => ratingOf(item) === null);
  return {
    rated: section.items.length - unrated.length,
    total: section.items.length,
    red: section.items.filter((item) => ratingOf(item) === 'red').length,
    yellow: section.items.filter((item) => ratingOf(item) === 'yellow').length,
    unrated,
  };
}

/** "12 of 12 rated, 1 red, 2 yellow": the section header, readable while the section is closed. */
export function sectionSummary(p: SectionProgress): string {
  const parts = [`${p.rated} of ${p.total} rated`];
  if (p.red > 0) parts.push(`${p.red} red`);
  if (p.yellow > 0) parts.push(`${p.yellow} yellow`);
  return parts.join(', ');
}

/**
 * Whether a section shows its items. A section is closed once every item is rated (29 open items
 * are 9,000 px of scrolling on a tablet) unless the technician opened or closed it by hand.
 */
export function sectionOpen(p: SectionProgress, choice: boolean | undefined): boolean {
  return choice ?? p.rated < p.total;
}
