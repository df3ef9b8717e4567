import type { LiveEvents } from '$contracts/live-events';
import { shopTimeZone } from '$lib/time/shop-time';
import { kioskChime } from './kiosk-chime.svelte';
import { listKioskCheckIns } from './kiosk-check-in-api';
import {
  arrivalAnnouncement,
  isFresh,
  KioskMarkBook,
  markFromCheckIn,
  markFromEvent,
  startOfShopDay,
  type KioskMark,
} from './kiosk-marks';

/**
 * The kiosk marks this browser knows, shared by the board, the calendar and their cards: from the
 * live `kioskCheckedIn` event as it happens, and after a (re)load from today's list
 * (GET /api/kiosk-check-ins?since=<start of the shop's day>): one request, however many cards.
 */
class KioskMarks {
  readonly #book = new KioskMarkBook();
  /** Bumped on every change: the getters read it, so cards re-render when a mark arrives. */
  #version = $state(0);
  #refreshing: Promise<void> | null = null;
  #refreshAgain = false;
  /** The latest arrival, in words, for the screen's live region. */
  announcement = $state('');

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

  /**
   * Today's check-ins, after the screen (re)loaded: what happened while it was closed or offline.
   * Calls while one runs make one more run after it, not one each.
   */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      do {
        this.#refreshAgain = false;
        try {
          for (const checkIn of await listKioskCheckIns(startOfShopDay(Date.now(), shopTimeZone())))
            this.#book.record(markFromCheckIn(checkIn));
          this.#version += 1;
        } catch {
          // Offline: the marks already known stay; the next load asks again.
        }
      } while (this.#refreshAgain);
    })().finally(() => (this.#refreshing = null));
    return this.#refreshing;
  }
}

export const kioskMarks = new KioskMarks();
