import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import {
  DEVICE_KINDS,
  mayPublish,
  maySubscribe,
  mqttTopic,
  parseDeviceTopic,
  payloadSchemaFor,
  type DeviceIdentity,
} from '../../contracts/mqtt.js';

const SENSOR: DeviceIdentity = { kind: 'bay-sensor', id: 'd-1', bayId: 'bay-3' };
const DISPLAY: DeviceIdentity = { kind: 'display', id: 'd-2', bayId: 'bay-3' };

describe('the MQTT contract', () => {
  it('builds and parses a report topic of every kind', () => {
    for (const kind of DEVICE_KINDS) {
      const topic = mqttTopic.device(kind, 'abc-123', 'status');
      expect(topic).toBe(`ase/v1/${kind}/abc-123/status`);
      expect(parseDeviceTopic(topic)).toEqual({ kind, id: 'abc-123', channel: 'status' });
    }
  });

  it('does not parse foreign, wildcard, command or unknown-channel topics', () => {
    for (const topic of [
      'ase/v2/bay-sensor/d-1/status',
      'ase/v1/toaster/d-1/status',
      'ase/v1/bay-sensor/+/status',
      'ase/v1/bay-sensor/d-1/#',
      'ase/v1/bay-sensor/d-1/telemetry',
      'ase/v1/bay-sensor/d-1/cmd/reboot',
      '$SYS/broker/uptime',
    ])
      expect(parseDeviceTopic(topic), topic).toBeNull();
  });

  it('lets a device publish only its own reports', () => {
    expect(mayPublish(SENSOR, 'ase/v1/bay-sensor/d-1/occupancy')).toBe(true);
    expect(mayPublish(SENSOR, 'ase/v1/bay-sensor/d-9/occupancy')).toBe(false);
    expect(mayPublish(SENSOR, 'ase/v1/obd-dongle/d-1/telemetry')).toBe(false);
    expect(mayPublish(SENSOR, 'ase/v1/bay/bay-3/state')).toBe(false);
    expect(mayPublish(SENSOR, 'ase/v1/bay-sensor/d-1/cmd/reboot')).toBe(false);
  });

  it('lets a device subscribe to its own commands, and a display to its own bay only', () => {
    expect(maySubscribe(SENSOR, 'ase/v1/bay-sensor/d-1/cmd/#')).toBe(true);
    expect(maySubscribe(SENSOR, 'ase/v1/bay-sensor/d-1/cmd/reboot')).toBe(true);
    expect(maySubscribe(SENSOR, 'ase/v1/bay-sensor/d-1/#')).toBe(false);
    expect(maySubscribe(SENSOR, 'ase/v1/#')).toBe(false);
    expect(maySubscribe(SENSOR, '#')).toBe(false);
    expect(maySubscribe(SENSOR, '$SYS/#')).toBe(false);
    expect(maySubscribe(SENSOR, 'ase/v1/bay/bay-3/state')).toBe(false);
    expect(maySubscribe(DISPLAY, 'ase/v1/bay/bay-3/state')).toBe(true);
    expect(maySubscribe(DISPLAY, 'ase/v1/bay/bay-4/state')).toBe(false);
    expect(maySubscribe(DISPLAY, 'ase/v1/bay/+/state')).toBe(false);
  });

  it('validates payloads by kind and channel', () => {
    const occupancy = payloadSchemaFor('bay-sensor', 'occupancy');
    expect(occupancy).toBeDefined();
    if (occupancy === undefined) return;
    expect(Value.Check(occupancy, { event: 'in', seq: 4, at: '2026-12-07T10:02:00Z' })).toBe(true);
    expect(Value.Check(occupancy, { event: 'maybe', seq: 4, at: '2026-12-07T10:02:00Z' })).toBe(false);
    expect(Value.Check(occupancy, { event: 'in', seq: -1, at: 'x' })).toBe(false);
    expect(Value.Check(occupancy, { event: 'in', seq: 1, at: 'x', extra: true })).toBe(false);
    const dtc = payloadSchemaFor('obd-dongle', 'dtc');
    if (dtc === undefined) throw new Error('obd-dongle has a dtc channel');
    const scan = { seq: 1, at: 'x', stored: ['P0301'], pending: [], permanent: [], milOn: true };
    expect(Value.Check(dtc, scan)).toBe(true);
    expect(Value.Check(dtc, { ...scan, stored: ['P03'] })).toBe(false);
    expect(payloadSchemaFor('display', 'occupancy')).toBeUndefined();
  });
});
