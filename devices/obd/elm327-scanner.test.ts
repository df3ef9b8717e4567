import { afterEach, describe, expect, it } from 'vitest';
import { clearCodes, scanVehicle } from './elm327-scanner.js';
import { ObdError } from './obd-error.js';
import { MockBinding, readTranscript, transcriptAdapter } from './transcript-binding.js';

/** ELM327 sessions played back from devices/obd/transcripts through @serialport/binding-mock. */

afterEach(() => MockBinding.reset());

let portNumber = 0;
function adapterFor(transcript: string) {
  const path = `/dev/ttyUSB-obd-${++portNumber}`;
  const steps = readTranscript(transcript);
  return { path, steps, ...transcriptAdapter(path, steps) };
}

async function faultOf(promise: Promise<unknown>): Promise<ObdError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ObdError)) throw new Error(`expected an ObdError, got ${String(error)}`);
  return error;
}

describe('ELM327 scan', () => {
  it('reads a CAN car: protocol, multi-frame VIN, odometer, codes of two ECUs, readiness, battery', async () => {
    const adapter = adapterFor('can-11bit-scan.txt');
    const result = await scanVehicle({ path: adapter.path, binding: adapter.binding });

    expect(adapter.unexpected).toEqual([]);
    expect(adapter.sent).toEqual(adapter.steps.map((s) => s.command));
    expect(result).toEqual({
      adapter: 'ELM327 v1.5',
      protocol: { number: '6', name: 'ISO 15765-4 CAN (11 bit ID, 500 kbaud)' },
      vin: '1HGCM82633A004352',
      odometerKm: 10603.8,
      stored: ['P0301', 'P0420'],
      pending: ['P0171'],
      permanent: [],
      readiness: {
        milOn: true,
        dtcCount: 2,
        ignition: 'spark',
        monitors: [
          { name: 'Misfire', complete: true },
          { name: 'Fuel system', complete: true },
          { name: 'Components', complete: true },
          { name: 'Catalyst', complete: true },
          { name: 'Evaporative system', complete: false },
          { name: 'Oxygen sensor', complete: true },
          { name: 'Oxygen sensor heater', complete: true },
          { name: 'EGR system', complete: true },
        ],
      },
      batteryVolts: 12.4,
    });
  });

  it('reads a legacy ISO 9141 car: five-frame VIN, padded code pairs, no odometer, no permanent codes', async () => {
    const adapter = adapterFor('iso9141-scan.txt');
    const result = await scanVehicle({ path: adapter.path, binding: adapter.binding });

    expect(adapter.unexpected).toEqual([]);
    expect(result.protocol).toEqual({ number: '3', name: 'ISO 9141-2 (5 baud init)' });
    expect(result.vin).toBe('WVWZZZ1JZ3W386752');
    expect(result.stored).toEqual(['P0301', 'P0113']);
    expect(result.pending).toEqual([]);
    expect(result.permanent).toBeNull();
    expect(result.odometerKm).toBeNull();
    expect(result.readiness?.milOn).toBe(true);
    expect(result.batteryVolts).toBe(12.6);
  });

  it('says "no car" when the adapter answers and the car does not (UNABLE TO CONNECT)', async () => {
    const adapter = adapterFor('ignition-off.txt');
    const fault = await faultOf(scanVehicle({ path: adapter.path, binding: adapter.binding }));
    expect(fault.fault).toBe('no-car');
    expect(fault.message).toMatch(/ignition/);
    expect(fault.raw).toBe('UNABLE TO CONNECT');
    expect(adapter.unexpected).toEqual([]);
  });

  it('says "no car" when even 0100 gets NO DATA', async () => {
    const adapter = adapterFor('no-data.txt');
    const fault = await faultOf(scanVehicle({ path: adapter.path, binding: adapter.binding }));
    expect(fault.fault).toBe('no-car');
    expect(fault.raw).toBe('NO DATA');
  });

  it('says "unplugged" when the port dies mid-scan, and releases the port', async () => {
    const adapter = adapterFor('unplugged-mid-scan.txt');
    const fault = await faultOf(
      scanVehicle({ path: adapter.path, binding: adapter.binding, commandTimeoutMs: 10_000 }),
    );
    expect(fault.fault).toBe('unplugged');
    expect(adapter.sent.at(-1)).toBe('0902');
    // The port is closed: plugged back in, it opens again (the same mock port, a fresh adapter).
    const again = transcriptAdapter(`${adapter.path}-again`, readTranscript('can-11bit-scan.txt'));
    await expect(
      scanVehicle({ path: `${adapter.path}-again`, binding: again.binding }),
    ).resolves.toMatchObject({ vin: '1HGCM82633A004352' });
  });

  it('times out on an adapter that never answers', async () => {
    const adapter = adapterFor('silent-adapter.txt');
    const fault = await faultOf(
      scanVehicle({ path: adapter.path, binding: adapter.binding, commandTimeoutMs: 200 }),
    );
    expect(fault.fault).toBe('timeout');
    expect(fault.message).toMatch(/did not answer "ATZ"/);
  });

  it('says "no adapter" for a path with nothing plugged in', async () => {
    const fault = await faultOf(scanVehicle({ path: '/dev/ttyUSB-nothing', binding: MockBinding }));
    expect(fault.fault).toBe('no-adapter');
    expect(fault.message).toMatch(/plugged in/);
  });

  it('says "port busy" when another scan holds the port', async () => {
    const adapter = adapterFor('can-11bit-scan.txt');
    const first = scanVehicle({ path: adapter.path, binding: adapter.binding });
    const fault = await faultOf(scanVehicle({ path: adapter.path, binding: adapter.binding }));
    expect(fault.fault).toBe('port-busy');
    await expect(first).resolves.toMatchObject({ vin: '1HGCM82633A004352' });
  });
});

describe('clearing codes', () => {
  it('refuses without an explicit confirmation, and sends nothing', async () => {
    const adapter = adapterFor('clear-codes.txt');
    const fault = await faultOf(clearCodes({ path: adapter.path, binding: adapter.binding, confirm: false }));
    expect(fault.fault).toBe('not-confirmed');
    expect(adapter.sent).toEqual([]);
  });

  it('sends mode 04 once confirmed and checks the car acknowledged it', async () => {
    const adapter = adapterFor('clear-codes.txt');
    await expect(
      clearCodes({ path: adapter.path, binding: adapter.binding, confirm: true }),
    ).resolves.toMatchObject({ protocol: { number: '6' } });
    expect(adapter.sent.at(-1)).toBe('04');
    expect(adapter.unexpected).toEqual([]);
  });
});
