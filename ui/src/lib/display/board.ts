import type { Ok } from '$lib/api/client';

/**
 * The bay TV's rules: which token to use, how the bays tile a 16:9 screen without scrolling,
 * which job a bay card features, and how a status reads from across the shop. Pure, unit-tested.
 */
export type DisplayBoard = Ok<'/api/display/board', 'get'>;
export type DisplayBay = DisplayBoard['bays'][number];
export type DisplayJob = DisplayBay['jobs'][number];

/** Display tokens start with this (the server refuses anything else without looking it up). */
export const DISPLAY_TOKEN_PREFIX = 'dt_';

/** The token from the page address (`/display?token=dt_…`), or null when there is none. */
export function tokenFrom(search: URLSearchParams): string | null {
  const token = (search.get('token') ?? search.get('displayToken') ?? '').trim();
  return token === '' ? null : token;
}

export interface Grid {
  columns: number;
  rows: number;
}

/** Cards read best a little wider than tall: room for the vehicle on one line. */
const IDEAL_CARD_ASPECT = 1.5;

/**
 * Columns × rows for `count` bays on a `width` × `height` screen: the grid whose cards come closest
 * to the ideal shape, with a small cost per empty cell. Six bays on 1920×1080 → 3 × 2.
 */
export function boardGrid(count: number, width = 1920, height = 1080): Grid {
  if (count <= 0) return { columns: 1, rows: 1 };
  let best: Grid = { columns: count, rows: 1 };
  let bestScore = Number.POSITIVE_INFINITY;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    if ((rows - 1) * columns >= count) continue; // a whole empty row: never better
    const aspect = width / columns / (height / rows);
    const score = Math.abs(Math.log(aspect / IDEAL_CARD_ASPECT)) + 0.1 * (rows * columns - count);
    if (score < bestScore) {
      bestScore = score;
      best = { columns, rows };
    }
  }
  return best;
}

/**
 * How large the type may be: many bays share the screen, so text shrinks with the grid, but never
 * below what is readable from five metres on a 1080p TV (about 28 px for the main line).
 */
export function typeScale(grid: Grid): number {
  const cells = grid.columns * grid.rows;
  if (cells <= 2) return 1.4;
  if (cells <= 4) return 1.2;
  if (cells <= 6) return 1;
  if (cells <= 9) return 0.85;
  return 0.75;
}

/** The job a bay card shows large: the server orders them in progress, blocked, pending, done. */
export function featuredJob(bay: DisplayBay): DisplayJob | null {
  return bay.jobs[0] ?? null;
}

/** Jobs queued behind the featured one (shown as "next: …"). */
export function queuedJobs(bay: DisplayBay): DisplayJob[] {
  return bay.jobs.slice(1).filter((job) => job.status !== 'Completed');
}

export type StatusTone = 'working' | 'blocked' | 'waiting' | 'done' | 'other';

export function statusTone(status: string): StatusTone {
  switch (status) {
    case 'In_Progress':
      return 'working';
    case 'Blocked':
      return 'blocked';
    case 'Pending':
      return 'waiting';
    case 'Completed':
    case 'Paid':
      return 'done';
    default:
      return 'other';
  }
}

/** Words on the TV: short, and not only color (color-blind technicians read them too). */
export function displayStatus(status: string): string {
  switch (status) {
    case 'In_Progress':
      return 'In progress';
    case 'Blocked':
      return 'Blocked';
    case 'Pending':
      return 'Up next';
    case 'Completed':
      return 'Done';
    case 'Paid':
      return 'Paid';
    default:
      return status.replaceAll('_', ' ');
  }
}

/** "1:05" / "35 min" / "<1 min": time since the job entered its status, compact for a card. */
export function timeInStatus(since: string | null, now: number): string | null {
  if (since === null) return null;
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  if (Number.isNaN(minutes)) return null;
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * What a bay's sensor says on its card, in words: how long the car has been in, a car with no job
 * placed, or that the sensor is offline (so nobody trusts a stale "Free"). Null: nothing to say.
 */
export function sensorLine(bay: DisplayBay, now: number): string | null {
  const sensor = bay.sensor;
  if (sensor.occupied) {
    const since = timeInStatus(sensor.since, now);
    const inBay = since === null ? 'Car in bay' : `Car in bay ${since}`;
    return sensor.noJobPlaced ? `${inBay} · no job placed` : inBay;
  }
  return null;
}

/** Why the board could not be shown, from the answer to GET /api/display/board. */
export type BoardRefusal = 'missing' | 'refused';

/** A 401/403 means the token is wrong or revoked: retrying will not help, a person must act. */
export function isRefusal(status: number): boolean {
  return status === 401 || status === 403;
}
