/** The numbers on the shop's key tags: 1 to 999, the lowest free one handed out first. */
export const KEY_TAG_RANGE = { first: 1, last: 999 } as const;

/**
 * The lowest tag number not on an open repair order, or null when all are out. Tags typed at the
 * counter ("007", "A12") count as taken when they read as a number.
 */
export function lowestFreeTag(inUse: readonly string[]): number | null {
  const taken = new Set<number>();
  for (const tag of inUse) {
    const text = tag.trim();
    if (/^\d{1,4}$/.test(text)) taken.add(Number(text));
  }
  for (let n = KEY_TAG_RANGE.first; n <= KEY_TAG_RANGE.last; n++) if (!taken.has(n)) return n;
  return null;
}
