/**
 * What a board card says about the customer's promised time, so the advisor sees at a glance
 * which cars will let a customer down. Said in words as well as in red (color alone is not
 * enough for everyone, and a card's color says nothing to a screen reader).
 *
 * The rule, kept simple on purpose:
 * - late: the promise has passed and the job is not completed (the server's `overdue`);
 * - at risk: the promise is still ahead, but the work left will not fit before it:
 *     - the job's estimated end (its schedule) is after the promise, or
 *     - the job has not started yet (Pending or Blocked) and less than START_MARGIN_MS is left,
 *       since almost no job is started and finished in under an hour;
 * - on time: anything else with a promise; none: no promise, or the job is completed.
 */
import type { BoardItem } from './board';
import { formatDateTime, formatTime, shopTodayDate } from '$lib/time/shop-time';

export type PromiseState = 'none' | 'on-time' | 'at-risk' | 'late';

/** A job that has not started with less than this left before the promise is at risk. */
export const START_MARGIN_MS = 60 * 60_000;

type PromiseFields = Pick<BoardItem, 'status' | 'promisedAt' | 'estimatedEnd'>;

export function promiseState(item: PromiseFields, nowMs: number): PromiseState {
  if (item.promisedAt === null || item.status === 'Completed') return 'none';
  const promisedMs = Date.parse(item.promisedAt);
  if (Number.isNaN(promisedMs)) return 'none';
  if (promisedMs <= nowMs) return 'late';
  const estimatedEndMs = item.estimatedEnd === null ? Number.NaN : Date.parse(item.estimatedEnd);
  if (!Number.isNaN(estimatedEndMs) && estimatedEndMs > promisedMs) return 'at-risk';
  const started = item.status === 'In_Progress';
  if (!started && promisedMs - nowMs < START_MARGIN_MS) return 'at-risk';
  return 'on-time';
}

/** "Promised 4:30 PM" (today) or "Promised Dec 8, 2026, 9:00 AM", on the shop's clock. */
export function promisedLabel(promisedAt: string, nowMs: number, timeZone?: string): string {
  const ms = Date.parse(promisedAt);
  const sameDay = shopTodayDate(ms, timeZone) === shopTodayDate(nowMs, timeZone);
  return `Promised ${sameDay ? formatTime(ms, timeZone) : formatDateTime(ms, timeZone)}`;
}

/** The words that go with the color: nothing when all is well. */
export const PROMISE_WARNINGS: Record<PromiseState, string | null> = {
  none: null,
  'on-time': null,
  'at-risk': 'At risk: the work left may not fit before the promise',
  late: 'Late: past the promised time',
};
