import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { newestFirst } from '../../db/history-rows.js';
import { insertIfNew } from '../../db/insert-if-new.js';
import type {
  BaySensorEventsTable,
  BaySuggestionStatus,
  BaySuggestionsTable,
  BayVisitsTable,
} from '../../db/tables/bay-sensors.js';

/** The highest sequence number stored for a device (null before its first event). */
export async function lastSeqOfDevice(db: Db, deviceId: string): Promise<number | null> {
  const row = await db
    .selectFrom('bay_sensor_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return row?.seq ?? null;
}

/** Stores an event; false when this device already sent this sequence number (a duplicate). */
export async function insertEventIfNew(db: Db, row: Insertable<BaySensorEventsTable>): Promise<boolean> {
  return insertIfNew(
    db
      .insertInto('bay_sensor_events')
      .values(row)
      .onConflict((oc) => oc.columns(['device_id', 'seq']).doNothing()),
  );
}

export async function updateEvent(
  db: Db,
  id: string,
  changes: Pick<Updateable<BaySensorEventsTable>, 'action' | 'job_id' | 'detail' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('bay_sensor_events').set(changes).where('id', '=', id).execute();
}

/** Each bay's latest event (what the board says about a bay: "car in, no job placed"). */
export function latestEventPerBay(db: Db) {
  return db
    .selectFrom('bay_sensor_events as e')
    .selectAll('e')
    .where('e.bay_id', 'is not', null)
    .where((eb) =>
      eb(
        'e.id',
        '=',
        eb
          .selectFrom('bay_sensor_events as l')
          .select('l.id')
          .whereRef('l.bay_id', '=', 'e.bay_id')
          .orderBy('l.received_at', 'desc')
          .orderBy('l.id', 'desc')
          .limit(1),
      ),
    )
    .execute();
}

export function listEventsOfBay(db: Db, bayId: string, limit: number) {
  return newestFirst(db.selectFrom('bay_sensor_events'), ['bay_id', bayId], ['received_at', 'id'], limit);
}

/** The open stays (the cars in bays now): all of them, or one bay's (at most one: a unique index). */
export function listOpenVisits(db: Db, bayId?: string) {
  let query = db.selectFrom('bay_visits').selectAll().where('out_at', 'is', null);
  if (bayId !== undefined) query = query.where('bay_id', '=', bayId);
  return query.execute();
}

export async function insertVisit(db: Db, row: Insertable<BayVisitsTable>): Promise<void> {
  await db.insertInto('bay_visits').values(row).execute();
}

export async function closeVisit(
  db: Db,
  id: string,
  outAt: string,
  outEventId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('bay_visits')
    .set({ out_at: outAt, out_event_id: outEventId, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Marks a stay's overrun as told; false when it already was (the alert goes out once). */
export async function markOverrunAlerted(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('bay_visits')
    .set({ overrun_alerted_at: at, updated_at: at })
    .where('id', '=', id)
    .where('overrun_alerted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The stays of some jobs, or of one repair order's jobs, oldest first. */
export function listVisits(db: Db, of: { jobIds: readonly string[] } | { repairOrderId: string }) {
  if ('jobIds' in of && of.jobIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('bay_visits')
    .selectAll()
    .where((eb) =>
      'jobIds' in of ? eb('job_id', 'in', of.jobIds) : eb('repair_order_id', '=', of.repairOrderId),
    )
    .orderBy('in_at')
    .execute();
}

export async function insertSuggestion(db: Db, row: Insertable<BaySuggestionsTable>): Promise<void> {
  await db.insertInto('bay_suggestions').values(row).execute();
}

export function findSuggestion(db: Db, id: string) {
  return db.selectFrom('bay_suggestions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The open suggestions, oldest first: all of them, or one job's. */
export function listOpenSuggestions(db: Db, jobId?: string) {
  let query = db.selectFrom('bay_suggestions').selectAll().where('status', '=', 'open');
  if (jobId !== undefined) query = query.where('job_id', '=', jobId);
  return query.orderBy('created_at').execute();
}

/** Resolves a suggestion if it is still in one of `from`; false when someone else got there first. */
export async function resolveSuggestion(
  db: Db,
  id: string,
  from: readonly BaySuggestionStatus[],
  to: BaySuggestionStatus,
  by: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('bay_suggestions')
    .set({ status: to, resolved_at: at, resolved_by: by, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
