import type { Socket } from 'node:net';
import { Aedes, type AuthenticateError, type Client, type PublishPacket } from 'aedes';
import type { FastifyBaseLogger } from 'fastify';
import {
  MAX_PAYLOAD_BYTES,
  HOME_ASSISTANT_STATUS_TOPIC,
  mayPublish,
  maySubscribe,
  parseDeviceTopic,
  type DeviceIdentity,
  type DeviceKind,
} from '../../../contracts/mqtt.js';
import { constantTimeEqual, sha256Hex } from '../../lib/passwords.js';
import type { DeviceHealth } from './device-health.js';
import { FrameGuard, guardedConnection } from './frame-guard.js';
import { MqttListener, type ListenerState } from './mqtt-listeners.js';
import { checkPayload } from './payload-check.js';
import { FailureLimiter } from '../../lib/failure-limiter.js';
import { CONNECT_FAILURE_LIMITS, MessageRate, type RateLimits } from './rate-limits.js';

/** A paired device as the broker needs it to let it in. */
export interface StoredDevice {
  id: string;
  kind: DeviceKind;
  name: string;
  bayId: string | null;
  passwordHash: string;
  revokedAt: string | null;
}

export interface ConnectedDevice extends DeviceIdentity {
  name: string;
}

/** A valid report, handed on by the broker (status is the broker's own business). */
export type ReportSink = (device: ConnectedDevice, channel: string, payload: unknown) => void;

export interface BrokerPorts {
  host: string;
  /** Plain MQTT port; null = off, 0 = any free port (tests). */
  mqtt: number | null;
  /** MQTT over TLS; null = off, 0 = any free port. */
  mqtts: number | null;
}

export interface BrokerState {
  mqtt: ListenerState;
  mqtts: ListenerState & { caSha256: string | null };
}

export interface DeviceBrokerOptions {
  ports: BrokerPorts;
  /** The local CA's server certificate and the CA's fingerprint (what devices pin). */
  tls: () => Promise<{ keyPem: string; certPem: string; caSha256: string }>;
  findDevice: (id: string) => Promise<StoredDevice | undefined>;
  health: DeviceHealth;
  onReport: ReportSink;
  log: FastifyBaseLogger;
  /** How long a socket may stay without sending CONNECT. */
  connectTimeoutMs: number;
  /** What one device may send: more is dropped and counted (a flood never stalls the others). */
  messageLimits: RateLimits;
  /** Home Assistant announced itself (`online`) or its will fired (`offline`) on homeassistant/status. */
  onHomeAssistantStatus?: (state: string) => void;
}

/**
 * The largest MQTT packet read at all: a report's payload may be 16 KiB (refused above that, with a
 * PUBACK), its topic and header a few hundred bytes; past 64 KiB the bytes are not even buffered.
 */
const FRAME_LIMIT_BYTES = 4 * MAX_PAYLOAD_BYTES;
const PUBLISH_TYPE = 3;

/** Where a dropped publish goes: no client may subscribe under $SYS, so it reaches nobody. */
const DROPPED_TOPIC = '$SYS/ase/dropped';
/** A device's bad messages are logged at most once per this interval (a flood is one line, with a count). */
const LOG_EVERY_MS = 10_000;

function refusal(message: string, returnCode: number): AuthenticateError {
  const error = new Error(message) as AuthenticateError;
  error.returnCode = returnCode;
  return error;
}

function addressOf(client: Client): string {
  return (client.conn as Socket).remoteAddress ?? 'unknown';
}

/**
 * The shop floor's MQTT broker: aedes (MQTT 3.1.1) behind plain TCP and TLS listeners, deny by
 * default. A client is let in only as a paired, unrevoked device with its own password and
 * client id = username; it publishes and subscribes only where the contract's mayPublish and
 * maySubscribe say; every report is size-, rate- and schema-checked before anyone sees it. What is
 * refused or dropped is counted on the device (or its address, for strangers) and never
 * disconnects anyone else or stalls the broker.
 */
export class DeviceBroker {
  readonly #options: DeviceBrokerOptions;
  readonly #identities = new WeakMap<Client, ConnectedDevice>();
  readonly #failures = new FailureLimiter(CONNECT_FAILURE_LIMITS, () => Date.now());
  readonly #rate: MessageRate;
  readonly #logged = new Map<string, { at: number; suppressed: number }>();
  readonly #mqtt: MqttListener;
  readonly #mqtts: MqttListener;
  #caSha256: string | null = null;
  #aedes: Aedes | null = null;

  constructor(options: DeviceBrokerOptions) {
    this.#options = options;
    this.#rate = new MessageRate(options.messageLimits, () => Date.now());
    const { ports, log } = options;
    this.#mqtt = new MqttListener('MQTT broker', ports.host, ports.mqtt, log);
    this.#mqtts = new MqttListener('MQTT over TLS', ports.host, ports.mqtts, log);
  }

  get running(): boolean {
    return this.#aedes !== null;
  }

  state(): BrokerState {
    return { mqtt: this.#mqtt.state(), mqtts: { ...this.#mqtts.state(), caSha256: this.#caSha256 } };
  }

  async start(): Promise<void> {
    const { ports, connectTimeoutMs } = this.#options;
    if (this.#aedes !== null || (ports.mqtt === null && ports.mqtts === null)) return;
    const aedes = await Aedes.createBroker({
      connectTimeout: connectTimeoutMs,
      // A device that stops reading is cut after 10 s instead of holding delivery slots.
      drainTimeout: 10_000,
      // Device ids are UUIDs (36 characters): aedes' MQTT 3.1 limit of 23 would refuse them.
      maxClientsIdLength: 64,
      maxTopicLevels: 8,
      preConnect: (client, packet, done) =>
        this.#preConnect(client, packet.protocolVersion ?? 4, packet.clientId, done),
      authenticate: (client, username, password, done) => {
        this.#authenticate(client, username, password).then(
          (error) => done(error, error === null),
          (error: unknown) => {
            this.#options.log.error({ err: error }, 'MQTT authentication failed');
            done(refusal('server unavailable', 3), false);
          },
        );
      },
      authorizePublish: (client, packet, done) => done(this.#authorizePublish(client, packet)),
      authorizeSubscribe: (client, subscription, done) => {
        const device = this.#identities.get(client);
        if (device !== undefined && maySubscribe(device, subscription.topic)) return done(null, subscription);
        if (device !== undefined) this.#refuse(device.id, `subscribe to ${subscription.topic} refused`);
        done(null, null); // SUBACK 0x80 for this filter; the connection stays
      },
      // Belt and braces: a device is sent only what it may subscribe to, whatever subscribed.
      authorizeForward: (client, packet) => {
        const device = this.#identities.get(client);
        return device !== undefined && maySubscribe(device, packet.topic) ? packet : null;
      },
    });
    aedes.on('clientReady', (client) => {
      const device = this.#identities.get(client);
      if (device === undefined) return;
      this.#options.health.connected(device.id);
      this.#options.log.info(
        { deviceId: device.id, kind: device.kind, address: addressOf(client) },
        'device connected',
      );
    });
    aedes.on('clientDisconnect', (client) => {
      const device = this.#identities.get(client);
      if (device === undefined) return;
      this.#options.health.disconnected(device.id);
      this.#options.log.info({ deviceId: device.id, kind: device.kind }, 'device disconnected');
    });
    aedes.on('keepaliveTimeout', (client) => {
      this.#options.log.warn(
        { deviceId: this.#identities.get(client)?.id ?? client.id, address: addressOf(client) },
        'MQTT keep-alive expired (device gone or half-open connection): closed',
      );
    });
    aedes.on('clientError', (client, error) => {
      this.#options.log.debug(
        { clientId: client.id, address: addressOf(client), err: error },
        'MQTT client error',
      );
    });
    aedes.on('connectionError', (client, error) => {
      this.#options.log.info(
        { address: addressOf(client), reason: error.message },
        'MQTT connection refused',
      );
    });
    this.#aedes = aedes;
    const handle = (socket: Socket) => {
      let client: Client | null = null;
      const guard = new FrameGuard(FRAME_LIMIT_BYTES, (packetType, length) =>
        this.#oversize(client, socket, packetType, length),
      );
      client = aedes.handle(guardedConnection(socket, guard));
    };
    await this.#mqtt.listen(handle);
    await this.#mqtts.listen(handle, async () => {
      const material = await this.#options.tls();
      this.#caSha256 = material.caSha256;
      return material;
    });
  }

  /** Closes every client (their last wills fire, so each shows offline), then the ports. */
  async stop(): Promise<void> {
    const aedes = this.#aedes;
    this.#aedes = null;
    if (aedes !== null) await new Promise<void>((resolve) => aedes.close(() => resolve()));
    await Promise.all([this.#mqtt.close(), this.#mqtts.close()]);
  }

  /** Publishes as the server (no ACL: ASE may write anywhere in its own tree). */
  publish(topic: string, payload: string, options: { qos: 0 | 1; retain: boolean }): Promise<void> {
    const aedes = this.#aedes;
    if (aedes === null) return Promise.resolve();
    const packet: PublishPacket = {
      cmd: 'publish',
      topic,
      payload: Buffer.from(payload),
      qos: options.qos,
      retain: options.retain,
      dup: false,
    };
    return new Promise((resolve, reject) =>
      aedes.publish(packet, (error) => (error ? reject(error) : resolve())),
    );
  }

  /** Drops the device's connection now (revoked, new password): its next CONNECT is checked again. */
  disconnect(deviceId: string): void {
    const client = (this.#aedes as unknown as { clients?: Record<string, Client> } | null)?.clients?.[
      deviceId
    ];
    client?.close();
  }

  /** A device's name or bay changed: its open connection gets the new ACL (a display's bay) at once. */
  updateIdentity(deviceId: string, change: { name: string; bayId: string | null }): void {
    const client = (this.#aedes as unknown as { clients?: Record<string, Client> } | null)?.clients?.[
      deviceId
    ];
    const device = client === undefined ? undefined : this.#identities.get(client);
    if (client !== undefined && device !== undefined) this.#identities.set(client, { ...device, ...change });
  }

  #preConnect(
    client: Client,
    protocolVersion: number,
    clientId: string,
    done: (error: Error | null, ok: boolean) => void,
  ): void {
    if (protocolVersion === 5) {
      // aedes answers CONNACK 1 (unacceptable protocol version); say why in words a firmware author reads.
      const reason =
        "MQTT 5 client refused: ASE's broker speaks MQTT 3.1.1 only; set the device to protocol version 3.1.1 (level 4)";
      this.#options.log.warn({ clientId, address: addressOf(client) }, reason);
      this.#options.health.refusedAddress(addressOf(client), reason);
    }
    done(null, true);
  }

  /** null when the client may in; else the refusal (its CONNACK code), counted and rate-limited. */
  async #authenticate(
    client: Client,
    username: string | undefined,
    password: Buffer | undefined,
  ): Promise<AuthenticateError | null> {
    const address = addressOf(client);
    if (this.#failures.blocked(address)) {
      const reason = `too many failed connection attempts from ${address}: refused unchecked for up to ${CONNECT_FAILURE_LIMITS.windowMs / 1000} s`;
      this.#options.health.refusedAddress(address, reason);
      return refusal(reason, 5);
    }
    const fail = (deviceId: string | null, reason: string, code: number): AuthenticateError => {
      this.#failures.failed(address);
      this.#refuseClient(deviceId, address, reason);
      this.#options.log.info({ clientId: client.id, address, reason }, 'MQTT connection refused');
      return refusal(reason, code);
    };
    if (username === undefined || password === undefined) return fail(null, 'no username or password', 4);
    const device = await this.#options.findDevice(username);
    if (device === undefined) return fail(null, `unknown device ${username.slice(0, 64)}`, 4);
    if (client.id !== device.id)
      return fail(device.id, `client id ${client.id.slice(0, 64)} is not the username`, 2);
    if (device.revokedAt !== null) return fail(device.id, 'device revoked', 5);
    if (!constantTimeEqual(sha256Hex(password.toString('utf8')), device.passwordHash))
      return fail(device.id, 'wrong password', 4);
    this.#identities.set(client, {
      id: device.id,
      kind: device.kind,
      name: device.name,
      bayId: device.bayId,
    });
    return null;
  }

  /**
   * null lets the packet through. A refused or bad one is not an error to aedes (which would cut
   * the connection): it is rewritten to a topic nobody can subscribe to, so it reaches no one, a
   * QoS 1 sender still gets its PUBACK, and the device stays connected. Counted either way.
   */
  #authorizePublish(client: Client | null, packet: PublishPacket): Error | null {
    const device = client === null ? undefined : this.#identities.get(client);
    if (device === undefined) return new Error('not a device');
    if (!mayPublish(device, packet.topic)) {
      this.#refuse(device.id, `publish to ${packet.topic.slice(0, 120)} refused`);
      return this.#drop(packet);
    }
    if (!this.#rate.take(device.id)) {
      this.#bad(device, `over ${this.#options.messageLimits.perSecond} messages a second: dropped`);
      return this.#drop(packet);
    }
    if (packet.topic === HOME_ASSISTANT_STATUS_TOPIC) {
      // Home Assistant's birth or will: acted on, never retained or passed on to anyone.
      this.#options.health.seen(device.id);
      this.#options.onHomeAssistantStatus?.((packet.payload as Buffer).toString('utf8', 0, 16));
      return this.#drop(packet);
    }
    const channel = parseDeviceTopic(packet.topic)!.channel;
    const verdict = checkPayload(device.kind, channel, packet.payload as Buffer);
    if (!verdict.ok) {
      this.#bad(device, verdict.error);
      return this.#drop(packet);
    }
    if (channel === 'status')
      this.#status(client!, device, verdict.payload as { state: string; firmware?: string; model?: string });
    else {
      this.#options.health.seen(device.id);
      this.#options.onReport(device, channel, verdict.payload);
    }
    return null;
  }

  #status(
    client: Client,
    device: ConnectedDevice,
    status: { state: string; firmware?: string; model?: string },
  ): void {
    const { health } = this.#options;
    health.seen(device.id, { firmware: status.firmware, model: status.model });
    // The will of a connection being closed says offline; anything else from a live one, online.
    if (status.state === 'offline') {
      health.disconnected(device.id);
      this.#options.log.info(
        { deviceId: device.id, kind: device.kind },
        'device offline (its last will or its own status)',
      );
    } else if (!client.closed) health.connected(device.id);
  }

  /**
   * A packet over the frame limit: a device's PUBLISH is skipped unread and counted (the
   * connection stays; a QoS 1 sender gets no PUBACK for it); anything else closes the connection.
   */
  #oversize(client: Client | null, socket: Socket, packetType: number, length: number): 'skip' | 'close' {
    const device = client === null ? undefined : this.#identities.get(client);
    const reason = `packet of ${length} bytes is over the ${FRAME_LIMIT_BYTES}-byte frame limit: dropped unread`;
    if (device !== undefined && packetType === PUBLISH_TYPE) {
      this.#bad(device, reason);
      return 'skip';
    }
    if (device !== undefined) this.#refuse(device.id, reason);
    else this.#options.health.refusedAddress(socket.remoteAddress ?? 'unknown', reason);
    this.#options.log.warn(
      { deviceId: device?.id ?? null, address: socket.remoteAddress, length },
      'MQTT packet over the frame limit: connection closed',
    );
    return 'close';
  }

  #drop(packet: PublishPacket): null {
    packet.topic = DROPPED_TOPIC;
    packet.payload = Buffer.alloc(0);
    packet.retain = false;
    return null;
  }

  #bad(device: ConnectedDevice, error: string): void {
    this.#options.health.badMessage(device.id, error);
    const now = Date.now();
    const last = this.#logged.get(device.id);
    if (last !== undefined && now - last.at < LOG_EVERY_MS) {
      last.suppressed++;
      return;
    }
    this.#logged.set(device.id, { at: now, suppressed: 0 });
    this.#options.log.warn(
      { deviceId: device.id, kind: device.kind, error, alsoDroppedSinceLastLine: last?.suppressed ?? 0 },
      'bad device message dropped',
    );
  }

  #refuse(deviceId: string, reason: string): void {
    this.#options.health.refused(deviceId, reason);
  }

  /** A refusal goes to the device when the client named one of ours, else to its address. */
  #refuseClient(deviceId: string | null, address: string, reason: string): void {
    if (deviceId !== null) this.#options.health.refused(deviceId, reason);
    else this.#options.health.refusedAddress(address, reason);
  }
}
