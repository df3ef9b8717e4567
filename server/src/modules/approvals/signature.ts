import sharp from 'sharp';
import { problems } from '../../lib/problem.js';

const PREFIX = 'data:image/png;base64,';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** A drawn signature on a phone is a few tens of KB; anything over this is not one. */
const MAX_BYTES = 512 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG bytes of a `data:image/png;base64,...` URL, or a 400 naming `signature`. */
export function decodeSignatureDataUrl(dataUrl: string): Buffer {
  const base64 = dataUrl.startsWith(PREFIX) ? dataUrl.slice(PREFIX.length) : '';
  if (base64.length === 0 || base64.length % 4 !== 0 || !BASE64.test(base64))
    throw problems.validation([{ path: 'signature', message: 'is not a PNG data URL' }]);
  const png = Buffer.from(base64, 'base64');
  // Checked before any decoder sees it: only PNG (no SVG or other formats sharp would also read).
  if (!png.subarray(0, 8).equals(PNG_MAGIC))
    throw problems.validation([{ path: 'signature', message: 'is not a PNG image' }]);
  if (png.length > MAX_BYTES)
    throw problems.validation([{ path: 'signature', message: `is larger than ${MAX_BYTES / 1024} KB` }]);
  return png;
}

/** A dark pixel: part of a stroke (strokes are dark on a transparent or white background). */
const INK = 160;

/**
 * Refuses a signature that is not an image or has nothing drawn on it (an untouched canvas is a
 * valid, fully transparent PNG). Strokes are dark on a transparent or white background.
 * `minInkPixels`: how many dark pixels make a signature rather than a tap (the kiosk refuses a
 * dot of a few pixels; the approval link takes any mark).
 */
export async function ensureSignatureDrawn(png: Buffer, { minInkPixels = 1 } = {}): Promise<void> {
  let pixels: Buffer;
  try {
    // Rendered to raw grey pixels first: sharp's stats() reads the input, not the pipeline's output.
    pixels = await sharp(png, { limitInputPixels: 4_000_000 })
      .flatten({ background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer();
  } catch {
    throw problems.validation([{ path: 'signature', message: 'is not a readable PNG image' }]);
  }
  let ink = 0;
  for (const value of pixels) if (value <= INK) ink += 1;
  if (ink === 0) throw problems.validation([{ path: 'signature', message: 'is blank: please sign' }]);
  if (ink < minInkPixels)
    throw problems.validation([{ path: 'signature', message: 'is too small: please sign your name' }]);
}
