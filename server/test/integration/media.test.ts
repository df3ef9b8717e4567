import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/events/event-bus.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import type { Inspection, InspectionMedia } from '../../src/modules/inspections/inspections.schemas.js';
import { InspectionsService } from '../../src/modules/inspections/inspections.service.js';
import { MediaStore } from '../../src/modules/inspections/media-store.js';
import type { RepairOrdersService } from '../../src/modules/repair-orders/repair-orders.service.js';
import type { CannedJobsService } from '../../src/modules/repair-orders/canned-jobs.service.js';
import type { TechniciansService } from '../../src/modules/technicians/technicians.service.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import {
  createStaff,
  createTestApp,
  injectAs,
  loginAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

let t: TestApp;
let owner: { id: string; cookie: string };
let tech: string;
let parts: string;

beforeEach(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
  tech = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'technician'));
  parts = await loginAs(t.app, await createStaff(t.app, owner.cookie, 'parts'));
});
afterEach(async () => {
  await t.close();
});

// ---------------------------------------------------------------- helpers

async function openRepairOrder(): Promise<string> {
  const customerId = insertCustomer(t.database);
  const vehicleId = insertVehicle(t.database, customerId);
  const response = await injectAs(t.app, owner.cookie, {
    method: 'POST',
    url: '/api/repair-orders',
    payload: { customerId, vehicleId, concerns: ['Inspection'] },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function startInspection(roId: string): Promise<Inspection> {
  const response = await injectAs(t.app, tech, {
    method: 'POST',
    url: `/api/repair-orders/${roId}/inspections`,
    payload: {},
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Inspection>();
}

function upload(
  inspectionId: string,
  body: Buffer,
  contentType: string,
  query = '?itemKey=tires.lf',
  cookie = tech,
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/inspections/${inspectionId}/media${query}`,
    headers: { cookie, 'content-type': contentType },
    payload: body,
  });
}

function getMedia(hash: string, cookie: string | null = tech, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'GET',
    url: `/api/media/${hash}`,
    headers: { ...headers, ...(cookie === null ? {} : { cookie }) },
  });
}

/** Every stored file under <dataDir>/media (temp files included: a refusal must leave none). */
function filesOnDisk(): string[] {
  const root = join(t.dataDir, 'media');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function count(table: string): number {
  return (t.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** A camera-like JPEG: 400×200 stored with EXIF orientation 6 (shown 200×400), a make and GPS. */
async function cameraJpeg(color = '#c33'): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 200, channels: 3, background: color } })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'T1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

/** The GPS IFD pointer tag (0x8825) in either byte order. */
function hasGpsPointer(exif: Buffer | undefined): boolean {
  return (
    exif !== undefined &&
    (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])))
  );
}

/** A real 1×1 PNG whose IHDR then claims width × height (CRC fixed): a decompression bomb's header. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  const out = Buffer.from(png);
  // signature (8) + length (4) + 'IHDR' (4) → width at 16, height at 20; CRC over type+data at 29
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)) >>> 0, 29);
  return out;
}

/** An MP4 as laid out on disk: an ftyp box (brand isom), then an mdat box holding filler. */
function fakeMp4(size = 4096): Buffer {
  const ftyp = Buffer.from([
    0,
    0,
    0,
    0x18,
    ...Buffer.from('ftypisom'),
    0,
    0,
    2,
    0,
    ...Buffer.from('isomiso2'),
  ]);
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(size - ftyp.length, 0);
  mdat.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, mdat, Buffer.alloc(size - ftyp.length - mdat.length, 7)]);
}

/** A service on the test's database for the methods the approvals module calls directly. */
function directService(): InspectionsService {
  const db = t.database.kysely;
  // customerView / openMedia* / storeSignature use neither repair orders nor technicians.
  return new InspectionsService(
    db,
    t.clock,
    new AuditService(db, t.clock),
    new EventBus(),
    {} as RepairOrdersService,
    {} as CannedJobsService,
    {} as TechniciansService,
    new MediaStore(t.dataDir),
  );
}

// ---------------------------------------------------------------- tests

describe('photo upload', () => {
  it('re-encodes a camera JPEG: orientation applied, EXIF and GPS gone, bounded, with a thumbnail', async () => {
    const inspection = await startInspection(await openRepairOrder());
    const original = await cameraJpeg();
    expect(hasGpsPointer((await sharp(original).metadata()).exif)).toBe(true); // the test can fail

    const response = await upload(
      inspection.id,
      original,
      'image/jpeg',
      '?itemKey=tires.lf&caption=Outer%20edge',
    );
    expect(response.statusCode, response.body).toBe(201);
    const media = response.json<InspectionMedia>();
    expect(media).toMatchObject({
      itemKey: 'tires.lf',
      kind: 'image',
      mime: 'image/jpeg',
      width: 200,
      height: 400,
      caption: 'Outer edge',
    });
    expect(media.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(media.thumbnailHash).toMatch(/^[0-9a-f]{64}$/);

    const served = await getMedia(media.hash);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const stored = await sharp(served.rawPayload).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 200, height: 400 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('TestCam'))).toBe(false);

    const thumb = await sharp((await getMedia(media.thumbnailHash!)).rawPayload).metadata();
    expect(thumb).toMatchObject({ format: 'jpeg', width: 160, height: 320 });
    expect(thumb.exif).toBeUndefined();

    // content-addressed on disk: media/<first two>/<hash>, the sha256 of the stored bytes
    const path = join(t.dataDir, 'media', media.hash.slice(0, 2), media.hash);
    expect(readFileSync(path).equals(served.rawPayload)).toBe(true);
    expect(filesOnDisk()).toHaveLength(2);
    expect(count('media_files')).toBe(2);
    const again = await getMedia(media.hash, tech, { 'if-none-match': `"${media.hash}"` });
    expect(again.statusCode).toBe(304);
  });

  it('bounds a large photo to 2048 px and turns a PNG with transparency into a JPEG', async () => {
    const inspection = await startInspection(await openRepairOrder());
    const big = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    const bigUp = await upload(inspection.id, big, 'image/png', '');
    expect(bigUp.statusCode, bigUp.body).toBe(201);
    expect(bigUp.json<InspectionMedia>()).toMatchObject({
      width: 2048,
      height: 1024,
      mime: 'image/jpeg',
      itemKey: null,
    });

    const alpha = await sharp({
      create: { width: 50, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const alphaUp = await upload(inspection.id, alpha, 'image/png');
    expect(alphaUp.statusCode, alphaUp.body).toBe(201);
    const stored = await sharp((await getMedia(alphaUp.json<InspectionMedia>().hash)).rawPayload).stats();
    expect(stored.channels[0]!.mean).toBeGreaterThan(250); // flattened on white, not black
  });

  it('stores the same photo once (content addressing) and keeps the file until its last use goes', async () => {
    const roId = await openRepairOrder();
    const inspection = await startInspection(roId);
    const photo = await cameraJpeg();
    const first = (await upload(inspection.id, photo, 'image/jpeg')).json<InspectionMedia>();
    const second = (
      await upload(inspection.id, photo, 'image/jpeg', '?itemKey=tires.rf')
    ).json<InspectionMedia>();
    expect(second.hash).toBe(first.hash);
    expect(second.id).not.toBe(first.id);
    expect(count('media_files')).toBe(2);
    expect(count('inspection_media')).toBe(2);
    expect(filesOnDisk()).toHaveLength(2);

    const del = (id: string) =>
      injectAs(t.app, tech, { method: 'DELETE', url: `/api/inspections/${inspection.id}/media/${id}` });
    expect((await del(first.id)).statusCode).toBe(204);
    expect(filesOnDisk()).toHaveLength(2); // still shown by the second
    expect((await getMedia(first.hash)).statusCode).toBe(200);
    expect((await del(second.id)).statusCode).toBe(204);
    expect(filesOnDisk()).toHaveLength(0);
    expect(count('media_files')).toBe(0);
    expect((await getMedia(first.hash)).statusCode).toBe(404);
    expect((await del(second.id)).statusCode).toBe(404);
    const audit = t.database.sqlite
      .prepare(
        `SELECT action FROM audit_log WHERE entity_id = ? AND action LIKE 'inspection.media%' ORDER BY at, id`,
      )
      .all(inspection.id) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'inspection.media_added',
      'inspection.media_added',
      'inspection.media_removed',
      'inspection.media_removed',
    ]);
  });

  it('refuses a non-image, a decompression bomb, an SVG and an oversize body, and stores nothing', async () => {
    const inspection = await startInspection(await openRepairOrder());
    const notImage = await upload(inspection.id, Buffer.from('#!/bin/sh\necho hello\n'), 'image/jpeg');
    expect(notImage.statusCode).toBe(400);
    expect(problemOf(notImage).type).toBe('urn:ase:problem:not-an-image');

    const bomb = await pngClaiming(30_000, 30_000);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({
      width: 30_000,
      height: 30_000,
    });
    const bombUp = await upload(inspection.id, bomb, 'image/png');
    expect(bombUp.statusCode).toBe(400);
    expect(problemOf(bombUp)).toMatchObject({ type: 'urn:ase:problem:image-too-many-pixels' });
    expect(problemOf(bombUp).detail).toContain('30000×30000');

    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    expect((await upload(inspection.id, svg, 'image/svg+xml')).statusCode).toBe(400);

    const oversize = await upload(inspection.id, Buffer.alloc(25 * 1024 * 1024 + 1, 0xff), 'image/jpeg');
    expect(oversize.statusCode).toBe(413);
    expect(oversize.headers['content-type']).toMatch(/^application\/problem\+json/);

    const json = await injectAs(t.app, tech, {
      method: 'POST',
      url: `/api/inspections/${inspection.id}/media`,
      payload: { photo: 'base64...' },
    });
    expect(json.statusCode).toBe(400);
    expect(problemOf(json).type).toBe('urn:ase:problem:unsupported-media-type');

    const wrongItem = await upload(inspection.id, await cameraJpeg(), 'image/jpeg', '?itemKey=no.such-item');
    expect(problemOf(wrongItem).errors).toEqual([
      { path: 'query.itemKey', message: 'is not an item of this inspection' },
    ]);

    expect(filesOnDisk()).toEqual([]);
    expect(count('media_files')).toBe(0);
    expect(count('inspection_media')).toBe(0);
  });

  it('takes a short video checked by its first bytes, serves byte ranges, refuses a fake one', async () => {
    const inspection = await startInspection(await openRepairOrder());
    const video = fakeMp4();
    const response = await upload(inspection.id, video, 'video/mp4');
    expect(response.statusCode, response.body).toBe(201);
    const media = response.json<InspectionMedia>();
    expect(media).toMatchObject({ kind: 'video', mime: 'video/mp4', byteSize: 4096, thumbnailHash: null });

    const range = await getMedia(media.hash, tech, { range: 'bytes=4-11' });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-range']).toBe('bytes 4-11/4096');
    expect(range.body).toBe('ftypisom');
    expect((await getMedia(media.hash, tech, { range: 'bytes=5000-' })).statusCode).toBe(416);

    const before = filesOnDisk();
    const fake = await upload(
      inspection.id,
      Buffer.from('MZ this is an executable, not a video'),
      'video/mp4',
    );
    expect(fake.statusCode).toBe(415);
    expect(problemOf(fake)).toMatchObject({
      type: 'urn:ase:problem:not-a-video',
      errors: [{ path: 'body', message: expect.stringContaining('not an MP4') }],
    });
    expect(filesOnDisk()).toEqual(before); // the temp file went too
    expect(count('inspection_media')).toBe(1);
  });

  it('streams a video with a size limit: too large is 413 and leaves no temp file', async () => {
    const store = new MediaStore(t.dataDir, { videoMaxBytes: 10_000 });
    const chunks = [fakeMp4(4096), Buffer.alloc(4096), Buffer.alloc(4096)];
    const stream = Readable.from(chunks);
    await expect(store.receiveVideo(stream, undefined)).rejects.toMatchObject({ status: 413 });
    // drained to its end, not destroyed midway (that would cut the socket before the 413 is sent)
    await expect(finished(stream)).resolves.toBeUndefined();
    await expect(store.receiveVideo(Readable.from([fakeMp4(4096)]), 20_000)).rejects.toMatchObject({
      status: 413,
    });
    expect(filesOnDisk()).toEqual([]);
    const received = await store.receiveVideo(Readable.from([fakeMp4(6000)]), undefined);
    expect(received).toMatchObject({ kind: 'video', mime: 'video/mp4', byteSize: 6000 });
    expect(await store.commitReceived(received)).toBe(true);
    expect(filesOnDisk()).toEqual([join(t.dataDir, 'media', received.hash.slice(0, 2), received.hash)]);
    const again = await store.receiveVideo(Readable.from([fakeMp4(6000)]), undefined);
    expect(await store.commitReceived(again)).toBe(false); // same bytes: stored once
    expect(filesOnDisk()).toHaveLength(1);
  });

  it('refuses uploads to a completed inspection and lets only floor roles upload', async () => {
    const inspection = await startInspection(await openRepairOrder());
    const photo = await cameraJpeg();
    expect((await upload(inspection.id, photo, 'image/jpeg', '', parts)).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/inspections/${inspection.id}/media`,
      headers: { 'content-type': 'image/jpeg' },
      payload: photo,
    });
    expect(anonymous.statusCode).toBe(401);
    t.database.sqlite.prepare(`UPDATE inspections SET status = 'completed' WHERE id = ?`).run(inspection.id);
    const locked = await upload(inspection.id, photo, 'image/jpeg');
    expect(locked.statusCode).toBe(409);
    expect(filesOnDisk()).toEqual([]);
  });
});

describe('serving media', () => {
  it('answers only to staff and never reads a path from the URL', async () => {
    const inspection = await startInspection(await openRepairOrder());
    const media = (await upload(inspection.id, await cameraJpeg(), 'image/jpeg')).json<InspectionMedia>();
    expect((await getMedia(media.hash, null)).statusCode).toBe(401);
    expect((await getMedia(media.hash, parts)).statusCode).toBe(200);

    const attempts = [
      '..%2F..%2Fase.db',
      '..%2fase.db',
      '%2e%2e%2f%2e%2e%2fase.db',
      '....%2F%2Fase.db',
      media.hash.toUpperCase(),
      `${media.hash.slice(0, 2)}%2F${media.hash}`,
      `${media.hash}%00.jpg`,
      'ase.db',
    ];
    for (const attempt of attempts) {
      const response = await getMedia(attempt, owner.cookie);
      expect([400, 404], attempt).toContain(response.statusCode);
      expect(response.headers['content-type'], attempt).toMatch(/^application\/problem\+json/);
      expect(response.body).not.toContain('SQLite format');
    }
    const raw = await t.app.inject({
      method: 'GET',
      url: '/api/media/../ase.db',
      headers: { cookie: owner.cookie },
    });
    expect(raw.body).not.toContain('SQLite format');
    const unknown = await getMedia('0'.repeat(64), owner.cookie);
    expect(unknown.statusCode).toBe(404);
  });
});

describe('for the approval link', () => {
  it('openMediaOfRepairOrder serves only that repair order’s photos and thumbnails', async () => {
    const roA = await openRepairOrder();
    const roB = await openRepairOrder();
    const a = (
      await upload((await startInspection(roA)).id, await cameraJpeg('#a00'), 'image/jpeg')
    ).json<InspectionMedia>();
    const b = (
      await upload((await startInspection(roB)).id, await cameraJpeg('#00a'), 'image/jpeg')
    ).json<InspectionMedia>();
    const service = directService();

    expect(await service.openMediaOfRepairOrder(roA, a.hash)).toMatchObject({
      mime: 'image/jpeg',
      byteSize: a.byteSize,
    });
    expect((await service.openMediaOfRepairOrder(roA, a.thumbnailHash!)).path).toContain(a.thumbnailHash);
    await expect(service.openMediaOfRepairOrder(roA, b.hash)).rejects.toMatchObject({ status: 404 });
    await expect(service.openMediaOfRepairOrder(roA, '../ase.db')).rejects.toMatchObject({ status: 404 });

    const signature = await service.storeSignature(
      await sharp({
        create: { width: 2400, height: 900, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
      })
        .png()
        .toBuffer(),
    );
    await expect(service.openMediaOfRepairOrder(roA, signature)).rejects.toMatchObject({ status: 404 });
    expect(await service.openMedia(signature)).toMatchObject({ mime: 'image/png' });
    const row = t.database.sqlite
      .prepare(`SELECT kind, width, height FROM media_files WHERE hash = ?`)
      .get(signature);
    expect(row).toEqual({ kind: 'signature', width: 1200, height: 450 });
  });

  it('storeSignature refuses a non-image and a JPEG, storing nothing', async () => {
    const service = directService();
    await expect(service.storeSignature(Buffer.from('not a png'))).rejects.toMatchObject({ status: 400 });
    await expect(service.storeSignature(await cameraJpeg())).rejects.toMatchObject({ status: 400 });
    await expect(service.storeSignature(await pngClaiming(40_000, 40_000))).rejects.toMatchObject({
      status: 400,
    });
    expect(filesOnDisk()).toEqual([]);
    expect(count('media_files')).toBe(0);
  });

  it('customerView shows rated items with their media, and leaves out inspections with nothing rated', async () => {
    const roId = await openRepairOrder();
    const inspection = await startInspection(roId);
    const service = directService();
    expect(await service.customerView(t.database.kysely, roId)).toEqual([]);

    const finding = inspection.findings.find((f) => f.itemKey === 'tires.lf')!;
    const patched = await injectAs(t.app, tech, {
      method: 'PATCH',
      url: `/api/inspections/${inspection.id}/findings/tires.lf`,
      payload: { version: finding.version, rating: 'red', measurement: 2, note: 'Replace soon' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const media = (
      await upload(inspection.id, await cameraJpeg(), 'image/jpeg', '?itemKey=tires.lf&caption=Tread')
    ).json<InspectionMedia>();

    const [view, ...rest] = await service.customerView(t.database.kysely, roId);
    expect(rest).toEqual([]);
    expect(view).toMatchObject({
      id: inspection.id,
      name: 'Multi-point inspection',
      status: 'in_progress',
      counts: { red: 1, green: 0, yellow: 0 },
      sections: [
        {
          key: 'tires',
          title: 'Tires (tread depth)',
          items: [
            {
              key: 'tires.lf',
              label: 'Left front tire',
              rating: 'red',
              measurement: { value: 2, unit: '32nds' },
              note: 'Replace soon',
            },
          ],
        },
      ],
      media: [
        {
          hash: media.hash,
          thumbnailHash: media.thumbnailHash,
          kind: 'image',
          mime: 'image/jpeg',
          caption: 'Tread',
          itemKey: 'tires.lf',
        },
      ],
    });
  });
});
