import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { HttpProblem, problems } from '../../lib/problem.js';
import { CONTAINER_HEAD_BYTES, sniffVideoContainer } from './media-container.js';

/**
 * Content-addressed files under `<dataDir>/media/<hash[0..2]>/<hash>`: the hash is the sha256 of
 * the bytes as stored (after re-encoding), so the same photo is kept once and a file's name can
 * never be chosen by a client. Images are decoded and re-encoded with sharp (bounded size, EXIF
 * orientation applied, every metadata block dropped, so no GPS leaves the shop); videos are
 * type-checked by their first bytes and size-limited, not re-encoded. Files are written to a temp
 * name and renamed, so a crash never leaves half a file under a hash.
 */
export interface MediaLimits {
  /** Largest image upload in bytes (413 above). Phone photos are 2-12 MB. */
  imageMaxBytes: number;
  /** Largest video upload in bytes (413 above): about a minute of 1080p from a phone. */
  videoMaxBytes: number;
  /** Width × height above which an image is refused before it is decoded (decompression bombs). */
  maxInputPixels: number;
  /** Longest side of a stored photo. */
  maxDimension: number;
  /** Longest side of a thumbnail. */
  thumbnailSize: number;
  /** A drawn signature is scaled down to fit this box. */
  signatureMaxWidth: number;
  signatureMaxHeight: number;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  imageMaxBytes: 25 * 1024 * 1024,
  videoMaxBytes: 100 * 1024 * 1024,
  maxInputPixels: 60_000_000,
  maxDimension: 2048,
  thumbnailSize: 320,
  signatureMaxWidth: 1200,
  signatureMaxHeight: 600,
};

/** What a stored file is, as recorded in media_files. */
export interface StoredFile {
  hash: string;
  kind: 'image' | 'thumbnail' | 'video' | 'signature';
  mime: string;
  byteSize: number;
  width: number | null;
  height: number | null;
}

/** A file received into a temp file, not yet under its hash. */
export interface ReceivedFile extends StoredFile {
  tmp: string;
}

/** Bytes ready to be written, with what they are. */
export interface PreparedFile extends StoredFile {
  data: Buffer;
}

export const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Formats sharp decodes that a camera or a canvas produces. SVG (scripts, external refs) is not one. */
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'avif', 'tiff', 'gif']);

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function notAnImage(
  detail = 'The file is not an image this server can read (JPEG, PNG, WebP, AVIF, TIFF or GIF).',
) {
  return problems.badRequest(detail, 'not-an-image');
}

function tooLarge(detail: string) {
  return new HttpProblem({ status: 413, title: 'Request too large', slug: 'too-large', detail });
}

export class MediaStore {
  readonly root: string;
  readonly limits: MediaLimits;

  constructor(dataDir: string, limits: Partial<MediaLimits> = {}) {
    this.root = join(dataDir, 'media');
    this.limits = { ...DEFAULT_MEDIA_LIMITS, ...limits };
  }

  /** Where the file of a hash lives. The hash is checked, so no client text ever becomes a path. */
  pathOf(hash: string): string {
    if (!HASH_PATTERN.test(hash)) throw problems.notFound('No such file.');
    return join(this.root, hash.slice(0, 2), hash);
  }

  /**
   * Decodes and re-encodes a photo: EXIF orientation applied, longest side bounded, JPEG, no
   * metadata at all (sharp drops EXIF/XMP/IPTC unless asked to keep them), plus a thumbnail.
   * Nothing is written: a refusal stores nothing.
   */
  async prepareImage(input: Buffer): Promise<{ image: PreparedFile; thumbnail: PreparedFile }> {
    await this.checkImageHeader(input);
    const { maxDimension, thumbnailSize, maxInputPixels } = this.limits;
    let image: { data: Buffer; info: OutputInfo };
    try {
      image = await sharp(input, { limitInputPixels: maxInputPixels, failOn: 'error' })
        .rotate()
        .resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
    } catch {
      throw notAnImage('The image could not be decoded (damaged or incomplete file).');
    }
    const thumb = await sharp(image.data)
      .resize({ width: thumbnailSize, height: thumbnailSize, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 72 })
      .toBuffer({ resolveWithObject: true });
    return {
      image: prepared('image', 'image/jpeg', image.data, image.info),
      thumbnail: prepared('thumbnail', 'image/jpeg', thumb.data, thumb.info),
    };
  }

  /** A customer's drawn signature: a PNG, decoded, bounded and re-encoded (transparency kept). */
  async prepareSignature(png: Buffer): Promise<PreparedFile> {
    const meta = await this.checkImageHeader(png);
    if (meta.format !== 'png') throw notAnImage('The signature must be a PNG image.');
    try {
      const out = await sharp(png, { limitInputPixels: this.limits.maxInputPixels, failOn: 'error' })
        .resize({
          width: this.limits.signatureMaxWidth,
          height: this.limits.signatureMaxHeight,
          fit: 'inside',
          withoutEnlargement: true,
        })
        .png({ compressionLevel: 9 })
        .toBuffer({ resolveWithObject: true });
      return prepared('signature', 'image/png', out.data, out.info);
    } catch {
      throw notAnImage('The signature image could not be decoded.');
    }
  }

  /** A video held in memory (a body sent as application/octet-stream): type and size checked. */
  prepareVideo(data: Buffer): PreparedFile {
    if (data.length > this.limits.videoMaxBytes) throw this.videoTooLarge();
    const mime = sniffVideoContainer(data.subarray(0, CONTAINER_HEAD_BYTES));
    if (mime === null) throw unsupportedVideo();
    return { ...prepared('video', mime, data, null) };
  }

  /**
   * Streams a video to a temp file while hashing and counting it (a 100 MB video is never held in
   * memory) and checks its container's structure. Refused (400/413/415): the temp file is removed
   * and the rest of the body is drained, so the client still gets the problem answer. A request
   * cut off midway (a tablet leaving the Wi-Fi) is a 400 with its temp file removed. The caller
   * moves the file under its hash with `commitReceived` (or drops it with `discardReceived`).
   */
  async receiveVideo(body: Readable, declaredLength: number | undefined): Promise<ReceivedFile> {
    const limit = this.limits.videoMaxBytes;
    if (declaredLength !== undefined && declaredLength > limit) {
      body.resume();
      throw this.videoTooLarge();
    }
    const tooLargeError = this.videoTooLarge();
    const tmp = await this.tempPath();
    const out = createWriteStream(tmp, { flags: 'wx' });
    const hash = createHash('sha256');
    let size = 0;
    const headChunks: Buffer[] = [];
    let headLength = 0;
    async function* countedAndHashed(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > limit) throw tooLargeError;
        if (headLength < CONTAINER_HEAD_BYTES) {
          headChunks.push(chunk.subarray(0, CONTAINER_HEAD_BYTES - headLength));
          headLength += headChunks.at(-1)!.length;
        }
        hash.update(chunk);
        yield chunk;
      }
    }
    try {
      // The request is read through an iterator that leaves it open when the copy stops early:
      // destroying it would cut the socket before a 413 could be sent; its rest is drained below.
      await pipeline(body.iterator({ destroyOnReturn: false }), countedAndHashed, out);
    } catch (error) {
      await settled(out);
      await rm(tmp, { force: true });
      if (isCutOff(body)) throw uploadInterrupted();
      body.resume();
      throw error;
    }
    try {
      if (size === 0) throw problems.badRequest('The upload is empty.', 'empty-upload');
      const mime = sniffVideoContainer(Buffer.concat(headChunks));
      if (mime === null) throw unsupportedVideo();
      return {
        hash: hash.digest('hex'),
        kind: 'video',
        mime,
        byteSize: size,
        width: null,
        height: null,
        tmp,
      };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  /**
   * Removes every file in the upload temp folder. Run once at start, before anything is received:
   * an upload cut off by a crash, a kill or a power cut never reached its own cleanup, and its
   * temp file would otherwise stay for good. Returns how many were removed.
   */
  async clearTempFiles(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.tempDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    await Promise.all(names.map((name) => rm(join(this.tempDir, name), { recursive: true, force: true })));
    return names.length;
  }

  /** Moves a received file under its hash; false when those bytes were stored already. */
  async commitReceived(file: ReceivedFile): Promise<boolean> {
    return this.moveIntoPlace(file.tmp, file.hash);
  }

  async discardReceived(file: ReceivedFile): Promise<void> {
    await rm(file.tmp, { force: true });
  }

  /**
   * Writes prepared files that are not stored yet. Returns the hashes it created, so a caller whose
   * transaction then fails can take exactly those back out.
   */
  async write(files: readonly PreparedFile[]): Promise<string[]> {
    const created: string[] = [];
    try {
      for (const file of files) {
        const tmp = await this.tempPath();
        await writeFile(tmp, file.data, { flag: 'wx' });
        if (await this.moveIntoPlace(tmp, file.hash)) created.push(file.hash);
      }
    } catch (error) {
      await this.remove(created);
      throw error;
    }
    return created;
  }

  /** Removes stored files (after their last reference went); a missing file is fine. */
  async remove(hashes: readonly string[]): Promise<void> {
    for (const hash of hashes) await rm(this.pathOf(hash), { force: true });
  }

  /** The size on disk, or null when the file is missing. */
  async sizeOnDisk(hash: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(hash))).size;
    } catch {
      return null;
    }
  }

  private async checkImageHeader(input: Buffer): Promise<Metadata> {
    if (input.length === 0) throw problems.badRequest('The upload is empty.', 'empty-upload');
    if (input.length > this.limits.imageMaxBytes)
      throw tooLarge(`A photo may be at most ${mib(this.limits.imageMaxBytes)}.`);
    let meta: Metadata;
    try {
      // Reads the header only: nothing is decoded yet.
      meta = await sharp(input, { limitInputPixels: false }).metadata();
    } catch {
      throw notAnImage();
    }
    if (meta.format === undefined || !IMAGE_FORMATS.has(meta.format)) throw notAnImage();
    const pixels = (meta.width ?? 0) * (meta.height ?? 0);
    if (pixels === 0) throw notAnImage();
    if (pixels > this.limits.maxInputPixels)
      throw problems.badRequest(
        `The image claims ${meta.width}×${meta.height} pixels; at most ${Math.round(this.limits.maxInputPixels / 1e6)} megapixels are accepted.`,
        'image-too-many-pixels',
      );
    return meta;
  }

  private videoTooLarge() {
    return tooLarge(`A video may be at most ${mib(this.limits.videoMaxBytes)}; record a shorter clip.`);
  }

  private get tempDir(): string {
    return join(this.root, 'tmp');
  }

  private async tempPath(): Promise<string> {
    await mkdir(this.tempDir, { recursive: true });
    return join(this.tempDir, `${randomBytes(12).toString('hex')}.part`);
  }

  /** Renames a finished temp file under its hash; false (temp removed) when that hash is stored already. */
  private async moveIntoPlace(tmp: string, hash: string): Promise<boolean> {
    const target = this.pathOf(hash);
    if ((await this.sizeOnDisk(hash)) !== null) {
      await unlink(tmp);
      return false;
    }
    await mkdir(join(this.root, hash.slice(0, 2)), { recursive: true });
    await rename(tmp, target);
    return true;
  }
}

/** 415 naming the body: the bytes are not laid out as an MP4, MOV or WebM file (see media-container.ts). */
function unsupportedVideo() {
  return new HttpProblem({
    status: 415,
    title: 'Unsupported media type',
    slug: 'not-a-video',
    detail: 'The video must be MP4, QuickTime (MOV) or WebM; these bytes are not one.',
    errors: [{ path: 'body', message: 'is not an MP4, QuickTime (MOV) or WebM video' }],
  });
}

function uploadInterrupted() {
  return problems.badRequest(
    'The upload was cut off before it finished; nothing was stored. Send it again.',
    'upload-interrupted',
  );
}

/** Whether the request ended without its whole body (the client's connection dropped). */
function isCutOff(body: Readable): boolean {
  return body.destroyed && !body.readableEnded;
}

/**
 * Resolves once a destroyed file stream has closed its file. An fs write stream destroyed with a
 * write in flight closes only when that write returns, and then reports ERR_STREAM_DESTROYED:
 * removing the temp file before then could race its creation (the open may still be pending) and
 * leave it behind. `finished` listens for that error, so it never goes unhandled.
 */
async function settled(stream: Writable): Promise<void> {
  if (stream.closed) return;
  await finished(stream).catch(() => undefined);
  if (!stream.closed) await new Promise((resolve) => stream.once('close', resolve));
}

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function prepared(
  kind: PreparedFile['kind'],
  mime: string,
  data: Buffer,
  info: { width: number; height: number } | null,
): PreparedFile {
  return {
    hash: sha256(data),
    kind,
    mime,
    byteSize: data.length,
    width: info?.width ?? null,
    height: info?.height ?? null,
    data,
  };
}
