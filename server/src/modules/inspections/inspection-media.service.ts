import type { Readable } from 'node:stream';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MediaFilesTable } from '../../db/tables/inspections.js';
import { newId } from '../../lib/ids.js';
import { problems, type HttpProblem } from '../../lib/problem.js';
import type { Actor } from '../audit/audit.service.js';
import { findItem, parseSections, toMedia } from './inspections.mappers.js';
import {
  deleteInspectionMedia,
  deleteMediaFile,
  findInspectionMedia,
  findMediaFile,
  insertInspectionMedia,
  insertMediaFileIfNew,
  listMediaOfInspections,
  mediaBelongsToRepairOrder,
  mediaHashInUse,
  nextMediaSortOrder,
  touchInspection,
  type InspectionRow,
} from './inspections.repository.js';
import type { InspectionMedia } from './inspections.schemas.js';
import { CONTAINER_HEAD_BYTES, sniffVideoContainer } from './media-container.js';
import { HASH_PATTERN, type PreparedFile, type ReceivedFile, type StoredFile } from './media-store.js';
import {
  announce,
  ensureInProgress,
  ensureRepairOrderOpen,
  nowIso,
  requireInspection,
  type ModuleContext,
} from './module-context.js';
import { inTransaction } from '../../db/after-commit.js';

/** A file to serve: where it is on disk and what it is. */
export interface OpenedMedia {
  path: string;
  mime: string;
  byteSize: number;
}

/** An upload as the route hands it over: bytes in memory, or a stream (videos). */
export type UploadBody =
  | { type: 'buffer'; data: Buffer; contentType: string }
  | { type: 'stream'; stream: Readable; contentType: string; declaredLength: number | undefined };

function mediaNotFound(): HttpProblem {
  return problems.notFound('No such photo or video.');
}

/**
 * Photos and videos of inspections, and the media store's gatekeeper: files are served to staff,
 * or through a customer's approval link only when they belong to that link's repair order. Also
 * stores customers' drawn signatures.
 */
/** The media_files row of a file written under its hash (kept once per hash). */
function mediaFileRow(file: StoredFile, at: string): Insertable<MediaFilesTable> {
  return {
    hash: file.hash,
    kind: file.kind,
    mime: file.mime,
    byte_size: file.byteSize,
    width: file.width,
    height: file.height,
    created_at: at,
    updated_at: at,
  };
}

export class InspectionMediaService {
  /** Writes and deletes of media files run one at a time: a delete never races an upload of the same bytes. */
  #fileLock: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: ModuleContext) {}

  /**
   * Attaches a photo or video to an item (or to the whole inspection). Images are re-encoded (see
   * MediaStore); a refused upload stores nothing: no file, no row.
   */
  async add(
    actor: Actor,
    id: string,
    target: { itemKey?: string | undefined; caption?: string | undefined },
    body: UploadBody,
  ): Promise<InspectionMedia> {
    const { db, mediaStore } = this.ctx;
    const itemKey = target.itemKey ?? null;
    let inspection: InspectionRow;
    try {
      inspection = await requireInspection(db, id);
      ensureInProgress(inspection);
      if (itemKey !== null && findItem(parseSections(inspection.sections), itemKey) === undefined)
        throw problems.validation([{ path: 'query.itemKey', message: 'is not an item of this inspection' }]);
      ensureRepairOrderOpen(await this.ctx.repairOrders.get(inspection.repair_order_id));
    } catch (error) {
      if (body.type === 'stream') body.stream.resume(); // let the refused video drain
      throw error;
    }

    // Decode/receive outside the lock (several tablets upload at once); only writing the files
    // under their hashes and the rows is serialized against deletes.
    let kind: 'image' | 'video';
    let files: StoredFile[];
    let prepared: PreparedFile[] = [];
    let received: ReceivedFile | null = null;
    if (body.type === 'stream') {
      received = await mediaStore.receiveVideo(body.stream, body.declaredLength);
      files = [received];
      kind = 'video';
    } else {
      const result = await this.prepare(body.data, body.contentType);
      prepared = result.files;
      files = result.files;
      kind = result.kind;
    }
    const mediaId = await this.withFileLock(async () => {
      const created: string[] = [];
      try {
        created.push(...(await mediaStore.write(prepared)));
        if (received !== null && (await mediaStore.commitReceived(received))) created.push(received.hash);
        return await inTransaction(db, async (tx) => {
          const current = await requireInspection(tx, id);
          ensureInProgress(current);
          const at = nowIso(this.ctx.clock);
          for (const file of files) await insertMediaFileIfNew(tx, mediaFileRow(file, at));
          const mediaId = newId();
          await insertInspectionMedia(tx, {
            id: mediaId,
            inspection_id: id,
            item_key: itemKey,
            media_hash: files[0]!.hash,
            thumbnail_hash: files[1]?.hash ?? null,
            kind,
            caption: target.caption?.trim() ?? '',
            uploaded_by: actor.userId,
            sort_order: await nextMediaSortOrder(tx, id),
            created_at: at,
            updated_at: at,
          });
          await touchInspection(tx, id, at);
          await this.ctx.audit.record(tx, actor, {
            action: 'inspection.media_added',
            entityType: 'inspection',
            entityId: id,
            data: {
              repairOrderId: current.repair_order_id,
              mediaId,
              itemKey,
              kind,
              hash: files[0]!.hash,
              byteSize: files[0]!.byteSize,
            },
          });
          return mediaId;
        });
      } catch (error) {
        if (received !== null) await mediaStore.discardReceived(received);
        await mediaStore.remove(created);
        throw error;
      }
    });
    announce(this.ctx, id, inspection.repair_order_id, 'media_added');
    const media = (await listMediaOfInspections(db, [id])).find((m) => m.id === mediaId)!;
    return toMedia(media);
  }

  async remove(actor: Actor, id: string, mediaId: string): Promise<void> {
    const repairOrderId = await this.withFileLock(async () => {
      const { repairOrderId, orphans } = await inTransaction(this.ctx.db, async (tx) => {
        const inspection = await requireInspection(tx, id);
        const media = await findInspectionMedia(tx, mediaId);
        if (media === undefined || media.inspection_id !== id)
          throw problems.notFound(`Inspection ${inspection.name} has no photo or video ${mediaId}.`);
        ensureInProgress(inspection);
        await deleteInspectionMedia(tx, mediaId);
        const orphans: string[] = [];
        for (const hash of [media.media_hash, media.thumbnail_hash]) {
          if (hash === null || (await mediaHashInUse(tx, hash))) continue;
          await deleteMediaFile(tx, hash);
          orphans.push(hash);
        }
        await touchInspection(tx, id, nowIso(this.ctx.clock));
        await this.ctx.audit.record(tx, actor, {
          action: 'inspection.media_removed',
          entityType: 'inspection',
          entityId: id,
          data: {
            repairOrderId: inspection.repair_order_id,
            mediaId,
            itemKey: media.item_key,
            hash: media.media_hash,
          },
        });
        return { repairOrderId: inspection.repair_order_id, orphans };
      });
      await this.ctx.mediaStore.remove(orphans);
      return repairOrderId;
    });
    announce(this.ctx, id, repairOrderId, 'media_removed');
  }

  /** Any stored file, for signed-in staff. */
  async open(hash: string): Promise<OpenedMedia> {
    if (!HASH_PATTERN.test(hash)) throw mediaNotFound();
    return this.opened(hash);
  }

  /**
   * A photo/video or thumbnail of an inspection of THAT repair order, for the customer's approval
   * link; anything else (another order's photo, a signature, an unknown hash) is 404.
   */
  async openOfRepairOrder(repairOrderId: string, hash: string): Promise<OpenedMedia> {
    if (!HASH_PATTERN.test(hash)) throw mediaNotFound();
    if (!(await mediaBelongsToRepairOrder(this.ctx.db, repairOrderId, hash))) throw mediaNotFound();
    return this.opened(hash);
  }

  /**
   * Stores a customer's drawn signature (PNG, decoded and re-encoded, at most 1200×600) and
   * returns its hash; a non-image is a 400. Best called before the caller's transaction (decoding
   * takes a few ms); pass that transaction as `db` to write the row inside it instead.
   */
  async storeSignature(png: Buffer, db: Db = this.ctx.db): Promise<string> {
    const { mediaStore } = this.ctx;
    const file = await mediaStore.prepareSignature(png);
    await this.withFileLock(async () => {
      const created = await mediaStore.write([file]);
      try {
        const at = nowIso(this.ctx.clock);
        await insertMediaFileIfNew(db, mediaFileRow(file, at));
      } catch (error) {
        await mediaStore.remove(created);
        throw error;
      }
    });
    return file.hash;
  }

  private async prepare(
    data: Buffer,
    contentType: string,
  ): Promise<{ kind: 'image' | 'video'; files: PreparedFile[] }> {
    const { mediaStore } = this.ctx;
    const claimsVideo = contentType.startsWith('video/');
    const looksVideo =
      contentType === 'application/octet-stream' &&
      sniffVideoContainer(data.subarray(0, CONTAINER_HEAD_BYTES)) !== null;
    if (claimsVideo || looksVideo) return { kind: 'video', files: [mediaStore.prepareVideo(data)] };
    const { image, thumbnail } = await mediaStore.prepareImage(data);
    return { kind: 'image', files: [image, thumbnail] };
  }

  private async opened(hash: string): Promise<OpenedMedia> {
    const { db, mediaStore } = this.ctx;
    const row = await findMediaFile(db, hash);
    if (row === undefined || (await mediaStore.sizeOnDisk(hash)) === null) throw mediaNotFound();
    return { path: mediaStore.pathOf(hash), mime: row.mime, byteSize: row.byte_size };
  }

  private async withFileLock<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#fileLock.then(work, work);
    this.#fileLock = run.catch(() => undefined);
    return run;
  }
}
