import { describe, expect, it } from 'vitest';
import type { Finding, Item } from './inspection';
import { sectionOpen, sectionProgress, sectionSummary } from './section-progress';

const item = (key: string) => ({ key, label: key }) as unknown as Item;
const finding = (itemKey: string, rating: Finding['rating']) => ({ itemKey, rating }) as unknown as Finding;
const ITEMS = ['a', 'b', 'c', 'd'].map(item);

describe('an inspection section: header and open/closed', () => {
  it('counts rated items, reds and yellows, and lists what All OK would rate', () => {
    const byKey = new Map([
      ['a', finding('a', 'red')],
      ['b', finding('b', 'green')],
      ['c', finding('c', null)],
    ]);
    const p = sectionProgress({ items: ITEMS }, byKey);
    expect(p).toMatchObject({ rated: 2, total: 4, red: 1, yellow: 0 });
    expect(p.unrated.map((i) => i.key)).toEqual(['c', 'd']);
    expect(sectionSummary(p)).toBe('2 of 4 rated, 1 red');
  });

  it('reads "12 of 12 rated, 1 red" when done, and "0 of 4 rated" when untouched', () => {
    expect(sectionSummary({ rated: 12, total: 12, red: 1, yellow: 0, unrated: [] })).toBe(
      '12 of 12 rated, 1 red',
    );
    expect(sectionSummary({ rated: 5, total: 6, red: 0, yellow: 2, unrated: [] })).toBe(
      '5 of 6 rated, 2 yellow',
    );
    expect(sectionSummary(sectionProgress({ items: ITEMS }, new Map()))).toBe('0 of 4 rated');
  });

  it('closes a fully rated section unless the technician chose otherwise', () => {
    const done = { rated: 4, total: 4, red: 0, yellow: 0, unrated: [] };
    const half = { rated: 2, total: 4, red: 0, yellow: 0, unrated: [] };
    expect(sectionOpen(done, undefined)).toBe(false);
    expect(sectionOpen(half, undefined)).toBe(true);
    expect(sectionOpen(done, true)).toBe(true);
    expect(sectionOpen(half, false)).toBe(false);
  });
});
