import { mkdirSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  renderPreviewSvg,
  startCaptureServer,
  type DecodedPrint,
  type LabelBlock,
  type LabelDocument,
} from '../escpos/index.js';
import type { Log } from './device-client.js';

export interface VirtualPrinterOptions {
  host: string;
  /** 0 takes a free port (tests). */
  port: number;
  /** Where each label goes, as NNNN.png and NNNN.txt. */
  out: string;
  /** The roll's printable width (72 mm on an 80 mm roll). */
  widthMm?: number;
  log: Log;
}

export interface VirtualPrinter {
  readonly port: number;
  /** The files written so far (png and txt), in order. */
  readonly files: readonly string[];
  close(): Promise<void>;
}

/** Sizes the bytes do not carry; the preview draws them as the label renderer prints them by default. */
const QR_MODULE_DOTS = 6;
const BARCODE_HEIGHT_DOTS = 80;

/** What was printed, as a person reads it off the paper: one page per cut. */
export function labelText(print: DecodedPrint): string {
  return print.pages
    .map((page) =>
      page.items
        .flatMap((item) => {
          switch (item.type) {
            case 'line':
              return item.text === '' ? [] : [item.text];
            case 'qr':
              return [`[QR] ${item.content}`];
            case 'barcode':
              return [`[${item.symbology}] ${item.data}`];
            case 'image':
              return [`[image ${item.widthDots}×${item.heightDots} dots]`];
            case 'cut':
              return [];
          }
        })
        .join('\n'),
    )
    .join('\n--- cut ---\n');
}

/** The decoded print as a label document, so PRINT's own preview renderer draws the PNG. */
export function documentOf(print: DecodedPrint, widthMm: number): LabelDocument {
  const pages = print.pages.map((page) =>
    page.items.flatMap((item): LabelBlock[] => {
      switch (item.type) {
        case 'line':
          if (item.text === '') return [{ type: 'feed', lines: 1 }];
          return [
            {
              type: 'text',
              text: item.text,
              scale: Math.max(item.width, item.height),
              bold: item.bold,
              align: item.align,
            },
          ];
        case 'qr':
          return [{ type: 'qr', content: item.content, moduleDots: QR_MODULE_DOTS }];
        case 'barcode':
          return item.symbology === 'CODE128'
            ? [{ type: 'barcode', symbology: 'CODE128', data: item.data, heightDots: BARCODE_HEIGHT_DOTS }]
            : [
                {
                  type: 'text',
                  text: `[${item.symbology}] ${item.data}`,
                  scale: 1,
                  bold: false,
                  align: 'center',
                },
              ];
        case 'image':
          return [
            {
              type: 'text',
              text: `[image ${item.widthDots}×${item.heightDots}]`,
              scale: 1,
              bold: false,
              align: 'center',
            },
          ];
        case 'cut':
          return [];
      }
    }),
  );
  const kind = print.barcodes.length > 0 ? 'bin-labels' : 'key-tag';
  return { kind, widthMm, pages };
}

/**
 * A network thermal printer on a TCP port (9100 on real ones): it decodes what ASE sends with
 * PRINT's capture server and writes each label as a PNG (the SVG preview rendered by sharp) and as
 * text, numbered after whatever the folder already holds.
 */
export async function startVirtualPrinter(options: VirtualPrinterOptions): Promise<VirtualPrinter> {
  mkdirSync(options.out, { recursive: true });
  let number = readdirSync(options.out).filter((n) => /^\d+\.txt$/.test(n)).length;
  const files: string[] = [];
  let writing = Promise.resolve();
  const capture = await startCaptureServer({ host: options.host, port: options.port });
  capture.onCapture((received) => {
    number += 1;
    const base = join(options.out, String(number).padStart(4, '0'));
    const text = labelText(received.decoded);
    writing = writing
      .then(async () => {
        await writeFile(`${base}.txt`, `${text}\n`);
        const svg = renderPreviewSvg(documentOf(received.decoded, options.widthMm ?? 72));
        await sharp(Buffer.from(svg)).png().toFile(`${base}.png`);
        files.push(`${base}.png`, `${base}.txt`);
        options.log(
          `printer: label ${number} (${received.bytes.length} bytes) → ${base}.png: ${text.split('\n')[0] ?? ''}`,
        );
      })
      .catch((error: unknown) =>
        options.log(`printer: could not write label ${number}: ${(error as Error).message}`),
      );
  });
  options.log(`printer: listening on ${capture.host}:${capture.port}, labels go to ${options.out}`);
  return {
    get port() {
      return capture.port;
    },
    files,
    close: async () => {
      await capture.close();
      await writing;
    },
  };
}
