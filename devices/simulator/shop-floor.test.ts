import { Value } from '@sinclair/typebox/value';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEVICE_KINDS,
  parseDeviceTopic,
  payloadSchemaFor,
  type BayState,
  type DeviceKind,
} from '../../server/contracts/mqtt.js';
import { FAULTS, planDay, type DayOptions } from './day-plan.js';
import type { DevicePairing } from './pairing.js';
import { ShopFloor } from './shop-floor.js';
import { startContractBroker, type ContractBroker, type SeenMessage } from './test-broker.js';

const START = new Date('2026-12-07T07:30:00.000Z');
const BAY_IDS = Array.from({ length: 6 }, (_, i) => `0193a000-0000-7000-8000-0000000000b${i}`);

function pairing(kind: DeviceKind, n: number, bayId: string | null = null): DevicePairing {
  const deviceId = `0193a000-0000-7000-8000-${String(DEVICE_KINDS.indexOf(kind)).padStart(6, '0')}${String(n).padStart(6, '0')}`;
  return {
    v: 1,
    kind,
    deviceId,
    clientId: deviceId,
    username: deviceId,
    password: `secret-${kind}-${n}-0123456789abcdef`,
    host: '127.0.0.1',
    port: 1883,
    tlsPort: null,
    caSha256: null,
    bayId,
  };
}

const SHOP: DevicePairing[] = [
  ...BAY_IDS.map((bayId, i) => pairing('bay-sensor', i, bayId)),
  pairing('obd-dongle', 0),
  pairing('obd-dongle', 1),
  pairing('display', 0, BAY_IDS[1]),
];

const DAY: DayOptions = {
  seed: 7,
  bays: 6,
  dongles: 2,
  hours: 4,
  dtcRate: 0.5,
  faultRate: 0.15,
  telemetryEveryMinutes: 10,
};

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function broker(): Promise<ContractBroker> {
  const started = await startContractBroker(SHOP);
  open.push(started);
  return started;
}

/** Devices on the broker at full speed, closed after the test. */
function floorOn(
  b: ContractBroker,
  pairings: DevicePairing[],
  log: (line: string) => void = () => {},
): ShopFloor {
  const floor = new ShopFloor({ pairings, start: START, speed: 0, brokerUrl: b.url, log });
  open.push(floor);
  return floor;
}

/** Plays a whole day at full speed against a fresh broker; returns what the broker accepted. */
async function playDay(
  options: DayOptions,
): Promise<{ seen: SeenMessage[]; floor: ShopFloor; broker: ContractBroker }> {
  const b = await broker();
  const lines: string[] = [];
  const floor = floorOn(b, SHOP, (l) => lines.push(l));
  await floor.connect();
  expect(await floor.play(planDay(options))).toBe(true);
  await floor.close();
  return { seen: b.seen, floor, broker: b };
}

function valid(message: SeenMessage): boolean {
  const topic = parseDeviceTopic(message.topic);
  const schema = topic === null ? undefined : payloadSchemaFor(topic.kind, topic.channel);
  if (schema === undefined) return false;
  try {
    return Value.Check(schema, JSON.parse(message.payload));
  } catch {
    return false;
  }
}

const channelOf = (m: SeenMessage) => m.topic.split('/')[4];

describe('the day plan', () => {
  it('is the same for the same seed and different for another', () => {
    expect(planDay(DAY)).toEqual(planDay(DAY));
    expect(planDay({ ...DAY, seed: 8 })).not.toEqual(planDay(DAY));
  });

  it('has each bay alternate in and out, inside opening hours, with every kind of fault', () => {
    const plan = planDay({ ...DAY, hours: 10 });
    for (let bay = 0; bay < 6; bay++) {
      const events = plan.flatMap((s) => (s.action === 'occupancy' && s.bay === bay ? [s.event] : []));
      expect(events.length).toBeGreaterThanOrEqual(4);
      expect(events).toEqual(events.map((_, i) => (i % 2 === 0 ? 'in' : 'out')));
    }
    expect(plan.every((s) => s.second >= 0 && s.second < 10 * 3600)).toBe(true);
    expect(plan.map((s) => s.second)).toEqual([...plan.map((s) => s.second)].sort((a, b) => a - b));
    const faults = new Set(plan.flatMap((s) => (s.action === 'occupancy' && s.fault ? [s.fault] : [])));
    expect([...faults].sort()).toEqual([...FAULTS].sort());
    expect(planDay({ ...DAY, faultRate: 0 }).some((s) => s.action === 'occupancy' && s.fault !== null)).toBe(
      false,
    );
  });

  it('gives a dongle to one car at a time and sends codes only at the rate asked', () => {
    const plan = planDay({ ...DAY, hours: 10 });
    const telemetry = plan.filter((s) => s.action === 'telemetry');
    expect(new Set(telemetry.map((s) => s.dongle))).toEqual(new Set([0, 1]));
    for (const dongle of [0, 1]) {
      const vins = telemetry.filter((s) => s.dongle === dongle).map((s) => s.vin);
      // one car after the other: a VIN never comes back once the next car's has started
      const runs = vins.filter((vin, i) => i === 0 || vins[i - 1] !== vin);
      expect(new Set(runs).size).toBe(runs.length);
    }
    expect(planDay({ ...DAY, dtcRate: 0 }).some((s) => s.action === 'dtc')).toBe(false);
    expect(plan.some((s) => s.action === 'dtc')).toBe(true);
  });

  it("plugs the dongles into the shop's cars, in turn, when it is given them", () => {
    const cars = [
      { vin: '2T3MDS9Y8J1766708', odometerKm: 92_507.9 },
      { vin: '5NP38GJR1BW064903', odometerKm: 188_559.1 },
    ];
    const plan = planDay({ ...DAY, cars });
    const firstReadings = plan.flatMap((s) => (s.action === 'telemetry' ? [`${s.vin} ${s.odometerKm}`] : []));
    const vins = [...new Set(plan.flatMap((s) => (s.action === 'telemetry' ? [s.vin] : [])))];
    expect(vins.sort()).toEqual(cars.map((c) => c.vin).sort());
    expect(firstReadings.slice(0, 2).sort()).toEqual(cars.map((c) => `${c.vin} ${c.odometerKm}`).sort());
  });
});

describe('a simulated day against a broker that enforces the contract', () => {
  it('publishes only the contract, with a birth, seq numbers, the faults asked for and a clean goodbye', async () => {
    const { seen, floor, broker: b } = await playDay(DAY);
    const t = floor.totals;
    expect(b.refused).toEqual([]);
    expect(t.skipped).toBe(0);
    expect(t.occupancy).toBeGreaterThan(10);
    expect(t.telemetry).toBeGreaterThan(5);
    expect(t.dtc).toBeGreaterThan(0);
    expect(t.duplicate + t.outOfOrder + t.malformed).toBeGreaterThan(0);

    const reports = seen.filter((m) => channelOf(m) !== 'status');
    const bad = reports.filter((m) => !valid(m));
    // the only messages the contract refuses are the malformed ones the plan asked for
    expect(bad.length).toBe(t.malformed);
    expect(bad.every((m) => channelOf(m) === 'occupancy')).toBe(true);
    const good = reports.filter(valid);
    expect(good.filter((m) => channelOf(m) === 'occupancy').length).toBe(t.occupancy + t.duplicate);
    expect(good.filter((m) => channelOf(m) === 'telemetry').length).toBe(t.telemetry);
    expect(good.filter((m) => channelOf(m) === 'dtc').length).toBe(t.dtc);

    for (const device of SHOP) {
      const status = seen.filter((m) => m.clientId === device.clientId && channelOf(m) === 'status');
      expect(status.length).toBe(2);
      expect(status.every((m) => m.retain)).toBe(true);
      expect(JSON.parse(status[0]!.payload)).toMatchObject({ state: 'online', firmware: 'ase-sim 1.0.0' });
      // the device's own goodbye carries its time; the broker's last will would not
      const goodbye = JSON.parse(status[1]!.payload) as Record<string, unknown>;
      expect(Object.keys(goodbye).sort()).toEqual(['at', 'state']);
      expect(goodbye.state).toBe('offline');
    }

    // per sensor: seqs grow except where a fault was asked for (a repeat, or a late one)
    let backwards = 0;
    let repeats = 0;
    for (const sensor of SHOP.filter((p) => p.kind === 'bay-sensor')) {
      const seqs = good
        .filter((m) => m.clientId === sensor.clientId && channelOf(m) === 'occupancy')
        .map((m) => (JSON.parse(m.payload) as { seq: number }).seq);
      seqs.forEach((seq, i) => {
        if (i > 0 && seq === seqs[i - 1]) repeats++;
        else if (i > 0 && seq < seqs[i - 1]!) backwards++;
      });
    }
    expect(repeats).toBe(t.duplicate);
    expect(backwards).toBe(t.outOfOrder);
  });

  it('sends the same messages for the same seed, and other ones for another seed', async () => {
    const key = (m: SeenMessage) => `${m.clientId} ${m.topic} ${m.payload}`;
    const first = (await playDay(DAY)).seen.map(key);
    const again = (await playDay(DAY)).seen.map(key);
    const other = (await playDay({ ...DAY, seed: 8 })).seen.map(key);
    expect(first.length).toBeGreaterThan(40);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it("has the display show its bay's retained state", async () => {
    const b = await broker();
    const state: BayState = {
      bayId: BAY_IDS[1]!,
      occupied: true,
      since: '2026-12-07T10:02:00.000Z',
      jobId: null,
      repairOrderNumber: 1042,
      jobTitle: 'Front brakes',
      at: '2026-12-07T10:02:01.000Z',
    };
    await new Promise<void>((resolve, reject) =>
      b.aedes.publish(
        {
          cmd: 'publish',
          topic: `ase/v1/bay/${BAY_IDS[1]}/state`,
          payload: Buffer.from(JSON.stringify(state)),
          qos: 1,
          retain: true,
          dup: false,
        },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    const lines: string[] = [];
    const floor = floorOn(
      b,
      SHOP.filter((p) => p.kind === 'display'),
      (l) => lines.push(l),
    );
    await floor.connect();
    const display = floor.displays[0]!;
    for (let i = 0; i < 100 && display.seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(display.seen).toEqual([state]);
    expect(lines).toContain('display 1: shows: occupied since 2026-12-07T10:02:00.000Z RO 1042 Front brakes');
    expect(b.refused).toEqual([]);
  });

  it('leaves the last will when a device dies without a goodbye', async () => {
    const b = await broker();
    const sensor = SHOP[0]!;
    const floor = floorOn(b, [sensor], () => {});
    await floor.connect();
    floor.sensors[0]!.crash();
    for (let i = 0; i < 100 && b.seen.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(b.seen.map((m) => [m.topic, m.payload, m.retain])).toEqual([
      [`ase/v1/bay-sensor/${sensor.deviceId}/status`, expect.stringContaining('"online"'), true],
      [`ase/v1/bay-sensor/${sensor.deviceId}/status`, '{"state":"offline"}', true],
    ]);
  });

  it('stops with a clear error when the broker refuses its credentials', async () => {
    const b = await broker();
    const wrong = { ...SHOP[0]!, password: 'not-the-password' };
    const floor = floorOn(b, [wrong], () => {});
    await expect(floor.connect()).rejects.toThrow(
      /bay 1 sensor .* could not connect to mqtt:\/\/127\.0\.0\.1:\d+: .*(Bad username or password|Not authorized)/,
    );
  });
});
