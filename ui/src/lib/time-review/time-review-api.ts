/**
 * What the time review screen reads and writes. Shapes come from the generated OpenAPI types; the
 * pure helpers (review.ts, correction.ts) see only the fields they need.
 */
import { api, must, type Body, type Ok } from '$lib/api/client';

export type ClockEntry = Ok<'/api/timeclock/entries', 'get'>['items'][number];
export type Shift = Ok<'/api/timeclock/shifts', 'get'>['items'][number];
export type Technician = Ok<'/api/technicians', 'get'>['items'][number];
export type EntryCorrection = Body<'/api/timeclock/entries/{id}', 'patch'>;
export type ShiftCorrection = Body<'/api/timeclock/shifts/{id}', 'patch'>;

/** What a clock entry's row says about its job ("RO #1042 · Brake pads"). */
export interface JobLabel {
  title: string;
  repairOrderId: string;
  repairOrderNumber: number;
}

export interface ReviewSetup {
  timeZone: string;
  technicians: Technician[];
}

export interface ReviewDay {
  shifts: Shift[];
  entries: ClockEntry[];
  /** The server caps each list; true when the day held more than it sent. */
  truncated: boolean;
}

/** The shop's time zone and the technicians the filter offers. */
export async function loadSetup(): Promise<ReviewSetup> {
  const [settings, technicians] = await Promise.all([
    must(api.GET('/api/settings')),
    must(api.GET('/api/technicians')),
  ]);
  return { timeZone: settings.timezone, technicians: technicians.items };
}

/** Shifts clocked in, and job clock entries started, in [fromMs, toMs), for one technician or all. */
export async function loadDay(fromMs: number, toMs: number, technicianId: string | null): Promise<ReviewDay> {
  const query = {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    ...(technicianId === null ? {} : { technicianId }),
  };
  const [shifts, entries] = await Promise.all([
    must(api.GET('/api/timeclock/shifts', { params: { query } })),
    must(api.GET('/api/timeclock/entries', { params: { query } })),
  ]);
  return {
    shifts: shifts.items,
    entries: entries.items,
    truncated: shifts.truncated || entries.truncated,
  };
}

/**
 * The job title and RO number of each job not yet in `known`. The entries list names only the
 * job's id, so the screen asks for each job once (a day has a few dozen at most); a job that cannot
 * be read is left out and its row says "Job" rather than failing the whole page.
 */
export async function loadJobLabels(
  jobIds: Iterable<string>,
  known: ReadonlyMap<string, JobLabel>,
): Promise<Map<string, JobLabel>> {
  const missing = [...new Set(jobIds)].filter((id) => !known.has(id));
  const found = await Promise.all(
    missing.map(async (id) => {
      try {
        const job = await must(api.GET('/api/jobs/{id}', { params: { path: { id } } }));
        const label: JobLabel = {
          title: job.title,
          repairOrderId: job.repairOrderId,
          repairOrderNumber: job.repairOrderNumber,
        };
        return [id, label] as const;
      } catch {
        return null;
      }
    }),
  );
  const labels = new Map(known);
  for (const pair of found) if (pair) labels.set(pair[0], pair[1]);
  return labels;
}

export async function correctEntry(id: string, body: EntryCorrection): Promise<ClockEntry> {
  return must(api.PATCH('/api/timeclock/entries/{id}', { params: { path: { id } }, body }));
}

export async function correctShift(id: string, body: ShiftCorrection): Promise<Shift> {
  return must(api.PATCH('/api/timeclock/shifts/{id}', { params: { path: { id } }, body }));
}
