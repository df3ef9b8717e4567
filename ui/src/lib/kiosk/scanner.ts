/**
 * Reads barcodes from the tablet's camera, offline: the browser's own BarcodeDetector where it has
 * one that knows the formats, else @zxing/browser (bundled, loaded only when a scan starts; no CDN).
 * A VIN label is Code 39 (door jamb), Data Matrix or QR (newer windshields); the reminder is QR.
 */
import type { DecodeHintType as HintType } from '@zxing/library';

export type ScanKind = 'vin' | 'qr';

const NATIVE_FORMATS: Record<ScanKind, string[]> = {
  vin: ['code_39', 'data_matrix', 'qr_code'],
  qr: ['qr_code'],
};

/** The part of the (not yet in lib.dom) BarcodeDetector API used here. */
interface NativeDetector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeDetector(kind: ScanKind): Promise<NativeDetector | null> {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const supported = await Detector.getSupportedFormats();
    const formats = NATIVE_FORMATS[kind].filter((f) => supported.includes(f));
    return formats.length === NATIVE_FORMATS[kind].length ? new Detector({ formats }) : null;
  } catch {
    return null;
  }
}

export interface ScanSession {
  stop(): void;
}

/** Whether this browser can open a camera at all (it needs https or localhost). */
export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/**
 * Starts the camera into `video` and calls `onText` with every code read until it returns true
 * (accepted) or the session is stopped. Rejects when there is no camera or it is refused.
 */
export async function startScan(
  video: HTMLVideoElement,
  kind: ScanKind,
  onText: (text: string) => boolean,
): Promise<ScanSession> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: false,
  });
  let stopped = false;
  let stopDecoder: () => void = () => undefined;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    stopDecoder();
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  try {
    const native = await nativeDetector(kind);
    if (native) {
      video.srcObject = stream;
      await video.play();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = async (): Promise<void> => {
        if (stopped) return;
        try {
          const codes = await native.detect(video);
          if (codes.some((code) => onText(code.rawValue))) return stop();
        } catch {
          // a frame that could not be read: the next one may
        }
        timer = setTimeout(() => void tick(), 150);
      };
      stopDecoder = () => clearTimeout(timer);
      void tick();
    } else {
      const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([
        import('@zxing/browser'),
        import('@zxing/library'),
      ]);
      const formats =
        kind === 'vin'
          ? [BarcodeFormat.CODE_39, BarcodeFormat.DATA_MATRIX, BarcodeFormat.QR_CODE]
          : [BarcodeFormat.QR_CODE];
      const hints = new Map<HintType, unknown>([
        [DecodeHintType.POSSIBLE_FORMATS, formats],
        [DecodeHintType.TRY_HARDER, true],
      ]);
      const reader = new BrowserMultiFormatReader(hints, { delayBetweenScanAttempts: 150 });
      const controls = await reader.decodeFromStream(stream, video, (result) => {
        if (result && !stopped && onText(result.getText())) stop();
      });
      stopDecoder = () => controls.stop();
      if (stopped) controls.stop();
    }
  } catch (error) {
    stop();
    throw error;
  }
  return { stop };
}
