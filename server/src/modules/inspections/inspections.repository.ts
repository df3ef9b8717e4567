import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { oldestFirst } from '../../db/history-rows.js';
import { insertIfNew } from '../../db/insert-if-new.js';
import type {
  InspectionFindingsTable,
  InspectionMediaTable,
  InspectionsTable,
  InspectionTemplatesTable,
  MediaFilesTable,
} from '../../db/tables/inspections.js';
import { updateIfVersion, type UpdateIfVersion } from '../../db/versioned-rows.js';

export type TemplateRow = Selectable<InspectionTemplatesTable>;
export type InspectionRow = Selectable<InspectionsTable>;
export type FindingRow = Selectable<InspectionFindingsTable>;
export type MediaFileRow = Selectable<MediaFilesTable>;
export type InspectionMediaRow = Selectable<InspectionMediaTable>;
export type InspectionMediaWithFile = InspectionMediaRow & {
  mime: string;
  byte_size: number;
  width: number | null;
  height: number | null;
};

// ---------------------------------------------------------------- templates

export function listTemplates(db: Db, includeInactive: boolean) {
  let q = db.selectFrom('inspection_templates').selectAll();
  if (!includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('name').execute();
}

export function findTemplate(db: Db, id: string) {
  return db.selectFrom('inspection_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Names are unique regardless of case (COLLATE NOCASE). */
export function findTemplateByName(db: Db, name: string) {
  return db.selectFrom('inspection_templates').select('id').where('name', '=', name).executeTakeFirst();
}

export async function countTemplates(db: Db): Promise<number> {
  const row = await db
    .selectFrom('inspection_templates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts unless a template of that name exists (two first visits at once make one default). */
export async function insertTemplateIfNameFree(
  db: Db,
  row: Insertable<InspectionTemplatesTable>,
): Promise<boolean> {
  return insertIfNew(
    db
      .insertInto('inspection_templates')
      .values(row)
      .onConflict((oc) => oc.column('name').doNothing()),
  );
}

export const updateTemplateIfVersion: UpdateIfVersion<'inspection_templates'> = (db, ...args) =>
  updateIfVersion(db.updateTable('inspection_templates'), ...args);

export async function templateInUse(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('inspections')
    .select('id')
    .where('template_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteTemplate(db: Db, id: string): Promise<void> {
  await db.deleteFrom('inspection_templates').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- inspections

export async function insertInspection(db: Db, row: Insertable<InspectionsTable>): Promise<void> {
  await db.insertInto('inspections').values(row).execute();
}

export function findInspection(db: Db, id: string) {
  return db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listInspectionsOfRepairOrder(db: Db, repairOrderId: string) {
  return oldestFirst(db.selectFrom('inspections'), ['repair_order_id', repairOrderId], ['created_at', 'id']);
}

export function listRecentInspections(db: Db, filters: { status?: string | undefined; limit: number }) {
  let q = db.selectFrom('inspections').selectAll();
  if (filters.status !== undefined) q = q.where('status', '=', filters.status as 'in_progress' | 'completed');
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(filters.limit).execute();
}

export const updateInspectionIfVersion: UpdateIfVersion<'inspections'> = (db, ...args) =>
  updateIfVersion(db.updateTable('inspections'), ...args);

/** Marks the inspection touched (its list order and ETag follow its findings and media). */
export async function touchInspection(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('inspections').set({ updated_at: at }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- findings

export async function insertFindings(db: Db, rows: Insertable<InspectionFindingsTable>[]): Promise<void> {
  // SQLite takes at most 32766 parameters per statement; 100 rows × 11 columns is far below.
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('inspection_findings')
      .values(rows.slice(i, i + 200))
      .execute();
}

export function listFindings(db: Db, inspectionIds: readonly string[]) {
  if (inspectionIds.length === 0) return Promise.resolve([] as FindingRow[]);
  return db
    .selectFrom('inspection_findings')
    .selectAll()
    .where('inspection_id', 'in', inspectionIds)
    .execute();
}

export function findFinding(db: Db, inspectionId: string, itemKey: string) {
  return db
    .selectFrom('inspection_findings')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .where('item_key', '=', itemKey)
    .executeTakeFirst();
}

export const updateFindingIfVersion: UpdateIfVersion<'inspection_findings'> = (db, ...args) =>
  updateIfVersion(db.updateTable('inspection_findings'), ...args);

// ---------------------------------------------------------------- media

/** A file row; the same bytes stored twice are one row (content addressing). */
export async function insertMediaFileIfNew(db: Db, row: Insertable<MediaFilesTable>): Promise<void> {
  await db
    .insertInto('media_files')
    .values(row)
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
}

export function findMediaFile(db: Db, hash: string) {
  return db.selectFrom('media_files').selectAll().where('hash', '=', hash).executeTakeFirst();
}

export async function deleteMediaFile(db: Db, hash: string): Promise<void> {
  await db.deleteFrom('media_files').where('hash', '=', hash).execute();
}

export async function insertInspectionMedia(db: Db, row: Insertable<InspectionMediaTable>): Promise<void> {
  await db.insertInto('inspection_media').values(row).execute();
}

export async function nextMediaSortOrder(db: Db, inspectionId: string): Promise<number> {
  const row = await db
    .selectFrom('inspection_media')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
  return row?.max == null ? 0 : Number(row.max) + 1;
}

export function listMediaOfInspections(db: Db, inspectionIds: readonly string[]) {
  if (inspectionIds.length === 0) return Promise.resolve([] as InspectionMediaWithFile[]);
  return db
    .selectFrom('inspection_media as m')
    .innerJoin('media_files as f', 'f.hash', 'm.media_hash')
    .selectAll('m')
    .select(['f.mime', 'f.byte_size', 'f.width', 'f.height'])
    .where('m.inspection_id', 'in', inspectionIds)
    .orderBy('m.sort_order')
    .orderBy('m.id')
    .execute();
}

export function findInspectionMedia(db: Db, id: string) {
  return db.selectFrom('inspection_media').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteInspectionMedia(db: Db, id: string): Promise<void> {
  await db.deleteFrom('inspection_media').where('id', '=', id).execute();
}

/** Whether any inspection still shows this file (as the photo/video or as its thumbnail). */
export async function mediaHashInUse(db: Db, hash: string): Promise<boolean> {
  const row = await db
    .selectFrom('inspection_media')
    .select('id')
    .where((eb) => eb.or([eb('media_hash', '=', hash), eb('thumbnail_hash', '=', hash)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether `hash` is a photo/video or thumbnail of an inspection of that repair order. */
export async function mediaBelongsToRepairOrder(
  db: Db,
  repairOrderId: string,
  hash: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('inspection_media as m')
    .innerJoin('inspections as i', 'i.id', 'm.inspection_id')
    .select('m.id')
    .where('i.repair_order_id', '=', repairOrderId)
    .where((eb) => eb.or([eb('m.media_hash', '=', hash), eb('m.thumbnail_hash', '=', hash)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
