import QRCode from 'qrcode';
import { code128BWidths } from './code128.js';
import type { LabelBlock, LabelDocument } from './label-document.js';

/**
 * A label document → an SVG of the paper, in printer dots (203 dpi: 8 dots per mm), drawn from
 * the same blocks `renderEscpos` prints: font A lines 24 dots high times the text's scale, the
 * QR code at its module size, CODE128 at 2 dots per module. Pages are separated by a cut line.
 */

const DOTS_PER_MM = 8;
const CELL_HEIGHT = 24;
const MARGIN = 8;
const BARCODE_MODULE = 2;

export function renderPreviewSvg(document: LabelDocument): string {
  const width = document.widthMm * DOTS_PER_MM;
  const parts: string[] = [];
  let y = MARGIN;
  document.pages.forEach((page, index) => {
    if (index > 0) {
      parts.push(`<line x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="#999" stroke-dasharray="8 6"/>`);
      y += MARGIN * 2;
    }
    for (const block of page) y = drawBlock(block, width, y, parts);
    y += CELL_HEIGHT; // the feed before the cut
  });
  const height = y + MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(`${document.kind} label preview`)}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...parts,
    '</svg>',
  ].join('');
}

function drawBlock(block: LabelBlock, width: number, y: number, parts: string[]): number {
  switch (block.type) {
    case 'text': {
      const scale = Math.min(8, Math.max(1, Math.round(block.scale)));
      const anchor = { left: 'start', center: 'middle', right: 'end' }[block.align];
      const x = { left: MARGIN, center: width / 2, right: width - MARGIN }[block.align];
      const lineHeight = CELL_HEIGHT * scale;
      parts.push(
        `<text x="${x}" y="${y + lineHeight * 0.8}" font-family="monospace" font-size="${lineHeight * 0.9}" ` +
          `font-weight="${block.bold ? 700 : 400}" text-anchor="${anchor}" fill="#000">${escapeXml(block.text)}</text>`,
      );
      return y + lineHeight;
    }
    case 'qr': {
      const modules = QRCode.create(block.content, { errorCorrectionLevel: 'M' }).modules;
      const size = modules.size * block.moduleDots;
      const left = Math.round((width - size) / 2);
      const cells: string[] = [];
      for (let row = 0; row < modules.size; row += 1) {
        for (let column = 0; column < modules.size; column += 1) {
          if (modules.get(row, column)) {
            cells.push(
              `M${left + column * block.moduleDots} ${y + row * block.moduleDots}h${block.moduleDots}v${block.moduleDots}h-${block.moduleDots}z`,
            );
          }
        }
      }
      parts.push(`<path d="${cells.join('')}" fill="#000" data-qr="${escapeXml(block.content)}"/>`);
      return y + size + CELL_HEIGHT;
    }
    case 'barcode': {
      const widths = code128BWidths(block.data);
      const total = widths.reduce((sum, w) => sum + w, 0) * BARCODE_MODULE;
      let x = Math.round((width - total) / 2);
      const bars: string[] = [];
      widths.forEach((w, index) => {
        if (index % 2 === 0)
          bars.push(`M${x} ${y}h${w * BARCODE_MODULE}v${block.heightDots}h-${w * BARCODE_MODULE}z`);
        x += w * BARCODE_MODULE;
      });
      parts.push(`<path d="${bars.join('')}" fill="#000" data-barcode="${escapeXml(block.data)}"/>`);
      const textY = y + block.heightDots + CELL_HEIGHT * 0.8;
      parts.push(
        `<text x="${width / 2}" y="${textY}" font-family="monospace" font-size="${CELL_HEIGHT * 0.9}" text-anchor="middle" fill="#000">${escapeXml(block.data)}</text>`,
      );
      return y + block.heightDots + CELL_HEIGHT * 2;
    }
    case 'rule':
      parts.push(
        `<line x1="${MARGIN}" y1="${y + CELL_HEIGHT / 2}" x2="${width - MARGIN}" y2="${y + CELL_HEIGHT / 2}" stroke="#000" stroke-width="2"/>`,
      );
      return y + CELL_HEIGHT;
    case 'feed':
      return y + CELL_HEIGHT * block.lines;
  }
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
