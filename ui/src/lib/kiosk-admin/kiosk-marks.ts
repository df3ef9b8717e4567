import type { LiveEvents } from '$contracts/live-events';
import { dateAt, dayRange } from '$lib/calendar/zoned';

/**
 * The staff side of a kiosk check-in: the "Checked in at the kiosk" mark on that repair order's
 * cards on the board and on its appointment in the calendar, for the rest of the shop's day, with
 * what the advisor should look at spelled out. Pure: the reactive store is kiosk-marks.svelte.ts.
 */

/** The mark's words, also its accessible name (the e2e tests find it by this). */
export const KIOSK_MARK_LABEL = 'Checked in at the kiosk';

/** The check-in's flags (kiosk-check-in module) in the advisor's words. */
export const KIOSK_FLAG_LABELS: Readonly<Record<string, string>> = {
  'vin-check-digit': 'VIN check digit failed',
  'possible-duplicate': 'Possible duplicate customer',
};

/** A flag this screen has no words for is still shown, as the server named it. */
export function flagLabel(flag: string): string {
  return KIOSK_FLAG_LABELS[flag] ?? flag;
}

export interface KioskMark {
  repairOrderId: string;
  appointmentId: string | null;
  repairOrderNumber: number | null;
  at: string;
  kioskName: string;
  tagNumber: number | null;
  flags: string[];
}

/** One check-in of GET /api/kiosk-check-ins (the parts the mark uses). */
export interface KioskCheckInSummary {
  repairOrderId: string;
  appointmentId: string | null;
  at: string;
  kioskName: string;
  tagNumber: number;
  flags: string[];
}

export function markFromEvent(event: LiveEvents['kioskCheckedIn']): KioskMark {
  return {
    repairOrderId: event.repairOrderId,
    appointmentId: event.appointmentId,
    repairOrderNumber: event.repairOrderNumber,
    at: event.at,
    kioskName: event.kioskName,
    tagNumber: event.tagNumber,
    flags: [...event.flags],
  };
}

export function markFromCheckIn(checkIn: KioskCheckInSummary): KioskMark {
  return { ...checkIn, repairOrderNumber: null, flags: [...checkIn.flags] };
}

/** Shown for the rest of the day it happened on, in the shop's time zone. */
export function isOfToday(at: string, nowMs: number, timeZone: string): boolean {
  const atMs = Date.parse(at);
  return Number.isFinite(atMs) && dateAt(atMs, timeZone) === dateAt(nowMs, timeZone);
}

/**
 * Chime only for a check-in that just happened: events replayed after the connection was down a
 * while (or a clock a little ahead) must not ring for a customer who arrived long ago.
 */
export const CHIME_WITHIN_MS = 2 * 60_000;
export function isFresh(at: string, nowMs: number): boolean {
  const atMs = Date.parse(at);
  return Number.isFinite(atMs) && Math.abs(nowMs - atMs) <= CHIME_WITHIN_MS;
}

/** What a screen reader hears when a check-in arrives. */
export function arrivalAnnouncement(mark: KioskMark): string {
  const ro = mark.repairOrderNumber === null ? 'A repair order' : `RO ${mark.repairOrderNumber}`;
  const tag = mark.tagNumber === null ? '' : `, key tag ${mark.tagNumber}`;
  const flags = mark.flags.length === 0 ? '' : `. ${mark.flags.map(flagLabel).join('. ')}`;
  return `${ro} checked in at the kiosk (${mark.kioskName})${tag}${flags}.`;
}

/**
 * What this browser knows of check-ins, by repair order (and its appointment): from the live
 * events as they come and from the day's list after a (re)load.
 */
export class KioskMarkBook {
  readonly #byRepairOrder = new Map<string, KioskMark>();
  readonly #repairOrderOfAppointment = new Map<string, string>();

  record(mark: KioskMark): void {
    const known = this.#byRepairOrder.get(mark.repairOrderId);
    // The event knows the RO number, the list does not: keep what either said.
    this.#byRepairOrder.set(mark.repairOrderId, {
      ...mark,
      repairOrderNumber: mark.repairOrderNumber ?? known?.repairOrderNumber ?? null,
      appointmentId: mark.appointmentId ?? known?.appointmentId ?? null,
    });
    if (mark.appointmentId !== null)
      this.#repairOrderOfAppointment.set(mark.appointmentId, mark.repairOrderId);
  }

  ofRepairOrder(repairOrderId: string, nowMs: number, timeZone: string): KioskMark | null {
    const mark = this.#byRepairOrder.get(repairOrderId);
    return mark !== undefined && isOfToday(mark.at, nowMs, timeZone) ? mark : null;
  }

  ofAppointment(appointmentId: string, nowMs: number, timeZone: string): KioskMark | null {
    const repairOrderId = this.#repairOrderOfAppointment.get(appointmentId);
    return repairOrderId === undefined ? null : this.ofRepairOrder(repairOrderId, nowMs, timeZone);
  }
}

/** The instant the shop's day began (the list of today's check-ins starts there). */
export function startOfShopDay(nowMs: number, timeZone: string): string {
  return new Date(dayRange(dateAt(nowMs, timeZone), timeZone).startMs).toISOString();
}
