import type { BoardItem } from './board';
import { loadBoard } from './jobs-api';

/**
 * The board's data, asked for as soon as the route is chosen (its +page.ts load), so the request
 * runs while the app shell checks the session instead of after it: the board shows one round trip
 * sooner. The page takes it once on mount and still reloads right after (a cheap 304), so an
 * answer from before the live subscription opened can never leave the screen stale.
 */
let pending: Promise<BoardItem[]> | null = null;

export function prefetchBoard(): void {
  pending = loadBoard();
  // Handled here so a prefetch nobody takes (the user navigated away) is not an unhandled rejection.
  pending.catch(() => undefined);
}

/** The prefetched answer, once; null when there is none. */
export function takePrefetchedBoard(): Promise<BoardItem[]> | null {
  const taken = pending;
  pending = null;
  return taken;
}
