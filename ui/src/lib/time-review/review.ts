/**
 * The time review screen's arithmetic and wording: durations, one group per technician with their
 * shift and job-clock totals, and times on the shop's clock. Pure (no API, no DOM), so it is
 * unit-tested; the page only lays it out.
 */
import { clockTime } from '$lib/calendar/labels';
import { dateAt, type PlainDate } from '$lib/calendar/zoned';

/** The few fields of a shift the screen needs (the API's Shift has more). */
export interface ShiftLike {
  id: string;
  technicianId: string;
  technicianName: string;
  clockInAt: string;
  clockOutAt: string | null;
  seconds: number;
}

/** The few fields of a job clock entry the screen needs. */
export interface EntryLike {
  id: string;
  technicianId: string;
  technicianName: string;
  startedAt: string;
  endedAt: string | null;
  seconds: number;
}

export interface TechnicianDay<S extends ShiftLike, E extends EntryLike> {
  technicianId: string;
  technicianName: string;
  /** Oldest first: a day reads top to bottom (the API answers newest first). */
  shifts: S[];
  entries: E[];
  shiftSeconds: number;
  jobSeconds: number;
}

/** "2 h 15 min", "2 h", "45 min", "< 1 min", "0 min": a length of time, to the minute. */
export function duration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  if (whole > 0 && whole < 60) return '< 1 min';
  const minutes = Math.floor(whole / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * Hours on jobs as a share of hours on shift ("productivity" in the shop's KPIs), "27 %"; null
 * without shift time, where a share would mean nothing.
 */
export function productivity(jobSeconds: number, shiftSeconds: number): string | null {
  if (shiftSeconds <= 0) return null;
  return `${Math.round((jobSeconds / shiftSeconds) * 100)} %`;
}

/**
 * The day's shifts and entries gathered per technician, with their totals, technicians by name.
 * A technician with job time but no shift still gets a group (shops that skip clock-in do that).
 */
export function groupByTechnician<S extends ShiftLike, E extends EntryLike>(
  shifts: readonly S[],
  entries: readonly E[],
): TechnicianDay<S, E>[] {
  const groups = new Map<string, TechnicianDay<S, E>>();
  const groupOf = (row: { technicianId: string; technicianName: string }): TechnicianDay<S, E> => {
    let group = groups.get(row.technicianId);
    if (!group) {
      group = {
        technicianId: row.technicianId,
        technicianName: row.technicianName,
        shifts: [],
        entries: [],
        shiftSeconds: 0,
        jobSeconds: 0,
      };
      groups.set(row.technicianId, group);
    }
    return group;
  };
  for (const shift of shifts) {
    const group = groupOf(shift);
    group.shifts.push(shift);
    group.shiftSeconds += shift.seconds;
  }
  for (const entry of entries) {
    const group = groupOf(entry);
    group.entries.push(entry);
    group.jobSeconds += entry.seconds;
  }
  for (const group of groups.values()) {
    // ISO-8601 UTC strings of one format sort as their instants do.
    group.shifts.sort((a, b) => a.clockInAt.localeCompare(b.clockInAt));
    group.entries.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.technicianName.localeCompare(b.technicianName) || a.technicianId.localeCompare(b.technicianId),
  );
}

const shortDate = new Map<string, Intl.DateTimeFormat>();

/**
 * A time on the shop's clock: "9:05 AM" on the reviewed day, "Mar 4, 1:10 AM" on another one (a
 * shift that runs past midnight), so an end is never read as the same day's morning.
 */
export function timeOnDay(iso: string, day: PlainDate, timeZone: string): string {
  const ms = Date.parse(iso);
  if (dateAt(ms, timeZone) === day) return clockTime(ms, timeZone);
  let f = shortDate.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric' });
    shortDate.set(timeZone, f);
  }
  return `${f.format(new Date(ms))}, ${clockTime(ms, timeZone)}`;
}
