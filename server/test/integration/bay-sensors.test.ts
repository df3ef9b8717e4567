import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mqttTopic, type BayState } from '../../contracts/mqtt.js';
import type { DomainEvents } from '../../src/events/domain-events.js';
import type { Pairing } from '../../src/modules/devices/devices.schemas.js';
import { insertCustomer, insertVehicle } from '../helpers/fixtures.js';
import {
  connectDevice,
  pairDevice,
  startAppWithBroker,
  waitFor,
  type AppWithBroker,
} from '../helpers/mqtt.js';
import { injectAs, setupOwner } from '../helpers/test-app.js';

/*
 * Bay sensors end to end: a real broker in the real app, real `mqtt` clients paired through the
 * API, a real SQLite file. A sensor publishes "car in / out"; the board, the bay TV board, the
 * repair order and the bay's retained MQTT state follow.
 */

let t: AppWithBroker;
let owner: { id: string; cookie: string };
const clients: MqttClient[] = [];

beforeEach(async () => {
  // Overruns are checked every 20 ms here (30 s in the shop), against the test's manual clock.
  t = await startAppWithBroker({ tuning: { bayOverrunCheckMs: 20 } });
  owner = await setupOwner(t.app);
});
afterEach(async () => {
  for (const client of clients.splice(0)) await client.endAsync(true);
  await t.close();
});

function as(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return injectAs(t.app, owner.cookie, { method, url, ...(payload === undefined ? {} : { payload }) });
}

function listen<K extends keyof DomainEvents>(name: K): DomainEvents[K][] {
  const seen: DomainEvents[K][] = [];
  t.app.events.on(name, (payload) => seen.push(payload));
  return seen;
}

/** The board as a bay TV reads it, with its display token. */
function displayBoard(token: string) {
  return t.app.inject({
    method: 'GET',
    url: '/api/display/board',
    headers: { authorization: `Bearer ${token}` },
  });
}

async function addBay(name: string): Promise<string> {
  const response = await as('POST', '/api/bays', { name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

interface PlacedJob {
  repairOrderId: string;
  repairOrderNumber: number;
  jobId: string;
}

/** A repair order with one job placed in `bayId`, with `laborHours` of approved labor. */
async function placeJob(bayId: string, title: string, laborHours = 1): Promise<PlacedJob> {
  const customerId = insertCustomer(t.database, { name: 'Ann Example' });
  const vehicleId = insertVehicle(t.database, customerId);
  const ro = await as('POST', '/api/repair-orders', { customerId, vehicleId, concerns: [] });
  expect(ro.statusCode, ro.body).toBe(201);
  const { id: repairOrderId, number } = ro.json<{ id: string; number: number }>();
  const job = await as('POST', `/api/repair-orders/${repairOrderId}/jobs`, { title, bayId });
  expect(job.statusCode, job.body).toBe(201);
  const jobId = job.json<{ id: string }>().id;
  const line = await as('POST', `/api/jobs/${jobId}/lines`, {
    kind: 'labor',
    description: title,
    quantity: laborHours,
  });
  expect(line.statusCode, line.body).toBe(201);
  const approved = await as('POST', `/api/repair-orders/${repairOrderId}/approvals`, {
    method: 'in_person',
    approvedBy: 'Ann Example',
    decisions: [{ lineId: line.json<{ id: string }>().id, state: 'approved' }],
  });
  expect(approved.statusCode, approved.body).toBe(200);
  return { repairOrderId, repairOrderNumber: number, jobId };
}

async function sensorIn(
  bayId: string,
  name = 'Bay sensor',
): Promise<{ pairing: Pairing; client: MqttClient }> {
  const pairing = await pairDevice(t.app, owner.cookie, 'bay-sensor', name, bayId);
  const client = await connectDevice(t.mqttUrl, pairing);
  clients.push(client);
  return { pairing, client };
}

async function publish(
  sensor: { pairing: Pairing; client: MqttClient },
  event: 'in' | 'out',
  seq: number,
  at = t.clock.now().toISOString(),
): Promise<void> {
  await sensor.client.publishAsync(
    mqttTopic.device('bay-sensor', sensor.pairing.deviceId, 'occupancy'),
    JSON.stringify({ event, seq, at }),
    { qos: 1 },
  );
}

interface StoredEvent {
  seq: number;
  event: string;
  outcome: string;
  action: string | null;
  jobId: string | null;
  detail: string | null;
}

async function eventsOf(bayId: string): Promise<StoredEvent[]> {
  const response = await as('GET', `/api/bay-sensors/events?bayId=${bayId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: StoredEvent[] }>().items;
}

/** Waits until the sensor's event `seq` is stored and acted on (its action is written last). */
async function handled(bayId: string, seq: number): Promise<StoredEvent> {
  let found: StoredEvent | undefined;
  await waitFor(`event ${seq} of the bay handled`, async () => {
    found = (await eventsOf(bayId)).find((e) => e.seq === seq);
    return found !== undefined && (found.action !== null || found.outcome !== 'applied');
  });
  return found!;
}

async function job(jobId: string) {
  return (await as('GET', `/api/jobs/${jobId}`)).json<{
    status: string;
    actualStart: string | null;
    actualEnd: string | null;
    version: number;
  }>();
}

interface FloorBay {
  bayId: string;
  occupied: boolean;
  since: string | null;
  secondsInBay: number;
  noJobPlaced: boolean;
  sensorOffline: boolean;
  job: { jobId: string; secondsInBay: number; bookSeconds: number; overrun: boolean } | null;
  suggestions: { id: string; kind: string; message: string; status: string }[];
}

async function floorBay(bayId: string): Promise<FloorBay> {
  const response = await as('GET', '/api/bay-sensors/floor');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ bays: FloorBay[] }>().bays.find((bay) => bay.bayId === bayId)!;
}

function auditOf(jobId: string) {
  return t.database.sqlite
    .prepare(
      `SELECT action, actor_user_id AS userId, actor_label AS label, data FROM audit_log
       WHERE entity_id = ? AND action = 'job.status_changed' ORDER BY at, id`,
    )
    .all(jobId) as { action: string; userId: string | null; label: string; data: string }[];
}

async function setMode(mode: 'suggest' | 'automatic'): Promise<void> {
  const current = (await as('GET', '/api/settings')).json<{ version: number }>();
  const response = await as('PATCH', '/api/settings', { version: current.version, baySensorMode: mode });
  expect(response.statusCode, response.body).toBe(200);
}

describe('suggest mode (the default)', () => {
  it('a car in suggests starting the bay’s job; accepting starts it as the person who accepted', async () => {
    const bayId = await addBay('Bay 3');
    const placed = await placeJob(bayId, 'Front brakes');
    const sensor = await sensorIn(bayId);
    const suggestionEvents = listen('baySuggestionChanged');
    const occupancy = listen('bayOccupancyChanged');

    await publish(sensor, 'in', 1, '2026-03-02T14:02:00.000Z');
    expect(await handled(bayId, 1)).toMatchObject({
      outcome: 'applied',
      action: 'suggested',
      jobId: placed.jobId,
    });

    const bay = await floorBay(bayId);
    expect(bay).toMatchObject({ occupied: true, since: '2026-03-02T14:02:00.000Z', noJobPlaced: false });
    expect(bay.suggestions).toHaveLength(1);
    // The shop's clock (America/New_York by default): 14:02Z is 09:02.
    expect(bay.suggestions[0]!.message).toBe(
      `Car entered Bay 3 at 09:02 — start “Front brakes” (RO ${placed.repairOrderNumber})?`,
    );
    expect(occupancy).toContainEqual(
      expect.objectContaining({
        bayId,
        occupied: true,
        jobId: placed.jobId,
        repairOrderId: placed.repairOrderId,
      }),
    );
    expect(suggestionEvents.map((e) => e.change)).toEqual(['created']);
    expect((await job(placed.jobId)).status).toBe('Pending'); // nothing moves by itself

    const accepted = await as('POST', `/api/bay-sensors/suggestions/${bay.suggestions[0]!.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect((await job(placed.jobId)).status).toBe('In_Progress');
    expect(auditOf(placed.jobId)).toEqual([expect.objectContaining({ userId: owner.id })]);
    expect((await floorBay(bayId)).suggestions).toEqual([]);

    const again = await as('POST', `/api/bay-sensors/suggestions/${bay.suggestions[0]!.id}/accept`);
    expect(again.statusCode).toBe(409);
  });

  it('a dismissed suggestion leaves the job as it was; one the job outran expires', async () => {
    const bayId = await addBay('Bay 1');
    const placed = await placeJob(bayId, 'Oil change');
    const sensor = await sensorIn(bayId);
    await publish(sensor, 'in', 1);
    await handled(bayId, 1);
    const [first] = (await floorBay(bayId)).suggestions;
    const dismissed = await as('POST', `/api/bay-sensors/suggestions/${first!.id}/dismiss`);
    expect(dismissed.json()).toMatchObject({ status: 'dismissed' });
    expect((await job(placed.jobId)).status).toBe('Pending');

    await publish(sensor, 'out', 2);
    await handled(bayId, 2);
    await publish(sensor, 'in', 3);
    await handled(bayId, 3);
    expect((await floorBay(bayId)).suggestions).toHaveLength(1);
    // Started from the board by hand: the suggestion has nothing left to ask.
    const started = await as('POST', `/api/jobs/${placed.jobId}/status`, {
      status: 'In_Progress',
      version: (await job(placed.jobId)).version,
    });
    expect(started.statusCode, started.body).toBe(200);
    await waitFor('the suggestion to expire', async () => (await floorBay(bayId)).suggestions.length === 0);
  });

  it('a car in a bay with no job placed is kept and shown', async () => {
    const bayId = await addBay('Bay 5');
    const sensor = await sensorIn(bayId);
    await publish(sensor, 'in', 1);
    expect(await handled(bayId, 1)).toMatchObject({
      outcome: 'applied',
      action: 'no_job',
      detail: 'Car in Bay 5, no job placed',
    });
    expect(await floorBay(bayId)).toMatchObject({
      occupied: true,
      noJobPlaced: true,
      job: null,
      suggestions: [],
    });
  });
});

describe('automatic mode', () => {
  it('starts the job on in and completes it on out, audited as done by the sensor', async () => {
    await setMode('automatic');
    const bayId = await addBay('Bay 2');
    const placed = await placeJob(bayId, 'Alignment');
    const sensor = await sensorIn(bayId, 'Bay 2 ceiling sensor');

    await publish(sensor, 'in', 10);
    expect(await handled(bayId, 10)).toMatchObject({ action: 'started', jobId: placed.jobId });
    const started = await job(placed.jobId);
    expect(started).toMatchObject({ status: 'In_Progress', actualStart: '2026-03-02T14:00:00.000Z' });

    t.clock.advance(40 * 60_000);
    await publish(sensor, 'out', 11);
    expect(await handled(bayId, 11)).toMatchObject({ action: 'completed' });
    expect(await job(placed.jobId)).toMatchObject({
      status: 'Completed',
      actualEnd: '2026-03-02T14:40:00.000Z',
    });

    const audit = auditOf(placed.jobId);
    expect(audit).toHaveLength(2);
    for (const entry of audit) {
      expect(entry.userId).toBeNull();
      expect(entry.label).toBe(`bay-sensor "Bay 2 ceiling sensor" (device ${sensor.pairing.deviceId})`);
    }
    const timeInBay = await as('GET', `/api/bay-sensors/repair-orders/${placed.repairOrderId}`);
    expect(timeInBay.json()).toEqual({
      repairOrderId: placed.repairOrderId,
      jobs: [
        {
          jobId: placed.jobId,
          secondsInBay: 40 * 60,
          bookSeconds: 3600,
          overrun: false,
          inBayNow: null,
          stays: 1,
        },
      ],
    });
  });

  it('keeps a refusal on the event when the job’s own rules say no (a blocked job is never resumed by a sensor)', async () => {
    await setMode('automatic');
    const bayId = await addBay('Bay 4');
    const placed = await placeJob(bayId, 'Timing belt');
    await as('POST', `/api/jobs/${placed.jobId}/status`, {
      status: 'In_Progress',
      version: (await job(placed.jobId)).version,
    });
    const blocked = await as('POST', `/api/jobs/${placed.jobId}/status`, {
      status: 'Blocked',
      version: (await job(placed.jobId)).version,
      reason: 'Waiting for the belt kit',
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    const sensor = await sensorIn(bayId);
    await publish(sensor, 'in', 1);
    expect(await handled(bayId, 1)).toMatchObject({ action: 'suggested' });
    expect((await job(placed.jobId)).status).toBe('Blocked');
    expect((await floorBay(bayId)).suggestions[0]!.message).toMatch(/resume “Timing belt”/);
  });
});

describe('sequence numbers', () => {
  it('stores a repeat once, keeps a late event without applying it, and handles in-while-in / out-while-out', async () => {
    const bayId = await addBay('Bay 6');
    const sensor = await sensorIn(bayId);
    await publish(sensor, 'in', 5, '2026-03-02T13:50:00.000Z');
    await publish(sensor, 'in', 5, '2026-03-02T13:50:00.000Z'); // the same message again (QoS 1 redelivery)
    await publish(sensor, 'out', 7, '2026-03-02T13:58:00.000Z');
    await publish(sensor, 'in', 6, '2026-03-02T13:55:00.000Z'); // late: the bay is past it
    await publish(sensor, 'out', 8);
    await publish(sensor, 'in', 9, '2026-03-02T14:00:00.000Z');
    await publish(sensor, 'in', 10);
    await handled(bayId, 10);

    const events = await eventsOf(bayId);
    expect(events.map((e) => [e.seq, e.event, e.outcome])).toEqual([
      [10, 'in', 'already_in'],
      [9, 'in', 'applied'],
      [8, 'out', 'already_out'],
      [6, 'in', 'out_of_order'],
      [7, 'out', 'applied'],
      [5, 'in', 'applied'],
    ]);
    // The stay that began first is the one the bay is in.
    expect(await floorBay(bayId)).toMatchObject({ occupied: true, since: '2026-03-02T14:00:00.000Z' });
  });
});

describe('the bay TVs and the displays', () => {
  it('the bay TV board shows the car, its time in bay and an offline sensor', async () => {
    const bayId = await addBay('Bay 2');
    await placeJob(bayId, 'Brakes');
    const token = (await as('POST', '/api/display-tokens', { name: 'TV' })).json<{ token: string }>().token;
    const tvBoard = async () =>
      (await displayBoard(token))
        .json<{ bays: { id: string; sensor: Record<string, unknown> }[] }>()
        .bays.find((b) => b.id === bayId)!;
    expect((await tvBoard()).sensor).toEqual({
      occupied: false,
      since: null,
      hasSensor: false,
      sensorOffline: false,
      noJobPlaced: false,
      overrun: false,
    });

    const sensor = await sensorIn(bayId);
    await publish(sensor, 'in', 1, '2026-03-02T13:45:00.000Z');
    await handled(bayId, 1);
    expect((await tvBoard()).sensor).toEqual({
      occupied: true,
      since: '2026-03-02T13:45:00.000Z',
      hasSensor: true,
      sensorOffline: false,
      noJobPlaced: false,
      overrun: false,
    });

    const sensorChanges = listen('baySensorChanged');
    await sensor.client.endAsync(true);
    await waitFor(
      'the sensor to show offline on the TV',
      async () => (await tvBoard()).sensor.sensorOffline === true,
    );
    // …and the TVs hear of it at once (the board topic), not at their next periodic refresh.
    await waitFor('the live event', () => sensorChanges.some((e) => e.bayId === bayId && !e.online));
  });

  it('TVs asking together share one board; a write or a live event makes the next ask compute it again', async () => {
    const bayId = await addBay('Bay 3');
    const token = (await as('POST', '/api/display-tokens', { name: 'TV' })).json<{ token: string }>().token;
    const generatedAt = async () => (await displayBoard(token)).json<{ generatedAt: string }>().generatedAt;
    const first = await generatedAt();
    t.clock.advance(10);
    expect(await generatedAt()).toBe(first); // nothing written or announced: the same board
    t.app.events.emit('bayOccupancyChanged', {
      bayId,
      occupied: false,
      since: null,
      jobId: null,
      repairOrderId: null,
      at: t.clock.now().toISOString(),
    });
    const afterEvent = await generatedAt();
    expect(afterEvent).not.toBe(first);
    t.clock.advance(10);
    await addBay('Bay 4'); // a write
    expect(await generatedAt()).not.toBe(afterEvent);
  });

  it('retains each bay’s state on MQTT for the bay’s display, and updates it when a car comes in', async () => {
    const bayId = await addBay('Bay 1');
    const placed = await placeJob(bayId, 'Tires');
    const displayPairing = await pairDevice(t.app, owner.cookie, 'display', 'Bay 1 TV', bayId);
    const display = await connectDevice(t.mqttUrl, displayPairing);
    clients.push(display);
    const states: BayState[] = [];
    display.on('message', (_topic, payload) => states.push(JSON.parse(payload.toString()) as BayState));
    await display.subscribeAsync(mqttTopic.bayState(bayId), { qos: 1 });
    await waitFor('the retained state', () => states.length > 0);
    expect(states.at(-1)).toMatchObject({ bayId, occupied: false, jobId: placed.jobId, jobTitle: 'Tires' });

    const sensor = await sensorIn(bayId);
    await publish(sensor, 'in', 1, '2026-03-02T13:59:00.000Z');
    await waitFor('the occupied state', () => states.at(-1)?.occupied === true);
    expect(states.at(-1)).toMatchObject({
      bayId,
      occupied: true,
      since: '2026-03-02T13:59:00.000Z',
      jobId: placed.jobId,
      repairOrderNumber: placed.repairOrderNumber,
    });
  });
});

describe('overrun', () => {
  it('tells the advisor once when a job in a bay passes its book hours', async () => {
    const bayId = await addBay('Bay 3');
    const placed = await placeJob(bayId, 'Clutch', 1.5);
    const sensor = await sensorIn(bayId);
    const overruns = listen('bayOverrun');
    await publish(sensor, 'in', 1);
    await handled(bayId, 1);
    expect((await floorBay(bayId)).job).toMatchObject({ bookSeconds: 5400, overrun: false });

    t.clock.advance(91 * 60_000);
    expect((await floorBay(bayId)).job).toMatchObject({ secondsInBay: 91 * 60, overrun: true });
    await waitFor('the overrun alert', () => overruns.length > 0);
    expect(overruns).toEqual([
      {
        bayId,
        jobId: placed.jobId,
        repairOrderId: placed.repairOrderId,
        secondsInBay: 91 * 60,
        bookSeconds: 5400,
        at: '2026-03-02T15:31:00.000Z',
      },
    ]);
    t.clock.advance(10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100)); // a few more checks: still once
    expect(overruns).toHaveLength(1);
  });
});
