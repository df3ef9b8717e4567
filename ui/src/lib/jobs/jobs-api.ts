import { api, must, type Ok } from '$lib/api/client';
import type { BoardItem, BoardStatus } from './board';

/** The calls the board and "my jobs" make, typed from the server's OpenAPI document. */
export type Job = Ok<'/api/jobs/{id}', 'get'>;
export type Technician = Ok<'/api/technicians', 'get'>['items'][number];
export type Bay = Ok<'/api/bays', 'get'>['items'][number];

/**
 * Open jobs, optionally of one technician. The server answers with an ETag and `no-cache`, so the
 * browser revalidates and an unchanged board costs a 304.
 */
export async function loadBoard(technicianId?: string): Promise<BoardItem[]> {
  const query = technicianId === undefined ? {} : { technicianId };
  return (await must(api.GET('/api/jobs', { params: { query } }))).items;
}

/** `notes`: the cause and correction written in the completion dialog, saved with the move. */
export async function moveJob(
  item: BoardItem,
  to: BoardStatus,
  reason: string | null,
  notes: { cause?: string; correction?: string } = {},
): Promise<Job> {
  return must(
    api.POST('/api/jobs/{id}/status', {
      params: { path: { id: item.jobId } },
      body: { status: to, version: item.version, ...(reason === null ? {} : { reason }), ...notes },
    }),
  );
}

export async function loadJob(id: string): Promise<Job> {
  return must(api.GET('/api/jobs/{id}', { params: { path: { id } } }));
}

/** Saves the technician's findings (cause) and work done (correction): the 3C's last two. */
export async function saveNotes(
  id: string,
  version: number,
  notes: { cause: string; correction: string },
): Promise<Job> {
  return must(
    api.PATCH('/api/jobs/{id}', {
      params: { path: { id } },
      body: { version, cause: notes.cause, correction: notes.correction },
    }),
  );
}

export async function loadTechnicians(): Promise<Technician[]> {
  return (await must(api.GET('/api/technicians'))).items;
}

export async function loadBays(): Promise<Bay[]> {
  return (await must(api.GET('/api/bays'))).items;
}
