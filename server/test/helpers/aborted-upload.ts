import { existsSync, readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Rng } from './crash-load.js';

/**
 * A client whose upload is cut off midway, over a raw socket (a tablet leaving the Wi-Fi): the
 * headers and part of the body are written, then the connection is dropped (FIN or reset).
 */

/** An MP4 as laid out on disk: an ftyp box (brand isom), then an mdat box holding filler. */
export function mp4Bytes(size: number): Buffer {
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
  const out = Buffer.alloc(Math.max(size, ftyp.length + 8), 7);
  ftyp.copy(out);
  out.writeUInt32BE(out.length - ftyp.length, ftyp.length);
  out.write('mdat', ftyp.length + 4, 'latin1');
  return out;
}

export interface AbortedUpload {
  port: number;
  path: string;
  cookie: string;
  /** The whole body the client claims to send. */
  body: Buffer;
  /** How many of its bytes are written before the socket is destroyed. */
  cut: number;
  /** Chunked transfer encoding instead of a Content-Length. */
  chunked: boolean;
  /** A TCP reset instead of a FIN (a radio gone versus an app closed). */
  reset: boolean;
  /** Declared Content-Length above the video limit (the 413 path, refused before the body). */
  declareHuge: boolean;
}

function writeAsync(socket: Socket, data: Buffer | string): Promise<void> {
  return new Promise((resolve) => {
    // An error here (the server answered and closed first) ends the write: the socket is cut anyway.
    socket.write(data, () => resolve());
  });
}

/** Sends the headers and the first `cut` bytes of the body in random pieces, then drops the connection. */
export async function abortedUpload(upload: AbortedUpload, rng: Rng): Promise<void> {
  const socket = connect({ host: '127.0.0.1', port: upload.port });
  socket.on('error', () => undefined); // a reset or a server-side close is what this test is about
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const length = upload.declareHuge ? 500 * 1024 * 1024 : upload.body.length;
  const head =
    `POST ${upload.path} HTTP/1.1\r\nHost: 127.0.0.1:${upload.port}\r\nCookie: ${upload.cookie}\r\n` +
    `Content-Type: video/mp4\r\n` +
    (upload.chunked ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${length}\r\n`) +
    '\r\n';
  await writeAsync(socket, head);
  let sent = 0;
  while (sent < upload.cut && !socket.destroyed) {
    const piece = Math.min(upload.cut - sent, 1 + Math.floor(rng() * 256 * 1024));
    const bytes = upload.body.subarray(sent, sent + piece);
    if (upload.chunked) await writeAsync(socket, `${bytes.length.toString(16)}\r\n`);
    await writeAsync(socket, bytes);
    if (upload.chunked) await writeAsync(socket, '\r\n');
    sent += piece;
    // Sometimes let the server get ahead (its write to disk in flight) before the next piece.
    if (rng() < 0.3) await new Promise((resolve) => setImmediate(resolve));
  }
  const closed = new Promise((resolve) => socket.once('close', resolve));
  if (upload.reset) socket.resetAndDestroy();
  else socket.destroy();
  await closed;
}

/** Sizes from a few KB to several MB: small ones end inside one read, large ones mid-write. */
export const UPLOAD_SIZES = [2_000, 70_000, 900_000, 4_500_000];

/** One random aborted upload: size, cut point and manner drawn from the seeded generator. */
export function randomAbort(
  rng: Rng,
  base: Omit<AbortedUpload, 'body' | 'cut' | 'chunked' | 'reset' | 'declareHuge'>,
) {
  const size = UPLOAD_SIZES[Math.floor(rng() * UPLOAD_SIZES.length)]!;
  // A quarter of the cuts land in the first 64 bytes (the type check's window), the rest anywhere.
  const cut = rng() < 0.25 ? Math.floor(rng() * 64) : Math.floor(rng() * size);
  return {
    ...base,
    body: mp4Bytes(size),
    cut,
    chunked: rng() < 0.3,
    reset: rng() < 0.5,
    declareHuge: rng() < 0.1,
  } satisfies AbortedUpload;
}

/** Files under <dataDir>/media/tmp (a finished or refused upload leaves none). */
export function tempFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'media', 'tmp');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/**
 * Waits until the upload temp folder is empty: an aborted request's handler may still be cleaning
 * up when the client has gone. Bounded; a temp file that leaked never goes, and then this fails.
 */
export async function expectNoTempFiles(dataDir: string): Promise<void> {
  for (let i = 0; i < 400 && tempFiles(dataDir).length > 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 25));
  expect(tempFiles(dataDir)).toEqual([]);
}
