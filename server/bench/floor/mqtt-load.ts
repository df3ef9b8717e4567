import { createInterface } from 'node:readline';
import { connectAsync, type MqttClient } from 'mqtt';
import WebSocket from 'ws';

/**
 * The shop-floor load generator: its own process (processes.ts starts it), so its CPU is not the
 * broker's. One JSON request on stdin; JSON lines on stdout (`ready`, then `result`, or `error`).
 *   throughput: every client publishes QoS 1 messages with a window in flight; messages per second
 *               until the last PUBACK.
 *   hold:       every client connects (birth status, last will) and stays until told to go.
 *   latency:    bay TVs on /ws, telemetry devices at 1 Hz, and one bay sensor whose each event is
 *               timed from its PUBLISH to the moment every TV has the live event (and, for the
 *               card, the board refetched as the TV page does).
 */

export interface BenchClient {
  clientId: string;
  username?: string;
  password?: string;
  /** Where it publishes its reports (ase/v1/<kind>/<id>/<channel>). */
  topic: string;
  /** Its status topic (birth message and last will), for `hold`. */
  statusTopic?: string;
}

export interface ThroughputRequest {
  mode: 'throughput';
  url: string;
  clients: BenchClient[];
  warmupPerClient: number;
  messagesPerClient: number;
  /** QoS 1 messages in flight per client (a device's firmware usually allows a few). */
  window: number;
}

export interface HoldRequest {
  mode: 'hold';
  url: string;
  clients: BenchClient[];
}

export interface ThroughputResult {
  messages: number;
  seconds: number;
  perSecond: number;
}

export interface LatencyRequest {
  mode: 'latency';
  mqttUrl: string;
  baseUrl: string;
  /** One per bay TV: the display token it opens /ws and the board with. */
  displayTokens: string[];
  /** The bay sensor whose events are timed. */
  sensor: BenchClient;
  /** Devices sending telemetry once a second the whole time (the floor's background load). */
  telemetry: BenchClient[];
  events: number;
  /** Pause between two sensor events. */
  gapMs: number;
  /** The live event a TV gets for an occupancy change. */
  eventName: string;
}

export interface LatencyResult {
  samples: number;
  /** PUBLISH → the live event on every TV's socket (ms). */
  eventMs: { p50: number; p99: number; max: number };
  /** PUBLISH → the TV has refetched its board after that event (ms): the card on screen. */
  cardMs: { p50: number; p99: number; max: number };
  telemetrySent: number;
  missed: number;
}

export type LoadRequest = ThroughputRequest | HoldRequest | LatencyRequest;

const CONNECT_BATCH = 20;

async function connect(url: string, client: BenchClient): Promise<MqttClient> {
  const mqttClient = await connectAsync(url, {
    protocolVersion: 4,
    clientId: client.clientId,
    ...(client.username === undefined ? {} : { username: client.username, password: client.password }),
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: 20_000,
    ...(client.statusTopic === undefined
      ? {}
      : {
          will: {
            topic: client.statusTopic,
            payload: Buffer.from('{"state":"offline"}'),
            qos: 1,
            retain: true,
          },
        }),
  });
  // Nagle would hold QoS 1 PUBACKs back by tens of ms, and measure that instead of the broker.
  const stream = mqttClient.stream as { setNoDelay?: (on: boolean) => void };
  stream.setNoDelay?.(true);
  return mqttClient;
}

/** Connects in small batches: 200 simultaneous CONNECTs would measure the accept queue, not a shop. */
async function connectAll(url: string, clients: BenchClient[]): Promise<MqttClient[]> {
  const connected: MqttClient[] = [];
  for (let i = 0; i < clients.length; i += CONNECT_BATCH) {
    connected.push(...(await Promise.all(clients.slice(i, i + CONNECT_BATCH).map((c) => connect(url, c)))));
  }
  return connected;
}

function heartbeat(seq: number): string {
  return JSON.stringify({ seq, at: new Date().toISOString(), screen: 'welcome' });
}

/** Publishes `count` messages from one client, keeping `window` unacknowledged at most. */
async function publishMany(
  client: MqttClient,
  topic: string,
  firstSeq: number,
  count: number,
  window: number,
) {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const seq = firstSeq + next;
      next += 1;
      await client.publishAsync(topic, heartbeat(seq), { qos: 1 });
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, count) }, lane));
}

async function throughput(request: ThroughputRequest): Promise<ThroughputResult> {
  const clients = await connectAll(request.url, request.clients);
  try {
    await Promise.all(
      clients.map((c, i) =>
        publishMany(c, request.clients[i]!.topic, 0, request.warmupPerClient, request.window),
      ),
    );
    const started = process.hrtime.bigint();
    await Promise.all(
      clients.map((c, i) =>
        publishMany(
          c,
          request.clients[i]!.topic,
          request.warmupPerClient,
          request.messagesPerClient,
          request.window,
        ),
      ),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const messages = request.messagesPerClient * clients.length;
    return { messages, seconds, perSecond: messages / seconds };
  } finally {
    await Promise.all(clients.map((c) => c.endAsync()));
  }
}

async function hold(request: HoldRequest, released: Promise<void>): Promise<{ connected: number }> {
  const clients = await connectAll(request.url, request.clients);
  try {
    await Promise.all(
      clients.map((c, i) => {
        const statusTopic = request.clients[i]!.statusTopic;
        return statusTopic === undefined
          ? Promise.resolve()
          : c.publishAsync(statusTopic, '{"state":"online","firmware":"bench"}', { qos: 1, retain: true });
      }),
    );
    write({ ready: { connected: clients.length } });
    await released;
    return { connected: clients.length };
  } finally {
    await Promise.all(clients.map((c) => c.endAsync()));
  }
}

interface Tv {
  socket: WebSocket;
  waiting: ((name: string) => void) | null;
}

function openTv(baseUrl: string, token: string): Promise<Tv> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/ws?displayToken=${encodeURIComponent(token)}`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const tv: Tv = { socket, waiting: null };
    socket.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as {
        type: string;
        name?: string;
      };
      if (message.type === 'event' && message.name !== undefined) tv.waiting?.(message.name);
    });
    socket.once('open', () => {
      socket.send(JSON.stringify({ type: 'subscribe', topics: ['board'] }));
      resolve(tv);
    });
    socket.once('error', reject);
  });
}

function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? 0) };
}

const EVENT_DEADLINE_MS = 5_000;

/** Resolves with the ms from `started` to the TV's next `eventName`, or null past the deadline. */
function nextEvent(tv: Tv, eventName: string, started: bigint): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      tv.waiting = null;
      resolve(null);
    }, EVENT_DEADLINE_MS);
    tv.waiting = (name) => {
      if (name !== eventName) return;
      clearTimeout(timer);
      tv.waiting = null;
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
    };
  });
}

async function latency(request: LatencyRequest): Promise<LatencyResult> {
  const tvs = await Promise.all(request.displayTokens.map((t) => openTv(request.baseUrl, t)));
  const [sensor] = await connectAll(request.mqttUrl, [request.sensor]);
  const telemetryClients = await connectAll(request.mqttUrl, request.telemetry);
  let telemetrySent = 0;
  const ticker = setInterval(() => {
    telemetryClients.forEach((client, i) => {
      telemetrySent += 1;
      const payload = {
        seq: telemetrySent,
        at: new Date().toISOString(),
        batteryVolts: 12.6,
        fuelPercent: 50,
      };
      client.publish(request.telemetry[i]!.topic, JSON.stringify(payload), { qos: 1 });
    });
  }, 1_000);
  const eventMs: number[] = [];
  const cardMs: number[] = [];
  let missed = 0;
  try {
    for (let i = 0; i < request.events; i += 1) {
      const payload = { seq: i + 1, at: new Date().toISOString(), event: i % 2 === 0 ? 'in' : 'out' };
      const started = process.hrtime.bigint();
      const arrivals = tvs.map(async (tv, t) => {
        const ms = await nextEvent(tv, request.eventName, started);
        if (ms === null) return null;
        // The bay TV page refetches its board on the event: the card shows the change after that.
        const board = await fetch(`${request.baseUrl}/api/display/board`, {
          headers: { authorization: `Bearer ${request.displayTokens[t]}` },
        });
        await board.arrayBuffer();
        return { ms, card: Number(process.hrtime.bigint() - started) / 1e6 };
      });
      await sensor!.publishAsync(request.sensor.topic, JSON.stringify(payload), { qos: 1 });
      for (const arrival of await Promise.all(arrivals)) {
        if (arrival === null) missed += 1;
        else {
          eventMs.push(arrival.ms);
          cardMs.push(arrival.card);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, request.gapMs));
    }
  } finally {
    clearInterval(ticker);
    tvs.forEach((tv) => tv.socket.close());
    await Promise.all([sensor!, ...telemetryClients].map((c) => c.endAsync()));
  }
  return {
    samples: eventMs.length,
    eventMs: percentiles(eventMs),
    cardMs: percentiles(cardMs),
    telemetrySent,
    missed,
  };
}

function write(message: object): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done === true) throw new Error('no request on stdin');
  const request = JSON.parse(first.value) as LoadRequest;
  const released = lines.next().then(() => undefined);
  const result =
    request.mode === 'throughput'
      ? await throughput(request)
      : request.mode === 'latency'
        ? await latency(request)
        : await hold(request, released);
  write({ result });
  process.exit(0);
}

main().catch((error: unknown) => {
  write({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
