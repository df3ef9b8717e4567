import { describe, expect, it } from 'vitest';
import {
  arrivalAnnouncement,
  flagLabel,
  isFresh,
  isOfToday,
  KioskMarkBook,
  markFromCheckIn,
  markFromEvent,
  startOfShopDay,
} from './kiosk-marks';

const ZONE = 'America/Chicago';
// 2026-03-02 09:15 in Chicago (15:15Z).
const NOW = Date.parse('2026-03-02T15:15:00.000Z');
const event = {
  repairOrderId: 'ro-1',
  repairOrderNumber: 1042,
  appointmentId: 'ap-1',
  kioskName: 'Front door',
  tagNumber: 214,
  flags: ['vin-check-digit', 'possible-duplicate'],
  at: '2026-03-02T15:10:00.000Z',
};

describe('kiosk marks', () => {
  it("spell out the check-in's flags, and show an unknown one as named", () => {
    expect(markFromEvent(event).flags.map(flagLabel)).toEqual([
      'VIN check digit failed',
      'Possible duplicate customer',
    ]);
    expect(flagLabel('new-flag')).toBe('new-flag');
  });

  it("last for the rest of the shop's day, not the next one", () => {
    // 23:59 in Chicago is already the next day in UTC: still today for the shop.
    expect(isOfToday('2026-03-03T05:59:00.000Z', NOW, ZONE)).toBe(true);
    expect(isOfToday('2026-03-02T05:59:00.000Z', NOW, ZONE)).toBe(false);
    expect(isOfToday('not a time', NOW, ZONE)).toBe(false);
  });

  it('chime only for a check-in that just happened, not one replayed after a long drop', () => {
    expect(isFresh(event.at, Date.parse(event.at) + 30_000)).toBe(true);
    expect(isFresh('2026-03-02T15:14:30.000Z', NOW + 60_000)).toBe(true);
    expect(isFresh('2026-03-02T15:13:59.000Z', NOW + 60_000)).toBe(false);
    expect(isFresh('2026-03-02T14:00:00.000Z', NOW)).toBe(false);
  });

  it('say who arrived, where, the key tag and what to check', () => {
    expect(arrivalAnnouncement(markFromEvent(event))).toBe(
      'RO 1042 checked in at the kiosk (Front door), key tag 214. VIN check digit failed. Possible duplicate customer.',
    );
  });
});

describe('the mark book', () => {
  const listed = {
    repairOrderId: 'ro-1',
    appointmentId: 'ap-1',
    at: event.at,
    kioskName: 'Front door',
    tagNumber: 214,
    flags: [],
  };

  it('finds a listed check-in by its repair order and its appointment, for today only', () => {
    const book = new KioskMarkBook();
    book.record(markFromCheckIn(listed));
    expect(book.ofAppointment('ap-1', NOW, ZONE)).toMatchObject({ repairOrderId: 'ro-1', tagNumber: 214 });
    expect(book.ofRepairOrder('ro-1', NOW, ZONE)).toMatchObject({ kioskName: 'Front door' });
    expect(book.ofRepairOrder('ro-2', NOW, ZONE)).toBeNull();
    expect(book.ofAppointment('ap-2', NOW, ZONE)).toBeNull();
    expect(book.ofRepairOrder('ro-1', NOW + 24 * 3_600_000, ZONE)).toBeNull(); // tomorrow
  });

  it('keeps what the live event knew when the list answers later', () => {
    const book = new KioskMarkBook();
    book.record(markFromEvent(event));
    book.record(markFromCheckIn({ ...listed, appointmentId: null, flags: ['vin-check-digit'] }));
    expect(book.ofRepairOrder('ro-1', NOW, ZONE)).toMatchObject({
      repairOrderNumber: 1042,
      appointmentId: 'ap-1',
      flags: ['vin-check-digit'],
    });
  });
});

describe("the shop's day", () => {
  it('starts at midnight in the shop, whatever the browser', () => {
    expect(startOfShopDay(NOW, ZONE)).toBe('2026-03-02T06:00:00.000Z');
    expect(startOfShopDay(Date.parse('2026-03-03T05:30:00.000Z'), ZONE)).toBe('2026-03-02T06:00:00.000Z');
  });
});
