import type { LiveEvents } from '$contracts/live-events';
import { dateAt } from '$lib/calendar/zoned';

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

/** What GET /api/repair-orders/:id/kiosk-check-in answers (the parts the mark uses). */
export interface KioskCheckInSummary {
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

export function markFromCheckIn(
  ask: { repairOrderId: string; appointmentId: string | null },
  checkIn: KioskCheckInSummary,
): KioskMark {
  return {
    ...ask,
    repairOrderNumber: null,
    at: checkIn.at,
    kioskName: checkIn.kioskName,
    tagNumber: checkIn.tagNumber,
    flags: [...checkIn.flags],
  };
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

/** A repair order to look up, and the appointment it came from when the calendar asks. */
export interface MarkRequest {
  repairOrderId: string;
  appointmentId: string | null;
}

/**
 * What this browser knows of check-ins: by repair order, a mark or `null` (asked: not a kiosk
 * check-in). A repair order is asked about once: a check-in makes its repair order in the same
 * transaction, so one that was not checked in at a kiosk never will be.
 */
export class KioskMarkBook {
  readonly #byRepairOrder = new Map<string, KioskMark | null>();
  readonly #repairOrderOfAppointment = new Map<string, string>();
  readonly #asking = new Set<string>();

  record(mark: KioskMark): void {
    const known = this.#byRepairOrder.get(mark.repairOrderId);
    // The event knows the RO number and the appointment, a later lookup may not: keep both.
    this.#byRepairOrder.set(mark.repairOrderId, {
      ...mark,
      repairOrderNumber: mark.repairOrderNumber ?? known?.repairOrderNumber ?? null,
      appointmentId: mark.appointmentId ?? known?.appointmentId ?? null,
    });
    if (mark.appointmentId !== null)
      this.#repairOrderOfAppointment.set(mark.appointmentId, mark.repairOrderId);
    this.#asking.delete(mark.repairOrderId);
  }

  recordNone(repairOrderId: string): void {
    if (!this.#byRepairOrder.has(repairOrderId)) this.#byRepairOrder.set(repairOrderId, null);
    this.#asking.delete(repairOrderId);
  }

  /** Asking failed (offline): forget it was asked, so the next load asks again. */
  forgetAsking(repairOrderId: string): void {
    this.#asking.delete(repairOrderId);
  }

  /** The requests not known yet and not being asked; they are marked as being asked. */
  take(requests: readonly MarkRequest[]): MarkRequest[] {
    const wanted: MarkRequest[] = [];
    for (const request of requests) {
      if (request.appointmentId !== null)
        this.#repairOrderOfAppointment.set(request.appointmentId, request.repairOrderId);
      if (this.#byRepairOrder.has(request.repairOrderId) || this.#asking.has(request.repairOrderId)) continue;
      this.#asking.add(request.repairOrderId);
      wanted.push(request);
    }
    return wanted;
  }

  ofRepairOrder(repairOrderId: string, nowMs: number, timeZone: string): KioskMark | null {
    const mark = this.#byRepairOrder.get(repairOrderId) ?? null;
    return mark !== null && isOfToday(mark.at, nowMs, timeZone) ? mark : null;
  }

  ofAppointment(appointmentId: string, nowMs: number, timeZone: string): KioskMark | null {
    const repairOrderId = this.#repairOrderOfAppointment.get(appointmentId);
    return repairOrderId === undefined ? null : this.ofRepairOrder(repairOrderId, nowMs, timeZone);
  }
}
