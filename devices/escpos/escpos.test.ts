import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import {
  binLabelsDocument,
  decodeEscpos,
  keyTagDocument,
  oilStickerDocument,
  PrinterSendError,
  renderEscpos,
  renderPreviewSvg,
  sendToSerialPrinter,
  sendToTcpPrinter,
  startCaptureServer,
  STATUS_QUERY,
  type CaptureServer,
} from './index.js';

const keyTag = keyTagDocument({
  roNumber: 'RO-1042',
  customerLastName: 'Müller',
  vehicle: '2019 Honda Civic',
  promised: 'Tue Dec 8, 4:30 PM',
  roUrl: 'https://shop.local/repair-orders/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
});

describe('label documents → ESC/POS → decoded', () => {
  it('a key tag decodes to its RO number (large), last name, vehicle, promised time and the QR URL', () => {
    const decoded = decodeEscpos(renderEscpos(keyTag));
    expect(decoded.text).toEqual(['RO-1042', 'Müller', '2019 Honda Civic', 'Promised Tue Dec 8, 4:30 PM']);
    const roLine = decoded.items.find((item) => item.type === 'line' && item.text === 'RO-1042');
    expect(roLine).toMatchObject({ width: 4, height: 4, bold: true, align: 'center' });
    expect(decoded.qrCodes).toEqual([
      'https://shop.local/repair-orders/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    ]);
    expect(decoded.cuts).toBe(1);
    expect(decoded.unknownCommands).toBe(0);
    expect(decoded.truncated).toBe(false);
  });

  it('bin labels: one cut page per item, the SKU as CODE128 (short SKUs too), name and bin', () => {
    const decoded = decodeEscpos(
      renderEscpos(
        binLabelsDocument([
          { sku: 'OF-123', name: 'Oil filter', bin: 'A3' },
          { sku: 'BRK-PAD-FRONT-CERAMIC-22', name: 'Brake pads, front', bin: null },
        ]),
      ),
    );
    expect(decoded.pages).toHaveLength(2);
    expect(decoded.pages[0]).toMatchObject({
      barcodes: [{ symbology: 'CODE128', data: 'OF-123' }],
      text: ['Oil filter', 'Bin A3'],
    });
    expect(decoded.pages[1]).toMatchObject({
      barcodes: [{ symbology: 'CODE128', data: 'BRK-PAD-FRONT-CERAMIC-22' }],
      text: ['Brake pads, front', 'No bin'],
    });
  });

  it('the oil sticker carries the next service date and mileage', () => {
    const decoded = decodeEscpos(
      renderEscpos(
        oilStickerDocument({
          shopName: 'Main St Auto',
          nextServiceDate: 'Jun 7, 2027',
          nextServiceMileage: 89211.4,
          distanceUnit: 'mi',
          vehicle: '2019 Honda Civic',
        }),
      ),
    );
    expect(decoded.text).toEqual(
      expect.arrayContaining(['NEXT SERVICE', 'Jun 7, 2027', '89,211 mi', '2019 Honda Civic']),
    );
  });

  it('input cut off in the middle of a command is reported as truncated, never thrown', () => {
    const bytes = renderEscpos(keyTag);
    const cut = bytes.indexOf(Buffer.from([0x31, 0x50, 0x30])) + 10; // inside the QR's store command
    const decoded = decodeEscpos(bytes.subarray(0, cut));
    expect(decoded.truncated).toBe(true);
    expect(decoded.qrCodes).toEqual([]);
    expect(decoded.text).toContain('RO-1042');
  });

  it('the preview is drawn from the same document: its QR and text are what the printer gets', () => {
    const svg = renderPreviewSvg(keyTag);
    const decoded = decodeEscpos(renderEscpos(keyTag));
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain(`data-qr="${decoded.qrCodes[0]}"`);
    for (const line of decoded.text) expect(svg).toContain(`>${line}</text>`);
  });
});

describe('sending to a printer', () => {
  let printer: CaptureServer | undefined;
  afterEach(async () => {
    await printer?.close();
    printer = undefined;
  });

  it('TCP: the capture printer answers the status query and decodes the job', async () => {
    printer = await startCaptureServer();
    const result = await sendToTcpPrinter(
      { host: printer.host, port: printer.port },
      renderEscpos(keyTag),
      2000,
    );
    expect(result.status).toBe(0x12);
    const [capture] = await printer.waitForCaptures(1);
    expect(capture?.decoded.text[0]).toBe('RO-1042');
    expect(capture?.decoded.qrCodes).toEqual([keyTag.pages[0]?.find((b) => b.type === 'qr')?.content]);
    expect(capture?.decoded.statusQueries).toEqual([1]);
  });

  it('TCP: a printer that accepts and never reads fails the send after the timeout (stage confirm)', async () => {
    printer = await startCaptureServer({ mode: 'never-read' });
    const started = performance.now();
    const error = await sendToTcpPrinter(
      { host: printer.host, port: printer.port },
      renderEscpos(keyTag),
      300,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterSendError);
    expect((error as PrinterSendError).stage).toBe('confirm');
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(printer.connections).toBe(1);
    expect(printer.captures).toHaveLength(0);
  });

  it('TCP: a refusing printer fails at connect; switched on again, the same port prints', async () => {
    printer = await startCaptureServer({ mode: 'refuse' });
    const target = { host: printer.host, port: printer.port };
    const error = await sendToTcpPrinter(target, renderEscpos(keyTag), 2000).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PrinterSendError', stage: 'connect' });
    expect(String((error as Error).message)).toContain('ECONNREFUSED');
    await printer.setMode('print');
    await sendToTcpPrinter(target, renderEscpos(keyTag), 2000);
    expect((await printer.waitForCaptures(1))[0]?.decoded.text[0]).toBe('RO-1042');
  });
});

describe('serial (through @serialport/binding-mock)', () => {
  // The binding SerialPortMock itself uses (importing @serialport/binding-mock directly may load
  // its ESM copy, a different registry of mock ports).
  const MockBinding = SerialPortMock.binding;
  afterEach(() => MockBinding.reset());

  it('writes the job, waits for the status answer, and the recording decodes to the key tag', async () => {
    MockBinding.createPort('/dev/ttyPRINTER', { echo: false, record: true });
    let opened: SerialPortMock | undefined;
    const sending = sendToSerialPrinter(
      { path: '/dev/ttyPRINTER' },
      renderEscpos(keyTag),
      2000,
      (options) => {
        opened = new SerialPortMock(options);
        return opened;
      },
    );
    // The printer's side: answer once the status query has arrived (bounded wait).
    for (let tries = 0; tries < 200; tries += 1) {
      const recording = opened?.port?.recording;
      if (recording && recording.subarray(-STATUS_QUERY.length).equals(STATUS_QUERY)) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    opened?.port?.emitData(Buffer.from([0x12]));
    await expect(sending).resolves.toMatchObject({ status: 0x12 });
    const decoded = decodeEscpos((opened?.port as unknown as { recording: Buffer }).recording);
    expect(decoded.text[0]).toBe('RO-1042');
    expect(decoded.qrCodes).toHaveLength(1);
  });

  it('a port that does not exist fails at connect, a silent printer after the timeout', async () => {
    const missing = await sendToSerialPrinter(
      { path: '/dev/ttyNONE' },
      Buffer.from('x'),
      500,
      (o) => new SerialPortMock(o),
    ).catch((e: unknown) => e);
    expect(missing).toMatchObject({ name: 'PrinterSendError', stage: 'connect' });
    MockBinding.createPort('/dev/ttySILENT', { echo: false, record: true });
    const silent = await sendToSerialPrinter(
      { path: '/dev/ttySILENT' },
      Buffer.from('x'),
      200,
      (o) => new SerialPortMock(o),
    ).catch((e: unknown) => e);
    expect(silent).toMatchObject({ name: 'PrinterSendError', stage: 'confirm' });
  });
});
