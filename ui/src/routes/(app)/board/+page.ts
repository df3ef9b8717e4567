import { loadBoard } from '$lib/jobs/jobs-api';
import { early } from '$lib/state/early';
import type { PageLoad } from './$types';

// Runs as soon as /board is chosen, before the signed-in layout has checked the session: the
// board shows one round trip sooner.
export const load: PageLoad = () => ({ board: early(loadBoard()) });
