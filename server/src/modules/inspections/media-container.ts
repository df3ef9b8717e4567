/**
 * What video container a file's first bytes are, read as a structure rather than matched as a
 * magic string: a file that merely contains `ftyp` at offset 4 (an HTML page starting `<!--ftyp`)
 * or `webm` somewhere in its first bytes is not a video. Nothing is decoded; this only decides
 * whether the bytes are laid out as an MP4/MOV or a WebM/Matroska file begins.
 */

export type VideoMime = 'video/mp4' | 'video/quicktime' | 'video/webm' | 'video/x-matroska';

/** How many leading bytes the check needs at most: the ftyp box and the next box's header, or the EBML header. */
export const CONTAINER_HEAD_BYTES = 1024;

/** Largest ftyp box taken as plausible: 16 bytes plus a long list of compatible brands. */
const MAX_FTYP_SIZE = 512;

/**
 * Major brands of ISO base media files that carry video (ISO/IEC 14496-12 and -14, 3GPP, Apple,
 * DASH/CMAF, Sony, Adobe). Image (heic, avif, mif1) and audio-only (M4A) brands are not videos.
 */
const VIDEO_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'dash',
  'cmfc',
  'cmf2',
  'M4V ',
  'M4VH',
  'M4VP',
  'MSNV',
  'XAVC',
  'f4v ',
  'mmp4',
  '3gp4',
  '3gp5',
  '3gp6',
  '3gp7',
  '3gp8',
  '3gp9',
  '3gg6',
  '3g2a',
  '3g2b',
  '3g2c',
  'qt  ',
]);

/** Top-level boxes that follow ftyp in real MP4/MOV files (moov/mdat, padding, fragments, metadata). */
const TOP_LEVEL_BOXES = new Set([
  'moov',
  'mdat',
  'free',
  'skip',
  'wide',
  'uuid',
  'pdin',
  'meta',
  'moof',
  'mfra',
  'sidx',
  'styp',
  'prft',
  'emsg',
  'pnot',
]);

/** The container named by a file's first bytes (up to CONTAINER_HEAD_BYTES of them), or null. */
export function sniffVideoContainer(head: Buffer): VideoMime | null {
  return sniffIsoMedia(head) ?? sniffEbml(head);
}

/**
 * ISO base media (MP4, MOV, 3GP): [size:4]['ftyp'][major brand:4][minor version:4][compatible
 * brands:4×n], then the next top-level box's [size:4][type:4]. The size must be the box's real
 * length (a multiple of 4 past the fixed 16 bytes, small), the major brand a known video family,
 * and the box after it one a video file has.
 */
function sniffIsoMedia(head: Buffer): VideoMime | null {
  if (head.length < 16 || head.toString('latin1', 4, 8) !== 'ftyp') return null;
  const size = head.readUInt32BE(0);
  if (size < 16 || size > MAX_FTYP_SIZE || (size - 16) % 4 !== 0) return null;
  const brand = head.toString('latin1', 8, 12);
  if (!VIDEO_BRANDS.has(brand)) return null;
  for (let at = 16; at < Math.min(size, head.length); at += 4) if (!isPrintableFourCc(head, at)) return null; // compatible brands are four printable characters
  // The next box must be there: a file that is only an ftyp box (or ftyp then text) is no video.
  if (head.length < size + 8) return null;
  const nextSize = head.readUInt32BE(size);
  const nextType = head.toString('latin1', size + 4, size + 8);
  // 0 = runs to the end of the file, 1 = a 64-bit size follows; otherwise at least its own header.
  if (nextSize !== 0 && nextSize !== 1 && nextSize < 8) return null;
  if (!TOP_LEVEL_BOXES.has(nextType)) return null;
  return brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
}

function isPrintableFourCc(buffer: Buffer, at: number): boolean {
  if (at + 4 > buffer.length) return true; // beyond the head: not looked at
  for (let i = at; i < at + 4; i++) {
    const byte = buffer[i]!;
    if (byte < 0x20 || byte > 0x7e) return false;
  }
  return true;
}

const EBML_ID = 0x1a45dfa3;
const DOCTYPE_ID = 0x4282;
const SEGMENT_ID = 0x18538067;

/**
 * EBML (WebM, Matroska): the EBML header element (ID 1A 45 DF A3, a size, then child elements)
 * must parse cleanly within its stated size, hold a DocType of `webm` or `matroska`, and be
 * followed by the Segment element that carries the media.
 */
function sniffEbml(head: Buffer): VideoMime | null {
  if (head.length < 5 || head.readUInt32BE(0) !== EBML_ID) return null;
  const headerSize = readVint(head, 4, true);
  if (headerSize === null || headerSize.value > 256) return null;
  const bodyStart = 4 + headerSize.length;
  const bodyEnd = bodyStart + headerSize.value;
  if (bodyEnd + 4 > head.length) return null;
  let docType: string | null = null;
  for (let at = bodyStart; at < bodyEnd;) {
    const id = readVint(head, at, false);
    if (id === null) return null;
    const size = readVint(head, at + id.length, true);
    if (size === null) return null;
    const dataStart = at + id.length + size.length;
    const dataEnd = dataStart + size.value;
    if (dataEnd > bodyEnd) return null; // a child running past its parent: not EBML
    if (id.value === DOCTYPE_ID) docType = head.toString('latin1', dataStart, dataEnd).replace(/\0+$/, '');
    at = dataEnd;
  }
  if (head.readUInt32BE(bodyEnd) !== SEGMENT_ID) return null;
  if (docType === 'webm') return 'video/webm';
  if (docType === 'matroska') return 'video/x-matroska';
  return null;
}

/**
 * An EBML variable-length integer at `at`: the count of leading zero bits of the first byte says
 * how many bytes follow. IDs keep their marker bit (0x4282 is DocType); sizes drop it. A size of
 * all ones ("unknown") is refused: the header's elements always state theirs.
 */
function readVint(buffer: Buffer, at: number, isSize: boolean): { value: number; length: number } | null {
  if (at >= buffer.length) return null;
  const first = buffer[at]!;
  if (first === 0) return null;
  const length = Math.clz32(first) - 23; // 1 for 0b1xxxxxxx … 8 for 0b00000001
  const maxLength = isSize ? 8 : 4;
  if (length > maxLength || at + length > buffer.length) return null;
  let value = isSize ? first & (0xff >> length) : first;
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = buffer[at + i]!;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  if (isSize && allOnes) return null;
  return { value, length };
}
