import { describe, expect, it } from 'vitest';
import {
  arrivalAnnouncement,
  flagLabel,
  isFresh,
  isOfToday,
  KioskMarkBook,
  markFromCheckIn,
  markFromEvent,
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
  it('asks about each repair order once, and finds a mark by its appointment', () => {
    const book = new KioskMarkBook();
    const asks = [
      { repairOrderId: 'ro-1', appointmentId: 'ap-1' },
      { repairOrderId: 'ro-2', appointmentId: null },
    ];
    expect(book.take(asks)).toEqual(asks);
    expect(book.take(asks)).toEqual([]); // being asked
    book.record(
      markFromCheckIn(asks[0]!, { at: event.at, kioskName: 'Front door', tagNumber: 214, flags: [] }),
    );
    book.recordNone('ro-2');
    expect(book.take(asks)).toEqual([]); // known
    expect(book.ofAppointment('ap-1', NOW, ZONE)).toMatchObject({ repairOrderId: 'ro-1', tagNumber: 214 });
    expect(book.ofRepairOrder('ro-2', NOW, ZONE)).toBeNull();
    expect(book.ofRepairOrder('ro-1', NOW + 24 * 3_600_000, ZONE)).toBeNull(); // tomorrow
  });

  it('asks again after a failed lookup, and a late "none" does not undo a live mark', () => {
    const book = new KioskMarkBook();
    const ask = { repairOrderId: 'ro-1', appointmentId: null };
    expect(book.take([ask])).toHaveLength(1);
    book.forgetAsking('ro-1');
    expect(book.take([ask])).toHaveLength(1);
    book.record(markFromEvent(event));
    book.recordNone('ro-1');
    expect(book.ofRepairOrder('ro-1', NOW, ZONE)).toMatchObject({ repairOrderNumber: 1042 });
  });

  it('keeps what the live event knew when the lookup answers later', () => {
    const book = new KioskMarkBook();
    book.record(markFromEvent(event));
    book.record(
      markFromCheckIn(
        { repairOrderId: 'ro-1', appointmentId: null },
        { at: event.at, kioskName: 'Front door', tagNumber: 214, flags: ['vin-check-digit'] },
      ),
    );
    expect(book.ofRepairOrder('ro-1', NOW, ZONE)).toMatchObject({
      repairOrderNumber: 1042,
      appointmentId: 'ap-1',
      flags: ['vin-check-digit'],
    });
  });
});
