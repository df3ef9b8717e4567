import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bwipjs from 'bwip-js/node';
import sharp from 'sharp';

/**
 * A fake camera for the kiosk's VIN scan: a VIN barcode (Code 39, as printed on door-jamb labels,
 * or Data Matrix) drawn with bwip-js, placed on a white frame and written as a YUV4MPEG2 (.y4m)
 * file. Chromium plays that file as its camera with
 * `--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>`, so the kiosk's
 * real scanner (getUserMedia → @zxing/browser) reads it as it would read a real label.
 */
export type VinBarcodeFormat = 'code39' | 'datamatrix';

/** A tablet's rear camera in 720p: a door-jamb label fills about half its width, as held at arm's length. */
export const CAMERA_WIDTH = 1280;
export const CAMERA_HEIGHT = 720;

/** The barcode as a PNG, as bwip-js draws it (also handy to feed a decoder directly). */
export async function vinBarcodePng(vin: string, format: VinBarcodeFormat = 'code39'): Promise<Buffer> {
  return bwipjs.toBuffer(
    format === 'code39'
      ? // Code 39 needs a wide quiet zone and tall bars to be found in a camera frame.
        {
          bcid: 'code39',
          text: vin,
          scale: 2,
          height: 18,
          paddingwidth: 20,
          paddingheight: 10,
          backgroundcolor: 'FFFFFF',
        }
      : {
          bcid: 'datamatrix',
          text: vin,
          scale: 6,
          paddingwidth: 6,
          paddingheight: 6,
          backgroundcolor: 'FFFFFF',
        },
  );
}

/**
 * Writes `frames` identical frames of the barcode, centred on white, as a .y4m file (4:2:0,
 * full-range "jpeg" chroma siting, the layout Chromium's file capturer expects) and returns its path.
 */
export async function vinCameraFile(
  vin: string,
  format: VinBarcodeFormat = 'code39',
  frames = 2,
): Promise<string> {
  const png = await vinBarcodePng(vin, format);
  const { data, info } = await sharp(png)
    .flatten({ background: '#ffffff' })
    // Only ever shrunk (never for the default scale): resampling blurs the narrow bars.
    .resize({ width: CAMERA_WIDTH - 40, height: CAMERA_HEIGHT - 40, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const frame = centredI420(data, info.width, info.height, info.channels);
  const header = Buffer.from(`YUV4MPEG2 W${CAMERA_WIDTH} H${CAMERA_HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const parts: Buffer[] = [header];
  for (let i = 0; i < frames; i += 1) parts.push(Buffer.from('FRAME\n'), frame);
  const dir = join(tmpdir(), 'ase-e2e-camera');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `vin-${vin}-${format}.y4m`);
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** RGB(A) pixels → one I420 frame of the camera's size, the image centred on white. */
function centredI420(rgb: Buffer, width: number, height: number, channels: number): Buffer {
  const W = CAMERA_WIDTH;
  const H = CAMERA_HEIGHT;
  const left = Math.floor((W - width) / 2);
  const top = Math.floor((H - height) / 2);
  const luma = Buffer.alloc(W * H, 255);
  const cb = Buffer.alloc((W / 2) * (H / 2), 128);
  const cr = Buffer.alloc((W / 2) * (H / 2), 128);
  const rgbAt = (x: number, y: number): [number, number, number] => {
    const ix = x - left;
    const iy = y - top;
    if (ix < 0 || iy < 0 || ix >= width || iy >= height) return [255, 255, 255];
    const o = (iy * width + ix) * channels;
    return [rgb[o]!, rgb[o + 1]!, rgb[o + 2]!];
  };
  // BT.601 full range (JFIF), the same matrix the "jpeg" chroma tag announces.
  for (let y = 0; y < H; y += 1)
    for (let x = 0; x < W; x += 1) {
      const [r, g, b] = rgbAt(x, y);
      luma[y * W + x] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
    }
  for (let y = 0; y < H / 2; y += 1)
    for (let x = 0; x < W / 2; x += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const [pr, pg, pb] = rgbAt(2 * x + dx, 2 * y + dy);
        r += pr / 4;
        g += pg / 4;
        b += pb / 4;
      }
      cb[y * (W / 2) + x] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      cr[y * (W / 2) + x] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  return Buffer.concat([luma, cb, cr]);
}

const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));

/** Chromium flags that make `file` the camera and grant camera access without a prompt. */
export function fakeCameraArgs(file: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
  ];
}
