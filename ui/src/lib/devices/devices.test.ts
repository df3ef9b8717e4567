import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS } from '$contracts/mqtt';
import {
  countLabel,
  deviceState,
  DEVICE_KIND_OPTIONS,
  hardwareLabel,
  lastSeenAgo,
  placedInBay,
  sortDevices,
} from './devices';
import { credentialLines, type Pairing } from './pairing';
import {
  addressLabel,
  printerAddressBody,
  printerSaveFailure,
  toAddressForm,
  emptyPrinterAddress,
} from './printer-address';
import { qrDrawing, QUIET_ZONE } from './qr';
import { ApiProblem, ServerUnreachable } from '$lib/api/problem';

const NOW = Date.parse('2026-12-07T19:00:00Z');

describe('a device on the floor', () => {
  it('offers every kind of the MQTT contract, bay sensors and displays placed in a bay', () => {
    expect(DEVICE_KIND_OPTIONS.map((o) => o.kind).sort()).toEqual([...DEVICE_KINDS].sort());
    expect(DEVICE_KINDS.filter(placedInBay)).toEqual(['bay-sensor', 'display']);
  });

  it('is revoked whatever it last said, else online, offline or not connected yet', () => {
    expect(deviceState({ revokedAt: '2026-12-07T18:00:00Z', online: true, lastSeenAt: null })).toBe(
      'revoked',
    );
    expect(deviceState({ revokedAt: null, online: true, lastSeenAt: null })).toBe('online');
    expect(deviceState({ revokedAt: null, online: false, lastSeenAt: '2026-12-07T18:58:00Z' })).toBe(
      'offline',
    );
    expect(deviceState({ revokedAt: null, online: false, lastSeenAt: null })).toBe('never');
  });

  it('says when it was last seen in words', () => {
    expect(lastSeenAgo('2026-12-07T18:58:00Z', NOW)).toBe('2 min ago');
    expect(lastSeenAgo('2026-12-07T18:59:40Z', NOW)).toBe('just now');
    expect(lastSeenAgo('2026-12-07T16:30:00Z', NOW)).toBe('2 h 30 min ago');
  });

  it('names its hardware only from what it reported', () => {
    expect(hardwareLabel({ model: 'ESP32-C3', firmware: '1.4.2' })).toBe('ESP32-C3 · fw 1.4.2');
    expect(hardwareLabel({ model: null, firmware: '1.4.2' })).toBe('fw 1.4.2');
    expect(hardwareLabel({ model: null, firmware: null })).toBeNull();
    expect(countLabel(1, 'refusal')).toBe('1 refusal');
    expect(countLabel(3, 'bad message')).toBe('3 bad messages');
  });

  it('lists devices in use by kind and name, revoked ones last', () => {
    const sorted = sortDevices([
      { kind: 'label-printer', name: 'Counter', revokedAt: null },
      { kind: 'bay-sensor', name: 'Bay 2', revokedAt: '2026-12-01T00:00:00Z' },
      { kind: 'bay-sensor', name: 'Bay 3', revokedAt: null },
      { kind: 'bay-sensor', name: 'Bay 1', revokedAt: null },
    ]);
    expect(sorted.map((d) => d.name)).toEqual(['Bay 1', 'Bay 3', 'Counter', 'Bay 2']);
  });
});

describe('pairing credentials', () => {
  const pairing: Pairing = {
    v: 1,
    kind: 'bay-sensor',
    deviceId: 'd1',
    clientId: 'd1',
    username: 'd1',
    password: 'secret-pw',
    host: '192.168.1.20',
    port: 1883,
    tlsPort: null,
    caSha256: null,
    bayId: null,
  };

  it('lists what a setup page asks for, and says when TLS is off', () => {
    const lines = Object.fromEntries(credentialLines(pairing).map((l) => [l.key, l.value]));
    expect(lines).toEqual({
      broker: '192.168.1.20',
      port: '1883',
      'tls-port': 'Off on this server',
      'client-id': 'd1',
      username: 'd1',
      password: 'secret-pw',
      ca: 'None: TLS is off on this server',
    });
    const withTls = credentialLines({ ...pairing, tlsPort: 8883, caSha256: 'AB:CD' });
    expect(withTls.find((l) => l.key === 'tls-port')?.value).toBe('8883');
    expect(withTls.find((l) => l.key === 'ca')?.value).toBe('AB:CD');
    expect(credentialLines({ ...pairing, port: null }).find((l) => l.key === 'port')?.value).toBe(
      'Off on this server',
    );
  });

  it('draws the QR code of exactly the pairing text, with its quiet zone', () => {
    const text = JSON.stringify(pairing);
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const drawing = qrDrawing(text);
    expect(drawing.size).toBe(modules.size + 2 * QUIET_ZONE);
    const dark: string[] = [];
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) dark.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    expect(drawing.path).toBe(dark.join(''));
    // The top-left finder pattern's corner is dark; another text draws another code.
    expect(drawing.path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h1v1h-1z`)).toBe(true);
    expect(qrDrawing(`${text} `).path).not.toBe(drawing.path);
  });
});

describe('a label printer address', () => {
  it('takes a network address with port 9100 by default', () => {
    expect(printerAddressBody({ ...emptyPrinterAddress(), host: ' 192.168.1.50 ', port: '' })).toEqual({
      ok: true,
      body: { transport: 'tcp', host: '192.168.1.50', port: 9100 },
    });
    expect(printerAddressBody({ ...emptyPrinterAddress(), host: 'printer.local', port: '9101' })).toEqual({
      ok: true,
      body: { transport: 'tcp', host: 'printer.local', port: 9101 },
    });
  });

  it('names each field to fix, and never sends a half address', () => {
    expect(printerAddressBody({ ...emptyPrinterAddress(), host: '', port: '70000' })).toEqual({
      ok: false,
      errors: [
        { path: 'host', message: "enter the printer's IP address or name" },
        { path: 'port', message: 'enter a port from 1 to 65535 (network printers use 9100)' },
      ],
    });
    const withPort = printerAddressBody({ ...emptyPrinterAddress(), host: '10.0.0.5:9100' });
    expect(withPort.ok ? null : withPort.errors.map((e) => e.path)).toEqual(['host']);
    const ipv6 = printerAddressBody({ ...emptyPrinterAddress(), host: 'fd00::50' });
    expect(ipv6.ok && ipv6.body).toEqual({ transport: 'tcp', host: 'fd00::50', port: 9100 });
    const serial = printerAddressBody({ ...emptyPrinterAddress(), transport: 'serial', serialPath: ' ' });
    expect(serial.ok ? null : serial.errors.map((e) => e.path)).toEqual(['serialPath']);
  });

  it('takes a serial port, and round-trips through the form for a retry', () => {
    const serial = { transport: 'serial', serialPath: '/dev/ttyUSB0' } as const;
    expect(printerAddressBody(toAddressForm(serial))).toEqual({ ok: true, body: serial });
    const tcp = { transport: 'tcp', host: '10.0.0.5', port: 9100 } as const;
    expect(printerAddressBody(toAddressForm(tcp))).toEqual({ ok: true, body: tcp });
    expect(addressLabel(tcp)).toBe('10.0.0.5 port 9100');
    expect(addressLabel(serial)).toBe('serial port /dev/ttyUSB0');
  });

  it('says why it was not saved in the server words, the refused field named', () => {
    const problem = (status: number, detail: string, errors: { path: string; message: string }[] = []) =>
      new ApiProblem({ type: 'about:blank', title: 'x', status, detail, errors });
    expect(printerSaveFailure(problem(404, 'There is no PUT /api/printers/d1.'))).toBe(
      'The server said: There is no PUT /api/printers/d1.',
    );
    expect(
      printerSaveFailure(problem(400, 'host: must match pattern', [{ path: 'host', message: 'x' }])),
    ).toBe('Check the address: host: must match pattern');
    expect(printerSaveFailure(new ServerUnreachable())).toMatch(/cannot be reached/);
  });
});
