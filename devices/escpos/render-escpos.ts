import escpos from 'escpos';
import { ESC, GS } from './commands.js';
import type { LabelBlock, LabelDocument } from './label-document.js';

/**
 * A label document → the ESC/POS bytes an Epson-compatible thermal printer prints.
 *
 * The `escpos` package (2.5.2) builds the buffer: reset, alignment, character size, text in the
 * printer's code page (PC437), feeds and the cut. Two of its commands were measured wrong for
 * these printers and are written here as bytes instead:
 * - `qrcode()` sends `GS Z`/`ESC Z` (not Epson's `GS ( k`); its "qsprinter" variant adds a
 *   proprietary `ESC ##QPIX` and gives the print function a wrong length;
 * - `barcode(…, 'CODE128')` drops the length byte for data shorter than 16 characters
 *   (`Buffer.from('7', 'hex')` is empty), never selects a code set (`{B`) and appends a NUL.
 */
export function renderEscpos(document: LabelDocument): Buffer {
  const printer = new escpos.Printer(
    { write: () => undefined, close: () => undefined },
    { encoding: 'cp437' },
  );
  printer.hardware('init');
  printer.print(Buffer.from([ESC, 0x74, 0])); // ESC t 0: code page PC437, what `text` encodes to
  for (const page of document.pages) {
    for (const block of page) writeBlock(printer, block);
    printer.cut(true, 4);
  }
  return printer.buffer.flush();
}

const ALIGN = { left: 'lt', center: 'ct', right: 'rt' } as const;

function writeBlock(printer: InstanceType<typeof escpos.Printer>, block: LabelBlock): void {
  switch (block.type) {
    case 'text':
      printer.align(ALIGN[block.align]);
      // GS ! always (not ESC !): escpos' size(1, 1) writes only ESC ! 0, which on some printers
      // leaves a previous GS ! size standing.
      printer.print(
        Buffer.from([GS, 0x21, ((clampScale(block.scale) - 1) << 4) | (clampScale(block.scale) - 1)]),
      );
      printer.print(Buffer.from([ESC, 0x45, block.bold ? 1 : 0])); // ESC E n: emphasized
      printer.text(block.text, 'cp437');
      printer.print(Buffer.from([GS, 0x21, 0, ESC, 0x45, 0]));
      return;
    case 'qr':
      printer.align('ct');
      printer.print(qrBytes(block.content, block.moduleDots));
      printer.feed(1);
      return;
    case 'barcode':
      printer.align('ct');
      printer.print(code128Bytes(block.data, block.heightDots));
      printer.feed(1);
      return;
    case 'rule':
      printer.align('lt');
      printer.text('-'.repeat(32), 'cp437');
      return;
    case 'feed':
      printer.feed(block.lines);
      return;
  }
}

function clampScale(scale: number): number {
  return Math.min(8, Math.max(1, Math.round(scale)));
}

/** Epson GS ( k, QR model 2: module size, error correction M, store the data, print it. */
export function qrBytes(content: string, moduleDots: number): Buffer {
  const data = Buffer.from(content, 'utf8');
  if (data.length > 7089) throw new RangeError('QR content is over 7089 bytes');
  const gsk = (...bytes: number[]) => Buffer.from([GS, 0x28, 0x6b, ...bytes]);
  const storeLength = data.length + 3;
  return Buffer.concat([
    gsk(4, 0, 49, 65, 50, 0), // fn 165: model 2
    gsk(3, 0, 49, 67, Math.min(16, Math.max(1, Math.round(moduleDots)))), // fn 167: module size
    gsk(3, 0, 49, 69, 49), // fn 169: error correction M (15 %)
    gsk(storeLength & 0xff, storeLength >> 8, 49, 80, 48), // fn 180: store
    data,
    gsk(3, 0, 49, 81, 48), // fn 181: print
  ]);
}

/** GS k 73 (function B): CODE128 in code set B, human-readable text below, height in dots. */
export function code128Bytes(data: string, heightDots: number): Buffer {
  const payload = Buffer.from(`{B${data}`, 'latin1');
  if (payload.length > 255) throw new RangeError('CODE128 data is over 253 characters');
  return Buffer.concat([
    Buffer.from([GS, 0x68, Math.min(255, Math.max(1, Math.round(heightDots)))]), // GS h: height
    Buffer.from([GS, 0x77, 2]), // GS w: module width
    Buffer.from([GS, 0x48, 2]), // GS H: HRI below
    Buffer.from([GS, 0x6b, 73, payload.length]),
    payload,
  ]);
}
