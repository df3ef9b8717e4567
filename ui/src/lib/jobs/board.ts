/**
 * The job board's rules, pure so they can be unit-tested without a DOM: which columns there are,
 * how cards are grouped and ordered, which moves a card offers, and what a move is called.
 *
 * Where a job may go next is NOT decided here: it comes from the server's own status machine
 * (job-status.ts is pure and has no runtime imports), so the board can never offer a move the
 * server would refuse. The server still checks every move and answers 409 naming the allowed ones.
 */
import { allowedNext } from '$contracts/job-status';
import type { Ok } from '$lib/api/client';
import { elapsed, statusLabel } from '$lib/format';

export type BoardItem = Ok<'/api/jobs', 'get'>['items'][number];
/** The statuses a job on the board can have (Paid jobs leave the board). */
export type BoardStatus = BoardItem['status'];

/** One column per open status, in the order work flows. */
export const BOARD_STATUSES: readonly BoardStatus[] = ['Pending', 'In_Progress', 'Blocked', 'Completed'];

export function isBoardStatus(value: string): value is BoardStatus {
  return (BOARD_STATUSES as readonly string[]).includes(value);
}

/** "RO 1042 · Brake pads": how a job is named in messages. */
export function jobLabel(item: Pick<BoardItem, 'repairOrderNumber' | 'title'>): string {
  return `RO ${item.repairOrderNumber} · ${item.title}`;
}

/**
 * "In progress for 2 h 14 min": how long a job has sat in its column. `now` comes from one shared
 * clock so 200 cards do not each run a timer.
 */
export function timeInStatus(
  item: Pick<BoardItem, 'status' | 'statusChangedAt'>,
  now: number,
): string | null {
  if (item.statusChangedAt === null) return null;
  const since = elapsed(item.statusChangedAt, now);
  return since === 'just now'
    ? `${statusLabel(item.status)} since just now`
    : `${statusLabel(item.status)} for ${since}`;
}

/** Where staff may move a job from `from` (billing alone sets Paid, so it never shows here). */
export function movesFrom(from: BoardStatus): BoardStatus[] {
  return allowedNext(from, 'api').filter(isBoardStatus);
}

/** Whether a card in `from` may be dropped on the `to` column. */
export function canMove(from: BoardStatus, to: BoardStatus): boolean {
  return from !== to && movesFrom(from).includes(to);
}

/**
 * The moves this job offers: the status machine's, less those work-follows-approval holds (the
 * server's `workGate` for the job: no approved line and no diagnosis time left, or none allowed).
 */
export function movesOf(item: Pick<BoardItem, 'status' | 'workGate'>): BoardStatus[] {
  return movesFrom(item.status).filter((to) => !isHeld(item, to));
}

/** Whether the card may be dropped on `to` (the same rule as its buttons). */
export function canMoveItem(item: Pick<BoardItem, 'status' | 'workGate'>, to: BoardStatus): boolean {
  return item.status !== to && movesOf(item).includes(to);
}

function isHeld(item: Pick<BoardItem, 'workGate'>, to: BoardStatus): boolean {
  if (to === 'In_Progress') return !item.workGate.start;
  if (to === 'Completed') return !item.workGate.complete;
  return false;
}

/**
 * Why Start/Resume/Complete are not offered ("Waiting for the customer's approval: ..."), when the
 * status machine would allow them but approval holds them; null when nothing is held.
 */
export function heldReason(item: Pick<BoardItem, 'status' | 'workGate'>): string | null {
  const held = movesFrom(item.status).some((to) => isHeld(item, to));
  return held ? item.workGate.reason : null;
}

/** Ask for cause and correction before completing (shop setting), when either is still empty. */
export function asksNotes(item: Pick<BoardItem, 'completion'>): boolean {
  return item.completion.ask !== 'off' && item.completion.missing.length > 0;
}

/** Moving to Blocked needs a reason (what the car is waiting for). */
export function needsReason(to: BoardStatus): boolean {
  return to === 'Blocked';
}

/** The verb a button uses for a move: technicians think "Start", not "In progress". */
export function moveLabel(from: BoardStatus, to: BoardStatus): string {
  switch (to) {
    case 'In_Progress':
      return from === 'Blocked' ? 'Resume' : 'Start';
    case 'Blocked':
      return 'Block…';
    case 'Completed':
      return 'Complete';
    case 'Pending':
      return 'Back to pending';
  }
}

/**
 * Card order inside a column: what needs attention first. Overdue before on time, waiters (the
 * customer is in the lounge) before drop-offs, then the earliest promise, then the RO number (the
 * server's order) so the order is stable and cards do not jump around on each reload.
 */
export function compareCards(a: BoardItem, b: BoardItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.waiter !== b.waiter) return a.waiter ? -1 : 1;
  const promised = comparePromised(a.promisedAt, b.promisedAt);
  if (promised !== 0) return promised;
  return a.repairOrderNumber - b.repairOrderNumber;
}

function comparePromised(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return Date.parse(a) - Date.parse(b);
}

export type Columns = Record<BoardStatus, BoardItem[]>;

/** The board's columns, each sorted by `compareCards` (stable: ties keep the server's order). */
export function groupByStatus(items: readonly BoardItem[]): Columns {
  const columns: Columns = { Pending: [], In_Progress: [], Blocked: [], Completed: [] };
  for (const item of items) columns[item.status].push(item);
  for (const status of BOARD_STATUSES) columns[status].sort(compareCards);
  return columns;
}

export interface BoardFilter {
  /** A technician's id, `unassigned`, or '' for everyone. */
  technicianId: string;
  /** A bay's id, `unassigned`, or '' for every bay. */
  bayId: string;
}

export const UNASSIGNED = 'unassigned';

/**
 * Filters in the browser rather than through `?technicianId=`: the board is already loaded whole
 * (one cached, ETagged answer shared by every screen) and switching filters stays instant.
 */
export function filterItems(items: readonly BoardItem[], filter: BoardFilter): BoardItem[] {
  return items.filter(
    (item) =>
      matches(item.technician?.id ?? null, filter.technicianId) &&
      matches(item.bay?.id ?? null, filter.bayId),
  );
}

function matches(id: string | null, wanted: string): boolean {
  if (wanted === '') return true;
  if (wanted === UNASSIGNED) return id === null;
  return id === wanted;
}

/**
 * The board right after a move, before the server answers: the card changes column at once, so a
 * drag feels instant. The server's answer (or a reload on failure) then replaces it.
 */
export function withMove(
  items: readonly BoardItem[],
  jobId: string,
  to: BoardStatus,
  reason: string | null,
  at: string,
): BoardItem[] {
  return items.map((item) =>
    item.jobId === jobId
      ? {
          ...item,
          status: to,
          statusChangedAt: at,
          blockedReason: to === 'Blocked' ? reason : null,
          // The server's rule: a completed job is no longer late, whatever was promised.
          overdue: to === 'Completed' ? false : item.overdue,
        }
      : item,
  );
}

/** The fields of the server's answer (the full job) that the board shows, merged into the card. */
export function withSaved(
  items: readonly BoardItem[],
  saved: {
    id: string;
    status: string;
    version: number;
    statusChangedAt: string | null;
    blockedReason: string | null;
  },
): BoardItem[] {
  if (!isBoardStatus(saved.status)) return items.filter((item) => item.jobId !== saved.id);
  const status = saved.status;
  return items.map((item) =>
    item.jobId === saved.id
      ? {
          ...item,
          status,
          version: saved.version,
          statusChangedAt: saved.statusChangedAt,
          blockedReason: saved.blockedReason,
        }
      : item,
  );
}

/**
 * A fresh board from the server, except for cards whose move is still on its way: a reload that
 * started before the move committed would otherwise flick them back to their old column.
 */
export function preferPending(
  fresh: readonly BoardItem[],
  current: readonly BoardItem[],
  pendingIds: ReadonlySet<string>,
): BoardItem[] {
  if (pendingIds.size === 0) return [...fresh];
  const local = new Map(current.filter((item) => pendingIds.has(item.jobId)).map((i) => [i.jobId, i]));
  return fresh.map((item) => local.get(item.jobId) ?? item);
}
