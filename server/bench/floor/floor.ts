import type {
  BenchClient,
  HoldRequest,
  LatencyRequest,
  LatencyResult,
  ThroughputRequest,
  ThroughputResult,
} from './mqtt-load.js';
import {
  runLoadGenerator,
  settledRssMb,
  startAseProcess,
  startMosquitto,
  type AseProcess,
} from './processes.js';
import { AseFloorClient, type PairedDevice } from './pairing.js';

/**
 * The shop floor's numbers (issue 17), each against a baseline in the same run:
 *   - broker throughput at QoS 1: ASE's embedded broker (auth, ACL, payload validation) over
 *     Debian's mosquitto, the same clients, topics and payloads from the same load generator;
 *   - the memory the broker adds with N connected devices: ASE's RSS with them over without;
 *   - a bay sensor's event to the bay TVs' cards, with TVs watching and dongles sending telemetry.
 */

export interface FloorSettings {
  /** Devices publishing at once in the throughput run. */
  throughputClients: number;
  messagesPerClient: number;
  /** Devices held connected for the memory reading. */
  heldDevices: number;
  /** Bay TVs watching the board while a bay sensor's events are timed. */
  tvs: number;
  /** OBD dongles sending telemetry once a second meanwhile. */
  telemetryDevices: number;
  sensorEvents: number;
}

export const DEFAULT_FLOOR_SETTINGS: FloorSettings = {
  throughputClients: 20,
  messagesPerClient: 1_000,
  heldDevices: 200,
  tvs: 20,
  telemetryDevices: 50,
  sensorEvents: 60,
};

export interface FloorReport {
  throughput: {
    clients: number;
    messages: number;
    aseMessagesPerSecond: number;
    mosquittoMessagesPerSecond: number;
    /** ASE over mosquitto: the issue wants at least 1.0. */
    ratio: number;
  };
  memory: {
    devices: number;
    rssBeforeMb: number;
    rssWithDevicesMb: number;
    /** What the connected devices cost the ASE process: the issue wants under 30 MB. */
    addedMb: number;
  };
  /** Sensor PUBLISH → every TV; the issue wants the card's p99 under 50 ms. */
  latency: LatencyResult & { tvs: number; telemetryDevices: number };
}

function throughputRequest(url: string, clients: BenchClient[], settings: FloorSettings): ThroughputRequest {
  return {
    mode: 'throughput',
    url,
    clients,
    warmupPerClient: Math.max(10, Math.floor(settings.messagesPerClient / 10)),
    messagesPerClient: settings.messagesPerClient,
    window: 8,
  };
}

function asClients(devices: PairedDevice[]): BenchClient[] {
  return devices.map((d) => ({
    clientId: d.clientId,
    username: d.username,
    password: d.password,
    topic: `ase/v1/${d.kind}/${d.deviceId}/heartbeat`,
    statusTopic: `ase/v1/${d.kind}/${d.deviceId}/status`,
  }));
}

async function measureThroughput(ase: AseProcess, kiosks: PairedDevice[], settings: FloorSettings) {
  const aseClients = asClients(kiosks);
  const mosquitto = await startMosquitto();
  try {
    // mosquitto first, then ASE, then mosquitto again: the mean of the two baseline runs evens
    // out the machine warming up (JIT of the load generator, CPU frequency).
    const baseline1 = await runLoadGenerator<ThroughputResult>(
      throughputRequest(mosquitto.mqttUrl, aseClients.map(anonymous), settings),
    );
    const measured = await runLoadGenerator<ThroughputResult>(
      throughputRequest(ase.mqttUrl, aseClients, settings),
    );
    const baseline2 = await runLoadGenerator<ThroughputResult>(
      throughputRequest(mosquitto.mqttUrl, aseClients.map(anonymous), settings),
    );
    const mosquittoPerSecond = (baseline1.perSecond + baseline2.perSecond) / 2;
    return {
      clients: aseClients.length,
      messages: measured.messages,
      aseMessagesPerSecond: Math.round(measured.perSecond),
      mosquittoMessagesPerSecond: Math.round(mosquittoPerSecond),
      ratio: measured.perSecond / mosquittoPerSecond,
    };
  } finally {
    await mosquitto.close();
  }
}

function anonymous(client: BenchClient): BenchClient {
  return { clientId: client.clientId, topic: client.topic };
}

async function measureMemory(ase: AseProcess, devices: PairedDevice[]) {
  const rssBeforeMb = await settledRssMb(ase.pid);
  let rssWithDevicesMb = 0;
  const request: HoldRequest = { mode: 'hold', url: ase.mqttUrl, clients: asClients(devices) };
  await runLoadGenerator(request, async () => {
    rssWithDevicesMb = await settledRssMb(ase.pid);
  });
  return {
    devices: devices.length,
    rssBeforeMb: round1(rssBeforeMb),
    rssWithDevicesMb: round1(rssWithDevicesMb),
    addedMb: round1(rssWithDevicesMb - rssBeforeMb),
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

async function measureLatency(ase: AseProcess, floor: AseFloorClient, settings: FloorSettings) {
  const bay = await floor.request<{ id: string }>('POST', '/api/bays', { name: 'Bench bay' });
  const sensor = await floor.pair('bay-sensor', 'Bench bay sensor', bay.id);
  const dongles = await floor.pairMany('obd-dongle', settings.telemetryDevices);
  const displayTokens: string[] = [];
  for (let i = 1; i <= settings.tvs; i += 1) {
    const created = await floor.request<{ token: string }>('POST', '/api/display-tokens', {
      name: `Bench TV ${i}`,
    });
    displayTokens.push(created.token);
  }
  const client = (d: PairedDevice, channel: string): BenchClient => ({
    clientId: d.clientId,
    username: d.username,
    password: d.password,
    topic: `ase/v1/${d.kind}/${d.deviceId}/${channel}`,
  });
  const request: LatencyRequest = {
    mode: 'latency',
    mqttUrl: ase.mqttUrl,
    baseUrl: ase.baseUrl,
    displayTokens,
    sensor: client(sensor, 'occupancy'),
    telemetry: dongles.map((d) => client(d, 'telemetry')),
    events: settings.sensorEvents,
    gapMs: 250,
    eventName: 'bayOccupancyChanged',
  };
  const result = await runLoadGenerator<LatencyResult>(request);
  return { ...result, tvs: settings.tvs, telemetryDevices: settings.telemetryDevices };
}

export async function runFloorSuite(settings: FloorSettings = DEFAULT_FLOOR_SETTINGS): Promise<FloorReport> {
  const ase = await startAseProcess();
  try {
    const floor = await AseFloorClient.signUpOwner(ase.baseUrl);
    const kiosks = await floor.pairMany('kiosk', Math.max(settings.heldDevices, settings.throughputClients));
    console.log(`Floor: ${kiosks.length} devices paired; memory with ${settings.heldDevices} connected ...`);
    const memory = await measureMemory(ase, kiosks.slice(0, settings.heldDevices));
    console.log(`Floor: QoS 1 throughput, ${settings.throughputClients} devices, ASE vs mosquitto ...`);
    const throughput = await measureThroughput(ase, kiosks.slice(0, settings.throughputClients), settings);
    console.log(
      `Floor: bay sensor -> ${settings.tvs} bay TVs, ${settings.telemetryDevices} dongles at 1 Hz, ` +
        `${settings.sensorEvents} events ...`,
    );
    const latency = await measureLatency(ase, floor, settings);
    return { throughput, memory, latency };
  } finally {
    await ase.close();
  }
}

export function formatFloorReport(report: FloorReport): string {
  const t = report.throughput;
  const m = report.memory;
  const l = report.latency;
  return [
    'Shop floor (MQTT), separate processes: ASE, mosquitto, load generator',
    `  QoS 1 throughput, ${t.clients} devices x ${t.messages / t.clients} msgs: ASE ${t.aseMessagesPerSecond}/s, ` +
      `mosquitto ${t.mosquittoMessagesPerSecond}/s, ratio ${t.ratio.toFixed(2)} (goal >= 1.0)`,
    `  memory with ${m.devices} devices connected: ${m.rssBeforeMb} MB -> ${m.rssWithDevicesMb} MB, ` +
      `added ${m.addedMb} MB (goal < 30)`,
    `  bay sensor -> ${l.tvs} TVs (${l.telemetryDevices} dongles at 1 Hz), ${l.samples} samples, ${l.missed} missed: ` +
      `live event p50 ${l.eventMs.p50} / p99 ${l.eventMs.p99} ms; card (event + board) p50 ${l.cardMs.p50} / ` +
      `p99 ${l.cardMs.p99} ms (goal p99 < 50)`,
  ].join('\n');
}
