import mqtt, { type MqttClient } from 'mqtt';
import { mqttTopic, type DeviceKind } from '../../server/contracts/mqtt.js';
import type { DevicePairing } from './pairing.js';
import { pinnedCa } from './tls-pin.js';

/** Where a device's lines go (the terminal in `npm run simulate`, a list in tests). */
export type Log = (line: string) => void;

export interface DeviceOptions {
  /** `mqtt://host:port` to use instead of the pairing's host and port (the pairing names the shop's address). */
  brokerUrl?: string | undefined;
  /** The device's own clock: the simulated time, which `at` is stamped with. */
  clock: () => Date;
  /**
   * Where `seq` starts. A real device keeps its counter in flash so it only grows across reboots;
   * the simulator has no flash and starts from its start time in seconds × 1000 instead.
   */
  seqStart: number;
  log: Log;
  /**
   * Connect over TLS to the pairing's tlsPort, trusting only this CA certificate (PEM), which
   * must match the pairing's caSha256; plain MQTT when absent.
   */
  caPem?: string | undefined;
}

const FIRMWARE = 'ase-sim 1.0.0';

/**
 * What every device does on the broker, the part a firmware author copies: connect with its own
 * credentials (client id = username = device id, MQTT 3.1.1), leave a retained last will
 * `{"state":"offline"}` on its status topic, announce itself online (retained) once connected,
 * report JSON with a growing `seq` and its own clock in `at` at QoS 1, and on a clean shutdown
 * say offline itself before disconnecting (the broker sends the will only when a device vanishes).
 */
export abstract class DeviceClient {
  #client: MqttClient | null = null;
  #seq: number;
  readonly name: string;

  constructor(
    readonly pairing: DevicePairing,
    protected readonly options: DeviceOptions,
    label: string,
  ) {
    this.#seq = options.seqStart;
    this.name = label;
  }

  abstract readonly kind: DeviceKind;
  protected abstract readonly model: string;

  get id(): string {
    return this.pairing.deviceId;
  }

  protected topic(channel: string): string {
    return mqttTopic.device(this.kind, this.id, channel);
  }

  protected now(): string {
    return this.options.clock().toISOString();
  }

  protected log(line: string): void {
    this.options.log(`${this.name}: ${line}`);
  }

  /** The next sequence number; a message sent again keeps the number it was first sent with. */
  protected nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  /** The number the next report will carry, without using it up. */
  protected peekSeq(): number {
    return this.#seq + 1;
  }

  async connect(): Promise<void> {
    const { url, tls } = this.address();
    try {
      this.#client = await mqtt.connectAsync(
        url,
        {
          protocolVersion: 4,
          clientId: this.pairing.clientId,
          username: this.pairing.username,
          password: this.pairing.password,
          ...tls,
          clean: true,
          keepalive: 30,
          reconnectPeriod: 2000,
          connectTimeout: 10_000,
          will: {
            topic: this.topic('status'),
            payload: Buffer.from(JSON.stringify({ state: 'offline' })),
            qos: 1,
            retain: true,
          },
        },
        false,
      );
    } catch (error) {
      throw new Error(`${this.name} (${this.id}) could not connect to ${url}: ${(error as Error).message}`);
    }
    this.#client.on('error', (error) => this.log(`connection error: ${error.message}`));
    this.#client.on('reconnect', () => this.log('reconnecting'));
    await this.onConnected(this.#client);
    await this.publish(
      'status',
      { state: 'online', firmware: FIRMWARE, model: this.model, at: this.now() },
      true,
    );
    this.log(`online (${this.kind} ${this.id})`);
  }

  /** Where to connect: the pairing's plain port, or its TLS port with the pinned CA. */
  private address(): { url: string; tls: { ca: string; rejectUnauthorized: true } | object } {
    const { pairing, options } = this;
    if (options.caPem !== undefined) {
      if (pairing.tlsPort === null || pairing.caSha256 === null)
        throw new Error(`${this.name} (${this.id}): its pairing has no TLS port (MQTT over TLS is off)`);
      const ca = pinnedCa(options.caPem, pairing.caSha256, 'the CA certificate');
      return {
        url: options.brokerUrl ?? `mqtts://${pairing.host}:${pairing.tlsPort}`,
        tls: { ca, rejectUnauthorized: true },
      };
    }
    if (options.brokerUrl === undefined && pairing.port === null)
      throw new Error(
        `${this.name} (${this.id}): its pairing has no plain MQTT port (the broker's is off); give --broker`,
      );
    return { url: options.brokerUrl ?? `mqtt://${pairing.host}:${pairing.port}`, tls: {} };
  }

  /** Subscriptions a kind needs, made before it announces itself online. */
  protected async onConnected(_client: MqttClient): Promise<void> {}

  /** A report as the contract has it: JSON at QoS 1, resolved once the broker has it. */
  protected async publish(channel: string, payload: object, retain = false): Promise<void> {
    await this.publishText(channel, JSON.stringify(payload), retain);
  }

  /** Raw text on a channel: only the fault injection sends anything but a contract payload. */
  protected async publishText(channel: string, text: string, retain = false): Promise<void> {
    if (this.#client === null) throw new Error(`${this.name} is not connected`);
    await this.#client.publishAsync(this.topic(channel), text, { qos: 1, retain });
  }

  /** A power cut: the socket drops with no goodbye, so the broker publishes the last will. */
  crash(): void {
    const client = this.#client;
    if (client === null) return;
    this.#client = null;
    client.options.reconnectPeriod = 0;
    client.stream.destroy();
    client.end(true);
    this.log('power cut (the broker sends its last will)');
  }

  /** Clean shutdown: say offline (retained, replacing "online"), then disconnect, so no will fires. */
  async close(): Promise<void> {
    const client = this.#client;
    if (client === null) return;
    this.#client = null;
    if (client.connected) {
      await client
        .publishAsync(this.topic('status'), JSON.stringify({ state: 'offline', at: this.now() }), {
          qos: 1,
          retain: true,
        })
        .catch(() => undefined);
    }
    await client.endAsync();
    this.log('offline (clean disconnect)');
  }
}
