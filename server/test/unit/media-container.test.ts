import { describe, expect, it } from 'vitest';
import { CONTAINER_HEAD_BYTES, sniffVideoContainer } from '../../src/modules/inspections/media-container.js';

/** Bytes from hex with spaces, and text, in order. */
function bytes(...parts: (string | Buffer)[]): Buffer {
  return Buffer.concat(
    parts.map((part) => (Buffer.isBuffer(part) ? part : Buffer.from(part.replace(/\s+/g, ''), 'hex'))),
  );
}

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** The start of a file as phones and browsers write them, then filler up to `size`. */
function file(head: Buffer, size = 2048): Buffer {
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x55)]);
}

// ftyp boxes as real recorders write them, each followed by the box that comes next.
const ffmpegMp4 = bytes(
  '00000020',
  ascii('ftypisom'),
  '00000200',
  ascii('isomiso2avc1mp41'),
  '00000008',
  ascii('free'),
);
const androidMp4 = bytes(
  '00000018',
  ascii('ftypmp42'),
  '00000000',
  ascii('isommp42'),
  '0001a2b3',
  ascii('mdat'),
);
const iphoneMov = bytes('00000014', ascii('ftypqt  '), '00000000', ascii('qt  '), '00000008', ascii('wide'));
const threeGp = bytes(
  '00000018',
  ascii('ftyp3gp4'),
  '00000000',
  ascii('isom3gp4'),
  '00000000',
  ascii('moov'),
);
// Chrome's MediaRecorder: EBML header (version 1, max ID 4, max size 8, DocType webm v4/2), Segment of unknown size.
const chromeWebm = bytes(
  '1a45dfa3 9f 4286 81 01 42f7 81 01 42f2 81 04 42f3 81 08 4282 84',
  ascii('webm'),
  '4287 81 04 4285 81 02 18538067 01ffffffffffffff',
);
const mkv = bytes(
  '1a45dfa3 a3 4286 81 01 42f7 81 01 42f2 81 04 42f3 81 08 4282 88',
  ascii('matroska'),
  '4287 81 04 4285 81 02 18538067 01ffffffffffffff',
);

describe('sniffVideoContainer', () => {
  it('recognizes MP4, MOV, 3GP, WebM and Matroska laid out as recorders write them', () => {
    expect(sniffVideoContainer(file(ffmpegMp4))).toBe('video/mp4');
    expect(sniffVideoContainer(file(androidMp4))).toBe('video/mp4');
    expect(sniffVideoContainer(file(iphoneMov))).toBe('video/quicktime');
    expect(sniffVideoContainer(file(threeGp))).toBe('video/mp4');
    expect(sniffVideoContainer(file(chromeWebm))).toBe('video/webm');
    expect(sniffVideoContainer(file(mkv))).toBe('video/x-matroska');
  });

  it('refuses HTML dressed as a video: magic bytes without the structure around them', () => {
    const page = ascii('<html><script>alert(document.cookie)</script></html>');
    // `ftyp` at offset 4 of an HTML comment: the old check took it for an MP4.
    expect(sniffVideoContainer(file(bytes(ascii('<!--ftypisom-->'), page)))).toBeNull();
    // A plausible ftyp box, then a page instead of the next box.
    expect(
      sniffVideoContainer(file(bytes('00000018', ascii('ftypisom'), '00000000', ascii('isomiso2'), page))),
    ).toBeNull();
    // The EBML magic, then a page that says "webm".
    expect(sniffVideoContainer(file(bytes('1a45dfa3', ascii('<html>webm</html>'), page)))).toBeNull();
    expect(sniffVideoContainer(file(page))).toBeNull();
  });

  it('refuses an ftyp box whose size, brand or successor is not one a video file has', () => {
    const ftyp = (size: string, brand: string, next = bytes('00000008', ascii('free'))) =>
      file(bytes(size, ascii(`ftyp${brand}`), '00000000', ascii('isomiso2'), next));
    expect(sniffVideoContainer(ftyp('00000018', 'isom'))).toBe('video/mp4'); // the control
    expect(sniffVideoContainer(ftyp('00000001', 'isom'))).toBeNull(); // 64-bit size: no ftyp is that big
    expect(sniffVideoContainer(ftyp('0000000c', 'isom'))).toBeNull(); // shorter than its fixed fields
    expect(sniffVideoContainer(ftyp('00000019', 'isom'))).toBeNull(); // brands come in fours
    expect(sniffVideoContainer(ftyp('00100000', 'isom'))).toBeNull(); // a megabyte of brands
    expect(sniffVideoContainer(ftyp('00000018', 'heic'))).toBeNull(); // an iPhone photo, not a video
    expect(sniffVideoContainer(ftyp('00000018', 'avif'))).toBeNull();
    expect(sniffVideoContainer(ftyp('00000018', 'M4A '))).toBeNull(); // audio only
    expect(sniffVideoContainer(ftyp('00000018', '<htm'))).toBeNull();
    expect(sniffVideoContainer(ftyp('00000018', 'isom', bytes('00000004', ascii('free'))))).toBeNull();
    expect(sniffVideoContainer(ftyp('00000018', 'isom', bytes('00000008', ascii('<!--'))))).toBeNull();
    // Compatible brands that are not text.
    expect(
      sniffVideoContainer(
        file(bytes('00000018', ascii('ftypisom'), '00000000', '0001020304050607', '00000008', ascii('free'))),
      ),
    ).toBeNull();
    // An ftyp box and nothing after it.
    expect(
      sniffVideoContainer(bytes('00000018', ascii('ftypisom'), '00000000', ascii('isomiso2'))),
    ).toBeNull();
  });

  it('refuses an EBML header that does not parse, names no video DocType or is not followed by a Segment', () => {
    const ebml = (body: Buffer, after = bytes('18538067 01ffffffffffffff')) =>
      file(bytes('1a45dfa3', Buffer.from([0x80 | body.length]), body, after));
    const docType = (name: string) => bytes('4282', Buffer.from([0x80 | name.length]), ascii(name));
    expect(sniffVideoContainer(ebml(docType('webm')))).toBe('video/webm'); // the control
    expect(sniffVideoContainer(ebml(docType('webm\0\0')))).toBe('video/webm'); // padded, as allowed
    expect(sniffVideoContainer(ebml(docType('html')))).toBeNull();
    expect(sniffVideoContainer(ebml(bytes('4286 81 01')))).toBeNull(); // no DocType at all
    expect(sniffVideoContainer(ebml(docType('webm'), bytes('1f43b675 01ffffffffffffff')))).toBeNull(); // a Cluster, not a Segment
    // A child claiming more bytes than its parent holds.
    expect(sniffVideoContainer(ebml(bytes('4282 8a', ascii('webm'))))).toBeNull();
    // Unknown size (all ones) for the header itself.
    expect(sniffVideoContainer(file(bytes('1a45dfa3 ff', docType('webm'), '18538067')))).toBeNull();
    // A zero byte where an ID or size starts is no valid EBML number.
    expect(sniffVideoContainer(ebml(bytes('00', docType('webm'))))).toBeNull();
    // Cut off inside the header.
    expect(sniffVideoContainer(chromeWebm.subarray(0, 20))).toBeNull();
  });

  it('needs no more than CONTAINER_HEAD_BYTES and answers null for anything short', () => {
    for (const head of [ffmpegMp4, iphoneMov, chromeWebm])
      expect(sniffVideoContainer(file(head, 64 * 1024).subarray(0, CONTAINER_HEAD_BYTES))).not.toBeNull();
    for (let length = 0; length < 16; length++)
      expect(sniffVideoContainer(file(androidMp4).subarray(0, length))).toBeNull();
    expect(sniffVideoContainer(Buffer.alloc(0))).toBeNull();
  });
});
