/**
 * Where things go on the calendar: which lane an appointment sits in, the hours a day shows, and
 * where each block is drawn along the time axis. The day view runs time down the page and lanes
 * across; the week view runs lanes down and days across: both use the same numbers.
 */
import { addDays, dateAt, HOUR_MS, instantOnDate, MINUTE_MS, wallTimeAt, type PlainDate } from './zoned';

/** The fields of an appointment the calendar positions by (the API's appointment has them all). */
export interface CalendarItem {
  id: string;
  startsAt: string;
  endsAt: string;
  bayId: string | null;
  bayName: string | null;
  technicianId: string | null;
  technicianName: string | null;
  status: 'booked' | 'arrived' | 'cancelled' | 'no_show';
}

export type LaneMode = 'bay' | 'technician';

export interface Lane {
  /** `bay:<id>`, `technician:<id>` or `unassigned`. */
  key: string;
  label: string;
  /** The bay or technician id the lane stands for; null for the unassigned lane. */
  resourceId: string | null;
  /** A retired bay/technician that still has appointments: shown, but not offered for new ones. */
  retired: boolean;
}

export interface Resource {
  id: string;
  name: string;
  active: boolean;
}

export const UNASSIGNED_LANE = 'unassigned';

export function laneKeyOf(item: CalendarItem, mode: LaneMode): string {
  const id = mode === 'bay' ? item.bayId : item.technicianId;
  return id === null ? UNASSIGNED_LANE : `${mode}:${id}`;
}

/**
 * The lanes for a mode: the active bays (or technicians) in their given order, then any retired
 * one an appointment still holds (so nothing disappears), then "Unassigned" last.
 */
export function lanesFor(
  mode: LaneMode,
  resources: readonly Resource[],
  items: readonly CalendarItem[],
): Lane[] {
  const lanes: Lane[] = resources
    .filter((r) => r.active)
    .map((r) => ({ key: `${mode}:${r.id}`, label: r.name, resourceId: r.id, retired: false }));
  const known = new Set(lanes.map((l) => l.key));
  for (const item of items) {
    const key = laneKeyOf(item, mode);
    if (key === UNASSIGNED_LANE || known.has(key)) continue;
    known.add(key);
    const id = mode === 'bay' ? item.bayId : item.technicianId;
    const fromList = resources.find((r) => r.id === id);
    const name = fromList?.name ?? (mode === 'bay' ? item.bayName : item.technicianName) ?? 'Unknown';
    lanes.push({ key, label: name, resourceId: id, retired: true });
  }
  lanes.push({ key: UNASSIGNED_LANE, label: 'Unassigned', resourceId: null, retired: false });
  return lanes;
}

/** The span of time a view draws: [startMs, endMs). */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

export interface ShopHours {
  /** First hour shown, on the shop's clock. */
  openHour: number;
  /** Hour the axis ends at (exclusive), on the shop's clock; 24 = midnight. */
  closeHour: number;
}

export const DEFAULT_HOURS: ShopHours = { openHour: 7, closeHour: 19 };

/**
 * The hours the day view shows: the shop's usual day, stretched to whole hours to take in any
 * appointment of that day that starts earlier or ends later, never past the day's own midnights.
 */
export function dayWindow(
  date: PlainDate,
  timeZone: string,
  items: readonly Pick<CalendarItem, 'startsAt' | 'endsAt'>[],
  hours: ShopHours = DEFAULT_HOURS,
): TimeWindow {
  const dayStart = instantOnDate(date, 0, 0, timeZone);
  const dayEnd = instantOnDate(addDays(date, 1), 0, 0, timeZone);
  let startMs = instantOnDate(date, hours.openHour, 0, timeZone);
  let endMs = hours.closeHour >= 24 ? dayEnd : instantOnDate(date, hours.closeHour, 0, timeZone);
  for (const item of items) {
    const s = Math.max(Date.parse(item.startsAt), dayStart);
    const e = Math.min(Date.parse(item.endsAt), dayEnd);
    if (e <= dayStart || s >= dayEnd) continue;
    if (s < startMs) startMs = floorToHour(s, dayStart);
    if (e > endMs) endMs = Math.min(dayEnd, ceilToHour(e, dayStart));
  }
  return { startMs, endMs };
}

/** Hours counted from local midnight (whole-hour offsets keep this on the shop's hour lines). */
function floorToHour(ms: number, originMs: number): number {
  return originMs + Math.floor((ms - originMs) / HOUR_MS) * HOUR_MS;
}

function ceilToHour(ms: number, originMs: number): number {
  return originMs + Math.ceil((ms - originMs) / HOUR_MS) * HOUR_MS;
}

/** The hour lines of a window: one instant per hour from its start (labels come from the shop's clock). */
export function hourTicks(window: TimeWindow): number[] {
  const ticks: number[] = [];
  for (let t = window.startMs; t < window.endMs; t += HOUR_MS) ticks.push(t);
  return ticks;
}

export interface Placed<T> {
  item: T;
  /** Where the block starts along the time axis, 0..1 of the window. */
  offset: number;
  /** How long the block is, 0..1 of the window (never below `minLength`). */
  length: number;
  /** Side-by-side placement of overlapping blocks in one lane: this block's track of `tracks`. */
  track: number;
  tracks: number;
  /** The appointment runs on before or after what is shown. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/**
 * Blocks of one lane in a window. Overlapping blocks (a cancelled slot rebooked, or a squeezed-in
 * waiter in the unassigned lane) share the width in tracks, each cluster of overlaps on its own.
 */
export function placeInWindow<T extends Pick<CalendarItem, 'id' | 'startsAt' | 'endsAt'>>(
  items: readonly T[],
  window: TimeWindow,
  minLength = 0,
): Placed<T>[] {
  const span = window.endMs - window.startMs;
  const visible = items
    .map((item) => ({ item, s: Date.parse(item.startsAt), e: Date.parse(item.endsAt) }))
    .filter(({ s, e }) => e > window.startMs && s < window.endMs)
    .sort((a, b) => a.s - b.s || b.e - a.e || a.item.id.localeCompare(b.item.id));

  const placed: Placed<T>[] = [];
  let cluster: { placed: Placed<T>; e: number }[] = [];
  let trackEnds: number[] = [];
  let clusterEnd = -Infinity;

  const closeCluster = () => {
    for (const member of cluster) member.placed.tracks = trackEnds.length;
    cluster = [];
    trackEnds = [];
  };

  for (const { item, s, e } of visible) {
    if (s >= clusterEnd) closeCluster();
    let track = trackEnds.findIndex((end) => end <= s);
    if (track === -1) {
      track = trackEnds.length;
      trackEnds.push(e);
    } else trackEnds[track] = e;
    clusterEnd = cluster.length === 0 ? e : Math.max(clusterEnd, e);
    const from = Math.max(s, window.startMs);
    const to = Math.min(e, window.endMs);
    const entry: Placed<T> = {
      item,
      offset: (from - window.startMs) / span,
      length: Math.max((to - from) / span, minLength),
      track,
      tracks: 1,
      clippedStart: s < window.startMs,
      clippedEnd: e > window.endMs,
    };
    cluster.push({ placed: entry, e });
    placed.push(entry);
  }
  closeCluster();
  return placed;
}

/** Groups items by lane key, keeping every lane (empty ones too) in lane order. */
export function byLane<T extends CalendarItem>(
  items: readonly T[],
  lanes: readonly Lane[],
  mode: LaneMode,
): Map<string, T[]> {
  const groups = new Map<string, T[]>(lanes.map((l) => [l.key, []]));
  for (const item of items) groups.get(laneKeyOf(item, mode))?.push(item);
  return groups;
}

/** The shop date an appointment belongs to in the week view: the day it starts. */
export function startDateOf(item: Pick<CalendarItem, 'startsAt'>, timeZone: string): PlainDate {
  return dateAt(Date.parse(item.startsAt), timeZone);
}

/** Whether an appointment still takes a slot (cancelled and no-show ones free it again). */
export function isBusy(item: Pick<CalendarItem, 'status'>): boolean {
  return item.status === 'booked' || item.status === 'arrived';
}

/** Rounds to the nearest `stepMinutes` counted from `originMs` (a whole local hour). */
export function snapToStep(ms: number, originMs: number, stepMinutes = 15): number {
  const step = stepMinutes * MINUTE_MS;
  return originMs + Math.round((ms - originMs) / step) * step;
}

/**
 * The start a drop in the day view asks for: the pointer's place along the lane as a share of the
 * window, less where on the block it was grabbed, snapped to the quarter hour.
 */
export function dropStart(
  window: TimeWindow,
  pointerFraction: number,
  grabOffsetMs: number,
  stepMinutes = 15,
): number {
  const clamped = Math.min(1, Math.max(0, pointerFraction));
  const pointerMs = window.startMs + clamped * (window.endMs - window.startMs);
  return snapToStep(pointerMs - grabOffsetMs, window.startMs, stepMinutes);
}

/** The slot a click on an empty part of a lane offers: starting there, snapped down, one hour long. */
export function slotAt(
  window: TimeWindow,
  pointerFraction: number,
  stepMinutes = 30,
  lengthMs = HOUR_MS,
): TimeWindow {
  const clamped = Math.min(1, Math.max(0, pointerFraction));
  const pointerMs = window.startMs + clamped * (window.endMs - window.startMs);
  const step = stepMinutes * MINUTE_MS;
  const startMs = window.startMs + Math.floor((pointerMs - window.startMs) / step) * step;
  return { startMs, endMs: startMs + lengthMs };
}

/** Keeps the length of an appointment while moving its start. */
export function moveKeepingLength(
  item: Pick<CalendarItem, 'startsAt' | 'endsAt'>,
  newStartMs: number,
): { startsAt: string; endsAt: string } {
  const length = Date.parse(item.endsAt) - Date.parse(item.startsAt);
  return {
    startsAt: new Date(newStartMs).toISOString(),
    endsAt: new Date(newStartMs + length).toISOString(),
  };
}

/** "09" style hour of the shop's clock at an instant: for compact tick labels and tests. */
export function shopHour(instantMs: number, timeZone: string): number {
  return wallTimeAt(instantMs, timeZone).hour;
}
