import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatTime,
  isoToShopInput,
  setShopTimeZone,
  shopInputToIso,
  shopTimeZone,
  shopTodayDate,
} from './shop-time';
import { dateTime, time } from '$lib/format';

// 12:55 UTC on a December day: 6:55 AM in Chicago (CST, UTC-6), 9:55 PM in Tokyo.
const MOMENT = '2026-12-07T12:55:00.000Z';

afterEach(() => setShopTimeZone(null));

describe('the shop clock', () => {
  it("formats an instant on the given zone's wall clock", () => {
    expect(formatTime(MOMENT, 'America/Chicago')).toBe('6:55 AM');
    expect(formatTime(MOMENT, 'Asia/Tokyo')).toBe('9:55 PM');
    expect(formatDate(MOMENT, 'America/Chicago')).toBe('Dec 7, 2026');
    expect(formatDateTime(MOMENT, 'America/Chicago')).toBe('Dec 7, 2026, 6:55 AM');
  });

  it("uses the shop's zone, once known, wherever no zone is given (format.ts too)", () => {
    setShopTimeZone('America/Chicago');
    expect(shopTimeZone()).toBe('America/Chicago');
    expect(formatTime(MOMENT)).toBe('6:55 AM');
    expect(time(MOMENT)).toBe('6:55 AM');
    expect(dateTime(MOMENT)).toBe('Dec 7, 2026, 6:55 AM');
    setShopTimeZone('Asia/Tokyo');
    expect(time(MOMENT)).toBe('9:55 PM');
  });

  it('ignores a zone name the browser does not know rather than failing every screen', () => {
    setShopTimeZone('Mars/Olympus_Mons');
    expect(shopTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it("'today' is the shop's date, not the browser's", () => {
    // 03:00 UTC on Dec 8 is still the evening of Dec 7 in Chicago, already Dec 8 in Tokyo.
    const lateEvening = Date.parse('2026-12-08T03:00:00Z');
    expect(shopTodayDate(lateEvening, 'America/Chicago')).toBe('2026-12-07');
    expect(shopTodayDate(lateEvening, 'Asia/Tokyo')).toBe('2026-12-08');
  });

  it('reads and writes datetime-local values on the shop clock, across a DST change', () => {
    expect(isoToShopInput(MOMENT, 'America/Chicago')).toBe('2026-12-07T06:55');
    expect(shopInputToIso('2026-12-07T06:55', 'America/Chicago')).toBe(MOMENT);
    // July: CDT, UTC-5.
    expect(shopInputToIso('2026-07-01T16:30', 'America/Chicago')).toBe('2026-07-01T21:30:00.000Z');
    expect(isoToShopInput(null, 'America/Chicago')).toBe('');
    expect(shopInputToIso('', 'America/Chicago')).toBeNull();
    expect(shopInputToIso('not a time', 'America/Chicago')).toBeNull();
  });
});
