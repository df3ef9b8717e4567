import type { BaySensorOutcome } from '../../db/tables/bay-sensors.js';
import type { BoardItem, Line } from '../repair-orders/repair-orders.schemas.js';

/*
 * The rules of bay occupancy, pure so they are tested on their own: what an event means given
 * what the device sent before and whether the bay holds a car, which job a bay maps to, and how
 * long a job has been in a bay against its book hours.
 */

/**
 * What a sensor's event does. `lastSeq` is the highest sequence number stored for this device
 * (null: its first event). A lower one arrived late: kept, but the bay already moved past it.
 * An 'in' while the bay holds a car (the 'out' between them was lost, or the sensor bounced)
 * keeps the stay that began first; an 'out' of an empty bay changes nothing.
 */
export function classifyEvent(
  event: 'in' | 'out',
  seq: number,
  lastSeq: number | null,
  occupied: boolean,
  hasBay: boolean,
): BaySensorOutcome {
  if (!hasBay) return 'no_bay';
  if (lastSeq !== null && seq < lastSeq) return 'out_of_order';
  if (event === 'in') return occupied ? 'already_in' : 'applied';
  return occupied ? 'applied' : 'already_out';
}

/** How far the sensor's clock may be from the server's before ASE trusts its own instead. */
const AHEAD_TOLERANCE_MS = 2 * 60_000;
const BEHIND_TOLERANCE_MS = 24 * 60 * 60_000;

/**
 * When the car really came in or left: the sensor's own time (it may have queued the event
 * while the network was down), unless it is unreadable or implausible (a sensor whose clock
 * was never set says 1970): then the time ASE received it.
 */
export function eventTime(sensorAt: string, receivedAt: string): string {
  const sensor = Date.parse(sensorAt);
  const received = Date.parse(receivedAt);
  if (Number.isNaN(sensor)) return receivedAt;
  if (sensor > received + AHEAD_TOLERANCE_MS || sensor < received - BEHIND_TOLERANCE_MS) return receivedAt;
  return new Date(sensor).toISOString();
}

const PLACEMENT_RANK: Record<string, number> = { In_Progress: 0, Blocked: 1, Pending: 2 };

/**
 * The job a bay maps to, from the open jobs placed in it: the one being worked on, else one
 * waiting on something, else the next to start (earliest scheduled, then the oldest RO).
 */
export function placedJob(items: readonly BoardItem[]): BoardItem | null {
  const candidates = items.filter((item) => PLACEMENT_RANK[item.status] !== undefined);
  candidates.sort(
    (a, b) =>
      PLACEMENT_RANK[a.status]! - PLACEMENT_RANK[b.status]! ||
      (a.scheduledStart ?? '\uffff').localeCompare(b.scheduledStart ?? '\uffff') ||
      a.repairOrderNumber - b.repairOrderNumber,
  );
  return candidates[0] ?? null;
}

/** A job's book time: its labor lines' hours (declined ones are not work to do). */
export function bookSeconds(lines: readonly Pick<Line, 'kind' | 'quantity' | 'approvalState'>[]): number {
  const hours = lines
    .filter((line) => line.kind === 'labor' && line.approvalState !== 'declined')
    .reduce((sum, line) => sum + line.quantity, 0);
  return Math.round(hours * 3600);
}

/** Seconds spent in bays over these stays; an open stay counts up to `nowMs`. */
export function secondsInBay(
  visits: readonly { in_at: string; out_at: string | null }[],
  nowMs: number,
): number {
  let ms = 0;
  for (const visit of visits) {
    const end = visit.out_at === null ? nowMs : Date.parse(visit.out_at);
    ms += Math.max(0, end - Date.parse(visit.in_at));
  }
  return Math.floor(ms / 1000);
}

/** "10:02" on the shop's clock, for the suggestion's text. */
export function shopTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}
