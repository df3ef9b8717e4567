import { describe, expect, it } from 'vitest';
import { formatInterval } from '../../src/modules/appointments/appointment-times.js';

describe('appointment times as the advisor reads them', () => {
  it("shows the shop's wall-clock time with its zone", () => {
    const slot = { startsAt: '2026-07-14T14:00:00.000Z', endsAt: '2026-07-14T15:30:00.000Z' };
    expect(formatInterval(slot, 'America/Chicago')).toBe('Tue, Jul 14, 09:00–10:30 CDT');
    expect(formatInterval(slot, 'UTC')).toBe('Tue, Jul 14, 14:00–15:30 UTC');
  });

  it('names both days when a booking runs past midnight in the shop', () => {
    const overnight = { startsAt: '2026-01-10T03:00:00.000Z', endsAt: '2026-01-10T13:00:00.000Z' };
    expect(formatInterval(overnight, 'America/Los_Angeles')).toBe(
      'Fri, Jan 9, 19:00 – Sat, Jan 10, 05:00 PST',
    );
  });
});
