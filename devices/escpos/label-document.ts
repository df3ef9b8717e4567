/**
 * A label as data: what is printed and what the preview draws come from this one value, so the
 * screen can never show a label the printer would not print. Each page ends with a cut.
 */

export type LabelKind = 'key-tag' | 'oil-sticker' | 'bin-labels';

export type LabelAlign = 'left' | 'center' | 'right';

export type LabelBlock =
  /** `scale` multiplies the character both ways (1-8, ESC/POS GS !). */
  | { type: 'text'; text: string; scale: number; bold: boolean; align: LabelAlign }
  /** `moduleDots`: the printed size of one QR module in printer dots (1-16). */
  | { type: 'qr'; content: string; moduleDots: number }
  /** CODE128 (code set B: printable ASCII), human-readable text printed below. */
  | { type: 'barcode'; symbology: 'CODE128'; data: string; heightDots: number }
  | { type: 'rule' }
  | { type: 'feed'; lines: number };

export type LabelPage = LabelBlock[];

export interface LabelDocument {
  kind: LabelKind;
  /** Printable width: 58 and 80 mm rolls are the common ones (48 / 72 mm printable). */
  widthMm: number;
  pages: LabelPage[];
}

/** Characters per line at scale 1 in font A (12 dots wide at 203 dpi ≈ 8 dots/mm). */
export function charsPerLine(widthMm: number): number {
  return Math.max(16, Math.floor((widthMm * 8) / 12));
}
