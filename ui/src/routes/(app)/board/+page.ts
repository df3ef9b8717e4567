import { prefetchBoard } from '$lib/jobs/prefetch';

// Runs as soon as /board is chosen, before the signed-in layout has checked the session.
export const load = (): Record<string, never> => {
  prefetchBoard();
  return {};
};
