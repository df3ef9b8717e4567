import { BARCODE_SYMBOLOGIES, BARCODE_SYMBOLOGIES_NUL, DLE, EOT, ESC, GS, LF } from './commands.js';

/**
 * ESC/POS bytes → what a printer would put on paper, for tests and the simulator's printer:
 * text lines with their size, weight and alignment, QR contents (GS ( k), barcodes (GS k) and
 * cuts, in order. Unknown commands are counted, never guessed at; input that stops in the
 * middle of a command is reported as truncated.
 */

export type DecodedAlign = 'left' | 'center' | 'right';

export interface DecodedLine {
  type: 'line';
  text: string;
  width: number;
  height: number;
  bold: boolean;
  align: DecodedAlign;
}

export type DecodedItem =
  | DecodedLine
  | { type: 'qr'; content: string }
  | { type: 'barcode'; symbology: string; data: string }
  | { type: 'image'; widthDots: number; heightDots: number }
  | { type: 'cut'; partial: boolean };

export interface DecodedPage {
  /** Non-empty text lines, as printed. */
  text: string[];
  qrCodes: string[];
  barcodes: Array<{ symbology: string; data: string }>;
  items: DecodedItem[];
}

export interface DecodedPrint extends DecodedPage {
  /** One page per cut (a trailing part with nothing printed after the last cut is dropped). */
  pages: DecodedPage[];
  cuts: number;
  /** DLE EOT n real-time status requests, by n, in order. */
  statusQueries: number[];
  unknownCommands: number;
  truncated: boolean;
}

/** PC437's upper half (code page 0, the printers' default). */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function cp437(byte: number): string {
  return byte < 0x80 ? String.fromCharCode(byte) : (CP437_HIGH[byte - 0x80] ?? '?');
}

class Truncated extends Error {}

export function decodeEscpos(bytes: Uint8Array): DecodedPrint {
  const items: DecodedItem[] = [];
  const statusQueries: number[] = [];
  let unknownCommands = 0;
  let truncated = false;

  let width = 1;
  let height = 1;
  let bold = false;
  let align: DecodedAlign = 'left';
  let line = '';
  let lineWidth = 1;
  let lineHeight = 1;
  let lineBold = false;
  let qrStored = '';
  let i = 0;

  const need = (count: number) => {
    if (i + count > bytes.length) throw new Truncated();
  };
  const at = (offset: number): number => bytes[i + offset] ?? 0;
  const endLine = () => {
    items.push({ type: 'line', text: line, width: lineWidth, height: lineHeight, bold: lineBold, align });
    line = '';
  };
  const reset = () => {
    width = 1;
    height = 1;
    bold = false;
    align = 'left';
  };

  try {
    while (i < bytes.length) {
      const byte = at(0);
      if (byte === LF) {
        endLine();
        i += 1;
      } else if (byte === 0x0d || byte === 0x00) {
        i += 1;
      } else if (byte === 0x09) {
        line += ' ';
        i += 1;
      } else if (byte === DLE) {
        need(3);
        if (at(1) === EOT) statusQueries.push(at(2));
        else unknownCommands += 1;
        i += 3;
      } else if (byte === ESC) {
        need(2);
        i += escCommand(at(1));
      } else if (byte === GS) {
        need(2);
        i += gsCommand(at(1));
      } else if (byte < 0x20) {
        unknownCommands += 1;
        i += 1;
      } else {
        if (line === '') {
          lineWidth = width;
          lineHeight = height;
          lineBold = bold;
        } else {
          lineWidth = Math.max(lineWidth, width);
          lineHeight = Math.max(lineHeight, height);
          lineBold ||= bold;
        }
        line += cp437(byte);
        i += 1;
      }
    }
  } catch (error) {
    if (!(error instanceof Truncated)) throw error;
    truncated = true;
  }
  if (line !== '') endLine();
  return summarize(items, statusQueries, unknownCommands, truncated);

  /** The length of the ESC command at i (ESC and its letter included). */
  function escCommand(command: number): number {
    switch (command) {
      case 0x40: // ESC @
        reset();
        return 2;
      case 0x21: // ESC ! n
        need(3);
        width = at(2) & 0x20 ? 2 : 1;
        height = at(2) & 0x10 ? 2 : 1;
        bold = (at(2) & 0x08) !== 0;
        return 3;
      case 0x45: // ESC E n
      case 0x47: // ESC G n
        need(3);
        bold = (at(2) & 1) === 1;
        return 3;
      case 0x61: // ESC a n
        need(3);
        align = (['left', 'center', 'right'] as const)[at(2) % 48] ?? 'left';
        return 3;
      case 0x64: // ESC d n: print and feed n lines
        need(3);
        if (line !== '') endLine();
        for (let n = 0; n < at(2); n += 1) endLine();
        return 3;
      case 0x2d: // ESC - n
      case 0x74: // ESC t n
      case 0x4d: // ESC M n
      case 0x4a: // ESC J n
      case 0x33: // ESC 3 n
      case 0x20: // ESC SP n
      case 0x3d: // ESC = n
      case 0x52: // ESC R n
      case 0x56: // ESC V n
      case 0x7b: // ESC { n
        need(3);
        return 3;
      case 0x32: // ESC 2
      case 0x34: // ESC 4 / ESC 5: italic on some printers (escpos' style() sends them)
      case 0x35:
        return 2;
      case 0x70: // ESC p m t1 t2
        need(5);
        return 5;
      default:
        unknownCommands += 1;
        return 2;
    }
  }

  /** The length of the GS command at i (GS and its letter included). */
  function gsCommand(command: number): number {
    switch (command) {
      case 0x21: // GS ! n
        need(3);
        width = ((at(2) >> 4) & 7) + 1;
        height = (at(2) & 7) + 1;
        return 3;
      case 0x56: {
        // GS V m [n]
        need(3);
        const m = at(2);
        const length = m === 65 || m === 66 ? 4 : 3;
        need(length);
        if (line !== '') endLine();
        items.push({ type: 'cut', partial: m === 1 || m === 49 || m === 66 });
        return length;
      }
      case 0x68: // GS h n
      case 0x77: // GS w n
      case 0x48: // GS H n
      case 0x66: // GS f n
      case 0x42: // GS B n
        need(3);
        return 3;
      case 0x6b:
        return barcode();
      case 0x28:
        return gsParen();
      case 0x76: {
        // GS v 0 m xL xH yL yH data: a raster image
        need(8);
        const widthBytes = at(4) + at(5) * 256;
        const heightDots = at(6) + at(7) * 256;
        need(8 + widthBytes * heightDots);
        items.push({ type: 'image', widthDots: widthBytes * 8, heightDots });
        return 8 + widthBytes * heightDots;
      }
      default:
        unknownCommands += 1;
        return 2;
    }
  }

  function barcode(): number {
    need(3);
    const m = at(2);
    if (m <= 6) {
      let end = i + 3;
      while (end < bytes.length && bytes[end] !== 0) end += 1;
      if (end >= bytes.length) throw new Truncated();
      const data = Buffer.from(bytes.subarray(i + 3, end)).toString('latin1');
      items.push({ type: 'barcode', symbology: BARCODE_SYMBOLOGIES_NUL[m] ?? `GS k ${m}`, data });
      return end + 1 - i;
    }
    need(4);
    const length = at(3);
    need(4 + length);
    const raw = Buffer.from(bytes.subarray(i + 4, i + 4 + length)).toString('latin1');
    const symbology = BARCODE_SYMBOLOGIES[m] ?? `GS k ${m}`;
    items.push({ type: 'barcode', symbology, data: symbology === 'CODE128' ? code128Text(raw) : raw });
    return 4 + length;
  }

  /** GS ( k pL pH cn fn …: 2D symbols. QR (cn 49): store (fn 80) then print (fn 81). */
  function gsParen(): number {
    need(5);
    const length = at(3) + at(4) * 256;
    need(5 + length);
    if (at(2) !== 0x6b) {
      unknownCommands += 1;
      return 5 + length;
    }
    const cn = at(5);
    const fn = at(6);
    if (cn === 49 && fn === 80) {
      qrStored = Buffer.from(bytes.subarray(i + 8, i + 5 + length)).toString('utf8');
    } else if (cn === 49 && fn === 81) {
      if (line !== '') endLine();
      items.push({ type: 'qr', content: qrStored });
    }
    return 5 + length;
  }
}

/** CODE128 data as sent in GS k 73: `{A`/`{B`/`{C` switch code sets; in C each byte is two digits. */
function code128Text(raw: string): string {
  let out = '';
  let set = 'B';
  for (let k = 0; k < raw.length; k += 1) {
    const char = raw[k];
    if (char === '{' && k + 1 < raw.length) {
      const next = raw[k + 1] ?? '';
      if ('ABC'.includes(next)) {
        set = next;
        k += 1;
        continue;
      }
      if (next === '{') {
        out += '{';
        k += 1;
        continue;
      }
    }
    out += set === 'C' ? String(raw.charCodeAt(k)).padStart(2, '0') : char;
  }
  return out;
}

function pageOf(items: DecodedItem[]): DecodedPage {
  return {
    text: items.flatMap((item) =>
      item.type === 'line' && item.text.trim() !== '' ? [item.text.trim()] : [],
    ),
    qrCodes: items.flatMap((item) => (item.type === 'qr' ? [item.content] : [])),
    barcodes: items.flatMap((item) =>
      item.type === 'barcode' ? [{ symbology: item.symbology, data: item.data }] : [],
    ),
    items,
  };
}

function summarize(
  items: DecodedItem[],
  statusQueries: number[],
  unknownCommands: number,
  truncated: boolean,
): DecodedPrint {
  const pages: DecodedPage[] = [];
  let current: DecodedItem[] = [];
  for (const item of items) {
    current.push(item);
    if (item.type === 'cut') {
      pages.push(pageOf(current));
      current = [];
    }
  }
  const rest = pageOf(current);
  if (rest.text.length > 0 || rest.qrCodes.length > 0 || rest.barcodes.length > 0) pages.push(rest);
  return {
    ...pageOf(items),
    pages,
    cuts: items.filter((item) => item.type === 'cut').length,
    statusQueries,
    unknownCommands,
    truncated,
  };
}
