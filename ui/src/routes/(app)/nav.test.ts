import { describe, expect, it } from 'vitest';
import { currentNavHref, homeFor, navItemsFor } from './nav';

describe('navigation', () => {
  it('marks the most specific item as current', () => {
    const items = navItemsFor('advisor');
    expect(currentNavHref(items, '/repair-orders/new')).toBe('/repair-orders/new');
    expect(currentNavHref(items, '/repair-orders/0190-abc')).toBe('/repair-orders');
    expect(currentNavHref(items, '/board')).toBe('/board');
    expect(currentNavHref(items, '/boardroom')).toBeUndefined();
  });

  it('shows each role only its screens, once each', () => {
    for (const role of ['owner', 'advisor', 'technician', 'parts'] as const) {
      const hrefs = navItemsFor(role).map((i) => i.href);
      expect(new Set(hrefs).size).toBe(hrefs.length);
    }
    expect(navItemsFor('technician').map((i) => i.href)).toEqual(['/my-jobs', '/inspections', '/board']);
    expect(navItemsFor('parts').map((i) => i.href)).not.toContain('/inspections');
    expect(navItemsFor('owner').map((i) => i.href)).toContain('/settings');
    expect(navItemsFor('advisor').map((i) => i.href)).not.toContain('/settings');
    expect(navItemsFor('parts').map((i) => i.href)).toEqual(['/board', '/inventory']);
    expect(navItemsFor('advisor').map((i) => i.href)).not.toContain('/reports');
    expect(navItemsFor('advisor').map((i) => i.href)).toContain('/reports/end-of-day');
    expect(navItemsFor('owner').map((i) => i.href)).toEqual(
      expect.arrayContaining(['/invoices', '/reports', '/time']),
    );
    // Time review (correcting the technicians' clock) is the counter's.
    expect(navItemsFor('advisor').map((i) => i.href)).toContain('/time');
    expect(navItemsFor('technician').map((i) => i.href)).not.toContain('/time');
    expect(navItemsFor('parts').map((i) => i.href)).not.toContain('/time');
  });

  it('sends technicians to their jobs and everyone else to the board', () => {
    expect(homeFor('technician')).toBe('/my-jobs');
    expect(homeFor('parts')).toBe('/board');
  });
});
