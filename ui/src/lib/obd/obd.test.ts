import { describe, expect, it } from 'vitest';
import { codeText, readinessSummary, unmatchedSummary, type ObdScan, type UnmatchedReport } from './obd';

const scan = (readiness: ObdScan['readiness']): ObdScan => ({
  id: 's',
  vehicleId: 'v',
  repairOrderId: null,
  source: 'serial',
  deviceId: null,
  vin: null,
  protocol: null,
  milOn: true,
  codes: [],
  permanentReported: true,
  readiness,
  batteryVolts: null,
  odometerKm: null,
  freezeFrame: null,
  scannedAt: '2026-03-02T14:00:00Z',
  scannedBy: null,
});

describe('OBD screen text', () => {
  it('shows a title, or the system and "manufacturer-specific", never an invented text', () => {
    const base = { code: 'P0301', kind: 'stored', system: 'Powertrain', scope: 'generic' } as const;
    expect(codeText({ ...base, description: 'Cylinder 1 Misfire Detected' })).toBe(
      'Cylinder 1 Misfire Detected',
    );
    expect(
      codeText({ ...base, code: 'B1234', system: 'Body', scope: 'manufacturer-specific', description: null }),
    ).toBe('Body, manufacturer-specific');
    expect(codeText({ ...base, description: null })).toBe(
      'Powertrain, generic code (no description on file)',
    );
  });

  it('names the monitors that are not complete', () => {
    const monitors = [
      { name: 'Catalyst', complete: true },
      { name: 'Evaporative system', complete: false },
    ];
    expect(readinessSummary(scan({ milOn: true, dtcCount: 1, ignition: 'spark', monitors }))).toBe(
      'Not complete: Evaporative system',
    );
    expect(
      readinessSummary(scan({ milOn: false, dtcCount: 0, ignition: 'spark', monitors: [monitors[0]!] })),
    ).toBe('All 1 monitors complete');
    expect(readinessSummary(scan(null))).toBeNull();
  });

  it('sums up a waiting dongle report', () => {
    const report: UnmatchedReport = {
      id: 'u',
      deviceId: 'd',
      deviceName: 'Dongle 1',
      channel: 'dtc',
      seq: 1,
      vin: null,
      receivedAt: '2026-03-02T14:00:00Z',
      codes: ['P0301', 'U0100'],
      milOn: true,
      odometerKm: null,
      batteryVolts: null,
    };
    expect(unmatchedSummary(report)).toBe('Codes: P0301, U0100 · check-engine light on');
    expect(
      unmatchedSummary({ ...report, channel: 'telemetry', odometerKm: 120500.4, batteryVolts: 12.25 }),
    ).toBe('Odometer 120,500 km · battery 12.3 V');
  });
});
