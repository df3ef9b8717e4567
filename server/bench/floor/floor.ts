import type { HoldRequest, ThroughputRequest, ThroughputResult, BenchClient } from './mqtt-load.js';
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
 *   - the memory the broker adds with N connected devices: ASE's RSS with them over without.
 */

export interface FloorSettings {
  /** Devices publishing at once in the throughput run. */
  throughputClients: number;
  messagesPerClient: number;
  /** Devices held connected for the memory reading. */
  heldDevices: number;
}

export const DEFAULT_FLOOR_SETTINGS: FloorSettings = {
  throughputClients: 20,
  messagesPerClient: 1_000,
  heldDevices: 200,
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

export async function runFloorSuite(settings: FloorSettings = DEFAULT_FLOOR_SETTINGS): Promise<FloorReport> {
  const ase = await startAseProcess();
  try {
    const floor = await AseFloorClient.signUpOwner(ase.baseUrl);
    const kiosks = await floor.pairMany('kiosk', Math.max(settings.heldDevices, settings.throughputClients));
    console.log(`Floor: ${kiosks.length} devices paired; memory with ${settings.heldDevices} connected ...`);
    const memory = await measureMemory(ase, kiosks.slice(0, settings.heldDevices));
    console.log(`Floor: QoS 1 throughput, ${settings.throughputClients} devices, ASE vs mosquitto ...`);
    const throughput = await measureThroughput(ase, kiosks.slice(0, settings.throughputClients), settings);
    return { throughput, memory };
  } finally {
    await ase.close();
  }
}

export function formatFloorReport(report: FloorReport): string {
  const t = report.throughput;
  const m = report.memory;
  return [
    'Shop floor (MQTT), separate processes: ASE, mosquitto, load generator',
    `  QoS 1 throughput, ${t.clients} devices x ${t.messages / t.clients} msgs: ASE ${t.aseMessagesPerSecond}/s, ` +
      `mosquitto ${t.mosquittoMessagesPerSecond}/s, ratio ${t.ratio.toFixed(2)} (goal >= 1.0)`,
    `  memory with ${m.devices} devices connected: ${m.rssBeforeMb} MB -> ${m.rssWithDevicesMb} MB, ` +
      `added ${m.addedMb} MB (goal < 30)`,
  ].join('\n');
}
