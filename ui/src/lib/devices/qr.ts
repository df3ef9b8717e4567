import { create } from 'qrcode';

/** Light modules around the code, as the QR standard asks, so a phone camera finds its edges. */
export const QUIET_ZONE = 4;

export interface QrDrawing {
  /** Width and height in modules, the quiet zone included: the SVG's viewBox. */
  size: number;
  /** One SVG path of every dark module (a unit square each). */
  path: string;
}

/**
 * The QR code of `text` as SVG geometry, drawn by the page itself (no image request, no inline
 * HTML). Level M: a pairing string (~300 characters) still fits a code a phone reads off a screen.
 */
export function qrDrawing(text: string): QrDrawing {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}
