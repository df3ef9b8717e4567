import { compareCards, type BoardItem, type BoardStatus } from './board';

/**
 * The technician's own screen: whose jobs, in what order, and whether their notes can be saved
 * without overwriting someone else's. Pure, so it is unit-tested.
 */

/** The technician record linked to a staff account (set by the owner: technicians.userId). */
export function technicianOf<T extends { userId: string | null; active: boolean }>(
  technicians: readonly T[],
  userId: string,
): T | null {
  return technicians.find((t) => t.userId === userId && t.active) ?? null;
}

/** The sections of "my jobs", in the order a technician works through them. */
export const MY_SECTIONS: readonly { status: BoardStatus; title: string }[] = [
  { status: 'In_Progress', title: 'Working on' },
  { status: 'Blocked', title: 'Blocked' },
  { status: 'Pending', title: 'Up next' },
  { status: 'Completed', title: 'Done' },
];

export function sectionsOf(
  items: readonly BoardItem[],
): { status: BoardStatus; title: string; items: BoardItem[] }[] {
  return MY_SECTIONS.map((section) => ({
    ...section,
    items: items.filter((item) => item.status === section.status).sort(compareCards),
  })).filter((section) => section.items.length > 0);
}

/**
 * A notes draft: what the technician typed, and the server's text it started from. The start is
 * kept so a change made meanwhile by someone else is noticed instead of silently overwritten.
 */
export interface NotesDraft {
  cause: string;
  correction: string;
  baseCause: string;
  baseCorrection: string;
}

export function draftFrom(job: { cause: string; correction: string }): NotesDraft {
  return {
    cause: job.cause,
    correction: job.correction,
    baseCause: job.cause,
    baseCorrection: job.correction,
  };
}

/**
 * unchanged: nothing to save; edited: safe to save; conflict: the notes on the server changed
 * since this draft began, and the draft says something else.
 */
export type NotesState = 'unchanged' | 'edited' | 'conflict';

export function notesState(draft: NotesDraft, server: { cause: string; correction: string }): NotesState {
  if (draft.cause === server.cause && draft.correction === server.correction) return 'unchanged';
  if (draft.baseCause !== server.cause || draft.baseCorrection !== server.correction) return 'conflict';
  return 'edited';
}
