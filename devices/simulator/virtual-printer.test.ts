import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { binLabelsDocument, keyTagDocument, renderEscpos, sendToTcpPrinter } from '../escpos/index.js';
import { startVirtualPrinter, type VirtualPrinter } from './virtual-printer.js';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ase-sim-printer-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function printer(out: string, lines: string[] = []): Promise<VirtualPrinter> {
  const started = await startVirtualPrinter({ host: '127.0.0.1', port: 0, out, log: (l) => lines.push(l) });
  cleanup.push(() => started.close());
  return started;
}

/** The label files appear once the sender has closed and the PNG is rendered: wait, bounded. */
async function filesOf(p: VirtualPrinter, count: number): Promise<readonly string[]> {
  for (let i = 0; i < 250 && p.files.length < count; i++) await new Promise((r) => setTimeout(r, 20));
  return p.files;
}

const keyTag = keyTagDocument({
  roNumber: '1042',
  customerLastName: 'Okafor',
  vehicle: '2019 Honda Civic',
  promised: 'Mon 7 Dec 4:30 PM',
  roUrl: 'https://shop.local/repair-orders/0193a000-0000-7000-8000-000000000042',
});

describe('the virtual ESC/POS printer', () => {
  it('writes a key tag it receives over TCP as text (with the QR content) and as a PNG', async () => {
    const out = folder();
    const lines: string[] = [];
    const p = await printer(out, lines);
    const result = await sendToTcpPrinter({ host: '127.0.0.1', port: p.port }, renderEscpos(keyTag));
    expect(result.status & 0x08).toBe(0); // it answered the status query as an online printer

    expect(await filesOf(p, 2)).toEqual([join(out, '0001.png'), join(out, '0001.txt')]);
    expect(readFileSync(join(out, '0001.txt'), 'utf8')).toBe(
      [
        '1042',
        'Okafor',
        '2019 Honda Civic',
        'Promised Mon 7 Dec 4:30 PM',
        '[QR] https://shop.local/repair-orders/0193a000-0000-7000-8000-000000000042',
        '',
      ].join('\n'),
    );
    const png = await sharp(join(out, '0001.png')).metadata();
    expect(png.format).toBe('png');
    expect(png.width).toBe(72 * 8);
    expect(png.height).toBeGreaterThan(300);
    expect(lines.some((l) => l.includes('label 1') && l.includes('1042'))).toBe(true);
  });

  it('keeps one page per cut with the barcodes, and numbers after the labels already in the folder', async () => {
    const out = folder();
    const first = await printer(out);
    await sendToTcpPrinter({ host: '127.0.0.1', port: first.port }, renderEscpos(keyTag));
    await filesOf(first, 2);
    await first.close();

    const second = await printer(out);
    const bins = binLabelsDocument([
      { sku: 'BRK-PAD-0042', name: 'Brake pads, front', bin: 'A3' },
      { sku: 'OIL-5W30-5L', name: 'Engine oil 5W-30 5 L', bin: null },
    ]);
    await sendToTcpPrinter({ host: '127.0.0.1', port: second.port }, renderEscpos(bins));
    expect(await filesOf(second, 2)).toEqual([join(out, '0002.png'), join(out, '0002.txt')]);
    expect(readFileSync(join(out, '0002.txt'), 'utf8')).toBe(
      [
        '[CODE128] BRK-PAD-0042',
        'Brake pads, front',
        'Bin A3',
        '--- cut ---',
        '[CODE128] OIL-5W30-5L',
        'Engine oil 5W-30 5 L',
        'No bin',
        '',
      ].join('\n'),
    );
  });
});
