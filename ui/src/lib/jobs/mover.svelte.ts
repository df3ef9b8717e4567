import { SvelteSet } from 'svelte/reactivity';
import { ApiProblem } from '$lib/api/problem';
import { statusLabel } from '$lib/format';
import {
  asksNotes,
  jobLabel,
  needsReason,
  withMove,
  withSaved,
  type BoardItem,
  type BoardStatus,
} from './board';
import { moveJob } from './jobs-api';
import { describeMoveFailure } from './move-errors';

/** The list of jobs a screen shows, as the mover sees it. */
export interface JobList {
  get(): BoardItem[] | null;
  set(items: BoardItem[]): void;
  reload(): Promise<void>;
  /** Puts keyboard focus back on the job after it moved (its card is re-created elsewhere). */
  focus(jobId: string): void;
}

/**
 * Status moves, shared by the board and "my jobs": ask for a reason before Blocked, move the card
 * at once, send the move with the version the screen read, and on failure put the card back,
 * reload when the screen was out of date, and say what happened. Nothing is lost silently.
 */
export class JobMover {
  /** Jobs whose move is on its way to the server (their buttons are disabled meanwhile). */
  readonly busyIds = new SvelteSet<string>();
  /** The job waiting for a block reason (the dialog is open while this is set). */
  blocking = $state<BoardItem | null>(null);
  blockError = $state<unknown>(null);
  /** The job being completed while its cause and correction are asked for (shop setting). */
  completing = $state<BoardItem | null>(null);
  completeError = $state<unknown>(null);
  /** What the user must know after a failed move; shown until dismissed. */
  notice = $state<string | null>(null);
  /** A polite screen-reader announcement of the last move. */
  announcement = $state('');

  readonly #list: JobList;

  constructor(list: JobList) {
    this.#list = list;
  }

  /** A button or a drop asked for `to`: Blocked first asks why. */
  request(item: BoardItem, to: BoardStatus): void {
    if (needsReason(to)) {
      this.blockError = null;
      this.blocking = item;
      return;
    }
    if (to === 'Completed' && asksNotes(item)) {
      this.completeError = null;
      this.completing = item;
      return;
    }
    void this.move(item, to, null).then((error) => {
      if (error === null) this.#list.focus(item.jobId);
    });
  }

  async confirmBlock(reason: string): Promise<void> {
    const target = this.blocking;
    if (target === null) return;
    const error = await this.move(target, 'Blocked', reason);
    if (error instanceof ApiProblem && error.status === 400) {
      this.blockError = error; // the dialog stays open and shows it next to the reason
      return;
    }
    this.blocking = null;
    if (error === null) this.#list.focus(target.jobId);
  }

  cancelBlock(): void {
    this.blocking = null;
  }

  /** Completes with the cause and correction written (only the non-empty ones are sent), or none when skipped. */
  async confirmComplete(notes: { cause: string; correction: string } | null): Promise<void> {
    const target = this.completing;
    if (target === null) return;
    const sent = Object.fromEntries(Object.entries(notes ?? {}).filter(([, text]) => text.trim() !== '')) as {
      cause?: string;
      correction?: string;
    };
    const error = await this.move(target, 'Completed', null, sent);
    if (error instanceof ApiProblem && (error.status === 400 || error.status === 422)) {
      this.completeError = error; // the dialog stays open and names the field
      return;
    }
    this.completing = null;
    if (error === null) this.#list.focus(target.jobId);
  }

  cancelComplete(): void {
    this.completing = null;
  }

  /** Returns null when the server took the move, or the error it failed with. */
  async move(
    item: BoardItem,
    to: BoardStatus,
    reason: string | null,
    notes: { cause?: string; correction?: string } = {},
  ): Promise<unknown> {
    const items = this.#list.get();
    if (items === null || this.busyIds.has(item.jobId)) return null;
    const before = $state.snapshot(item);
    this.notice = null;
    this.busyIds.add(item.jobId);
    this.#list.set(withMove(items, item.jobId, to, reason, new Date().toISOString()));
    try {
      const saved = await moveJob(before, to, reason, notes);
      this.busyIds.delete(item.jobId);
      const current = this.#list.get();
      if (current) this.#list.set(withSaved(current, saved));
      this.announcement = `${jobLabel(before)} moved to ${statusLabel(to)}.`;
      return null;
    } catch (error) {
      this.busyIds.delete(item.jobId);
      const current = this.#list.get();
      if (current) this.#list.set(current.map((i) => (i.jobId === before.jobId ? before : i)));
      if (error instanceof ApiProblem && error.status === 400 && this.blocking !== null) return error;
      if (
        error instanceof ApiProblem &&
        (error.status === 400 || error.status === 422) &&
        this.completing !== null
      )
        return error;
      const failure = describeMoveFailure(error, jobLabel(before));
      if (failure.reload) await this.#list.reload();
      this.notice = failure.message;
      return error;
    }
  }
}
