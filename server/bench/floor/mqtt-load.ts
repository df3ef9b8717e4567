import { createInterface } from 'node:readline';
import { connectAsync, type MqttClient } from 'mqtt';

/**
 * The shop-floor load generator: its own process (processes.ts starts it), so its CPU is not the
 * broker's. One JSON request on stdin; JSON lines on stdout (`ready`, then `result`, or `error`).
 *   throughput: every client publishes QoS 1 messages with a window in flight; messages per second
 *               until the last PUBACK.
 *   hold:       every client connects (birth status, last will) and stays until told to go.
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

export type LoadRequest = ThroughputRequest | HoldRequest;

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

function write(message: object): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done === true) throw new Error('no request on stdin');
  const request = JSON.parse(first.value) as LoadRequest;
  const released = lines.next().then(() => undefined);
  const result = request.mode === 'throughput' ? await throughput(request) : await hold(request, released);
  write({ result });
  process.exit(0);
}

main().catch((error: unknown) => {
  write({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
