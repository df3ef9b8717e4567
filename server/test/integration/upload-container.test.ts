import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { ManualClock } from '../../src/lib/clock.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import {
  copyTemplateDatabase,
  createTestApp,
  injectAs,
  problemOf,
  setupOwner,
  type TestApp,
} from '../helpers/test-app.js';

/**
 * Uploads are what they claim: a "video" is checked by its container's structure, not by a magic
 * string a page can carry, and a refusal stores nothing. Temp files of uploads a crash cut off are
 * gone once the app is built again.
 */

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function inspectionUploadPath(app: TestApp): Promise<{ path: string; cookie: string }> {
  const owner = await setupOwner(app.app);
  const customerId = insertCustomer(app.database);
  const vehicleId = insertVehicle(app.database, customerId);
  const ro = await injectAs(app.app, owner.cookie, {
    method: 'POST',
    url: '/api/repair-orders',
    payload: { customerId, vehicleId, concerns: ['Inspection'] },
  });
  const inspection = await injectAs(app.app, owner.cookie, {
    method: 'POST',
    url: `/api/repair-orders/${ro.json<{ id: string }>().id}/inspections`,
    payload: {},
  });
  return { path: `/api/inspections/${inspection.json<{ id: string }>().id}/media`, cookie: owner.cookie };
}

/** Every file under <dataDir>/media, temp files included. */
function mediaFiles(dataDir: string): string[] {
  const root = join(dataDir, 'media');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function rows(app: TestApp, table: string): number {
  return (app.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

const page = Buffer.from('<html><body><script>fetch("/api/users")</script></body></html>'.repeat(20));

describe('a video upload', () => {
  it('refuses HTML that carries a video magic string with a 415 naming the body, storing nothing', async () => {
    t = await createTestApp();
    const { path, cookie } = await inspectionUploadPath(t);
    const disguises: [string, Buffer][] = [
      // `ftyp` at offset 4 of an HTML comment: the first-bytes check took this for an MP4.
      ['video/mp4', Buffer.concat([Buffer.from('<!--ftypisom-->'), page])],
      // An ftyp box that looks right, then the page where the next box should be.
      [
        'video/quicktime',
        Buffer.concat([Buffer.from('00000018', 'hex'), Buffer.from('ftypqt  \0\0\0\0qt  '), page]),
      ],
      // The EBML magic, then a page that says "webm".
      ['video/webm', Buffer.concat([Buffer.from('1a45dfa3', 'hex'), Buffer.from('webm'), page])],
    ];
    for (const [contentType, body] of disguises) {
      const response = await t.app.inject({
        method: 'POST',
        url: path,
        headers: { cookie, 'content-type': contentType },
        payload: body,
      });
      expect(response.statusCode, `${contentType}: ${response.body}`).toBe(415);
      expect(problemOf(response)).toMatchObject({
        type: 'urn:ase:problem:not-a-video',
        errors: [{ path: 'body', message: 'is not an MP4, QuickTime (MOV) or WebM video' }],
      });
    }
    // Without a video type it is read as a photo, and refused as one.
    const untyped = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: Buffer.concat([Buffer.from('<!--ftypmp42-->'), page]),
    });
    expect(untyped.statusCode, untyped.body).toBe(400);
    expect(problemOf(untyped).type).toBe('urn:ase:problem:not-an-image');
    expect(mediaFiles(t.dataDir)).toEqual([]);
    expect(rows(t, 'media_files')).toBe(0);
    expect(rows(t, 'inspection_media')).toBe(0);
  });

  it('takes a WebM as a browser records it', async () => {
    t = await createTestApp();
    const { path, cookie } = await inspectionUploadPath(t);
    // Chrome's MediaRecorder: EBML header with DocType webm, then a Segment of unknown size.
    const header = Buffer.from(
      '1a45dfa39f4286810142f7810142f2810442f381084282847765626d428781044285810218538067' + '01ffffffffffffff',
      'hex',
    );
    const video = Buffer.concat([header, Buffer.alloc(5000, 0x42)]);
    const response = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { cookie, 'content-type': 'video/webm' },
      payload: video,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'video', mime: 'video/webm', byteSize: video.length });
  });
});

describe('the upload temp folder', () => {
  it('is emptied when the app starts, before it takes any request, leaving stored files alone', async () => {
    const { dataDir, database } = copyTemplateDatabase();
    // What a kill in the middle of uploads leaves: temp files (one large, one empty), none cleaned.
    const tmp = join(dataDir, 'media', 'tmp');
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'a1b2c3d4e5f6a1b2c3d4e5f6.part'), Buffer.alloc(300_000, 1));
    writeFileSync(join(tmp, '0f0f0f0f0f0f0f0f0f0f0f0f.part'), Buffer.alloc(0));
    const hash = 'ab'.padEnd(64, '0');
    mkdirSync(join(dataDir, 'media', 'ab'));
    writeFileSync(join(dataDir, 'media', 'ab', hash), 'a stored file');

    const config = { ...loadConfig({ env: {}, cwd: dataDir }), dataDir };
    const clock = new ManualClock('2026-03-02T14:00:00.000Z');
    const app = await buildApp({ config, database, clock, logger: pino({ level: 'silent' }) });
    t = {
      app,
      database,
      clock,
      config,
      dataDir,
      async close() {
        await app.close();
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
    // The inspections module clears it in its start, which every request (inject or listen) waits for.
    await app.ready();
    expect(readdirSync(tmp)).toEqual([]);
    expect(readFileSync(join(dataDir, 'media', 'ab', hash), 'utf8')).toBe('a stored file');
  });
});
