import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { pino } from 'pino';
import type { DeviceKind } from '../../contracts/mqtt.js';
import type { Kernel } from '../../src/modules/module.js';
import type { Device, Pairing } from '../../src/modules/devices/devices.schemas.js';
import { createTestApp, type TestApp } from './test-app.js';

export interface AppWithBroker extends TestApp {
  /** mqtt://127.0.0.1:<port> of the app's broker. */
  mqttUrl: string;
  mqttPort: number;
  /** mqtts://127.0.0.1:<port> when started with `tls: true`, else null. */
  mqttsUrl: string | null;
}

export interface BrokerAppOptions {
  /** Also listen for MQTT over TLS (makes the local CA in the test's data dir: slower). */
  tls?: boolean;
  /** How long a socket may stay without CONNECT (default 10 s). */
  connectTimeoutMs?: number;
  /** A logger to read what the broker logs (default: silent). */
  logger?: FastifyBaseLogger;
  /** Other modules' knobs (e.g. bayOverrunCheckMs), passed to the app as they are. */
  tuning?: Omit<Kernel['tuning'], 'mqtt' | 'mqttConnectTimeoutMs'>;
}

/**
 * The real app (real SQLite file) with its MQTT broker on a free port of 127.0.0.1. The app
 * listens on a free HTTP port too (the broker binds when the app listens, as in production).
 * `close()` closes the app, which closes the broker (clients are disconnected, wills fire).
 */
export async function startAppWithBroker(options: BrokerAppOptions = {}): Promise<AppWithBroker> {
  const testApp = await createTestApp(
    {},
    {
      tuning: {
        ...options.tuning,
        mqtt: { host: '127.0.0.1', mqtt: 0, mqtts: options.tls === true ? 0 : null },
        ...(options.connectTimeoutMs === undefined ? {} : { mqttConnectTimeoutMs: options.connectTimeoutMs }),
      },
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    },
  );
  await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  // Fastify runs onListen hooks (the broker's start) after listen() resolves: wait for the outcome.
  await waitFor('the MQTT broker to listen or fail', () => {
    const state = testApp.app.deviceBrokerState();
    const tlsSettled = options.tls !== true || state.mqtts.listening || state.mqtts.error !== null;
    return (state.mqtt.listening || state.mqtt.error !== null) && tlsSettled;
  });
  const broker = testApp.app.deviceBrokerState();
  if (!broker.mqtt.listening || broker.mqtt.port === null) {
    await testApp.close();
    throw new Error(`the MQTT broker did not start: ${broker.mqtt.error}`);
  }
  return {
    ...testApp,
    mqttUrl: `mqtt://127.0.0.1:${broker.mqtt.port}`,
    mqttPort: broker.mqtt.port,
    mqttsUrl: broker.mqtts.listening ? `mqtts://127.0.0.1:${broker.mqtts.port}` : null,
  };
}

/** Pairs a device through the API as the owner (`cookie`) and returns its pairing (the QR content). */
export async function pairDevice(
  app: FastifyInstance,
  cookie: string,
  kind: DeviceKind,
  name: string,
  bayId?: string,
): Promise<Pairing> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/devices',
    headers: { cookie },
    payload: { kind, name, ...(bayId === undefined ? {} : { bayId }) },
  });
  if (response.statusCode !== 201)
    throw new Error(`pairing failed (${response.statusCode}): ${response.body}`);
  return response.json<{ pairing: Pairing }>().pairing;
}

/**
 * A real `mqtt` client connected as the paired device (client id = username = device id),
 * MQTT 3.1.1, no reconnect (a test sees a refusal as an error, not a retry loop).
 */
export function connectDevice(
  url: string,
  pairing: Pairing,
  options: IClientOptions = {},
): Promise<MqttClient> {
  return connectAsync(url, {
    clientId: pairing.clientId,
    username: pairing.username,
    password: pairing.password,
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
    ...options,
  });
}

/**
 * Waits until `condition` holds (sync or async), checking every 10 ms, for at most `timeoutMs`;
 * throws with `what` when the deadline passes. A bounded wait, never a sleep as an assertion.
 */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** One device as GET /api/devices lists it (the owner's view: counters, online, last error). */
export async function listedDevice(app: FastifyInstance, cookie: string, deviceId: string): Promise<Device> {
  const response = await app.inject({ method: 'GET', url: '/api/devices', headers: { cookie } });
  if (response.statusCode !== 200)
    throw new Error(`GET /api/devices: ${response.statusCode} ${response.body}`);
  const device = response.json<{ items: Device[] }>().items.find((d) => d.id === deviceId);
  if (device === undefined) throw new Error(`device ${deviceId} is not listed`);
  return device;
}

/** A pino logger whose lines (parsed) a test reads: what the broker says in the log. */
export function logCollector(): { lines: Array<Record<string, unknown>>; logger: FastifyBaseLogger } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );
  return { lines, logger };
}
