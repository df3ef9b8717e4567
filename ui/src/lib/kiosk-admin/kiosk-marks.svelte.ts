import type { LiveEvents } from '$contracts/live-events';
import { shopTimeZone } from '$lib/time/shop-time';
import { kioskChime } from './kiosk-chime.svelte';
import { fetchKioskCheckIn } from './kiosk-check-in-api';
import {
  arrivalAnnouncement,
  isFresh,
  KioskMarkBook,
  markFromCheckIn,
  markFromEvent,
  type KioskCheckInSummary,
  type KioskMark,
  type MarkRequest,
} from './kiosk-marks';

/** How many check-in lookups run at once when a screen opens with many repair orders. */
const PARALLEL_LOOKUPS = 4;

/**
 * The kiosk marks this browser knows, shared by the board, the calendar and their cards: from the
 * live `kioskCheckedIn` event as it happens, and after a reload from each repair order's
 * check-in (GET /api/repair-orders/:id/kiosk-check-in), asked once per repair order.
 */
class KioskMarks {
  readonly #book = new KioskMarkBook();
  /** Bumped on every change: the getters read it, so cards re-render when a mark arrives. */
  #version = $state(0);
  /** The latest arrival, in words, for the screen's live region. */
  announcement = $state('');

  constructor(private readonly lookup: (repairOrderId: string) => Promise<KioskCheckInSummary | null>) {}

  ofRepairOrder(repairOrderId: string, nowMs: number = Date.now()): KioskMark | null {
    void this.#version;
    return this.#book.ofRepairOrder(repairOrderId, nowMs, shopTimeZone());
  }

  ofAppointment(appointmentId: string, nowMs: number = Date.now()): KioskMark | null {
    void this.#version;
    return this.#book.ofAppointment(appointmentId, nowMs, shopTimeZone());
  }

  /** A customer just checked in: mark it, say it, and chime (unless it is an old replayed event). */
  arrived(event: LiveEvents['kioskCheckedIn']): void {
    const mark = markFromEvent(event);
    this.#book.record(mark);
    this.#version += 1;
    this.announcement = arrivalAnnouncement(mark);
    if (isFresh(mark.at, Date.now())) kioskChime.play();
  }

  /** Learns the marks of these repair orders (the ones not asked yet), a few at a time. */
  async ensure(requests: readonly MarkRequest[]): Promise<void> {
    const queue = this.#book.take(requests);
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        try {
          const checkIn = await this.lookup(next.repairOrderId);
          if (checkIn === null) this.#book.recordNone(next.repairOrderId);
          else this.#book.record(markFromCheckIn(next, checkIn));
        } catch {
          this.#book.forgetAsking(next.repairOrderId); // offline: asked again on the next load
        }
        this.#version += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_LOOKUPS, queue.length) }, worker));
  }
}

export const kioskMarks = new KioskMarks(fetchKioskCheckIn);
