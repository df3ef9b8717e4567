import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The shop floor's MQTT contract: the topic tree and the JSON payloads the embedded broker, the
 * device gateway (server), the simulator and firmware (devices/) agree on. Versioned in the topic
 * (`ase/v1/…`): a breaking change is a new root, never a silent change under the old one.
 *
 *   ase/v1/<kind>/<deviceId>/status          retained; the device's birth, and its last will
 *   ase/v1/<kind>/<deviceId>/<channel>       what the device reports (per kind, below)
 *   ase/v1/<kind>/<deviceId>/cmd/<command>   what ASE asks of the device (it subscribes here)
 *   ase/v1/bay/<bayId>/state                 retained; ASE's view of a bay, for displays
 *   ase/v1/printer/<deviceId>/state          retained; ASE's view of a label printer
 *   ase/v1/server/status                     retained; `online` while ASE runs, `offline` after
 *   homeassistant/…/config                   retained; Home Assistant MQTT discovery (see below)
 *
 * A device publishes only below its own `ase/v1/<kind>/<deviceId>/` and subscribes only to its
 * own `cmd/…` and to the retained state its kind needs: deny by default (see mayPublish and
 * maySubscribe). Payloads are JSON objects of at most MAX_PAYLOAD_BYTES.
 */

export const MQTT_ROOT = 'ase/v1';
/** The broker drops (and counts) anything larger: the largest real message, a DTC scan, is ~2 KB. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * `home-assistant` is not hardware on the floor but a reader: the shop's Home Assistant, paired like
 * a device, sees each bay's occupancy and each printer's state through MQTT discovery, read-only.
 */
export const DEVICE_KINDS = [
  'bay-sensor',
  'obd-dongle',
  'label-printer',
  'kiosk',
  'display',
  'home-assistant',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Device and bay ids are ASE's ids (UUIDs): no MQTT wildcard or separator can hide in one. */
const ID_PATTERN = /^[0-9a-zA-Z-]{1,64}$/;

const Obj = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });
/** The device's own clock (ISO 8601) and a counter that only grows: duplicates and reordering are found by it. */
const Stamp = { at: Type.String({ minLength: 1, maxLength: 40 }), seq: Type.Integer({ minimum: 0 }) };

export const DeviceStatusSchema = Obj({
  state: Type.Union([Type.Literal('online'), Type.Literal('offline')]),
  firmware: Type.Optional(Type.String({ maxLength: 64 })),
  model: Type.Optional(Type.String({ maxLength: 64 })),
  at: Type.Optional(Type.String({ maxLength: 40 })),
});

export const OccupancySchema = Obj({
  ...Stamp,
  event: Type.Union([Type.Literal('in'), Type.Literal('out')]),
});

const Dtc = Type.String({ pattern: '^[PCBU][0-9A-F]{4}$' });
export const ObdTelemetrySchema = Obj({
  ...Stamp,
  vin: Type.Optional(Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$' })),
  odometerKm: Type.Optional(Type.Number({ minimum: 0, maximum: 2_000_000 })),
  milOn: Type.Optional(Type.Boolean()),
  batteryVolts: Type.Optional(Type.Number({ minimum: 0, maximum: 30 })),
  fuelPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
});
export const ObdDtcSchema = Obj({
  ...Stamp,
  vin: Type.Optional(Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$' })),
  stored: Type.Array(Dtc, { maxItems: 64 }),
  pending: Type.Array(Dtc, { maxItems: 64 }),
  permanent: Type.Array(Dtc, { maxItems: 64 }),
  milOn: Type.Boolean(),
  freezeFrame: Type.Optional(
    Type.Record(Type.String({ maxLength: 32 }), Type.Union([Type.Number(), Type.String({ maxLength: 64 })])),
  ),
});
export const PrintResultSchema = Obj({
  ...Stamp,
  printJobId: Type.String({ minLength: 1, maxLength: 64 }),
  ok: Type.Boolean(),
  error: Type.Optional(Type.String({ maxLength: 200 })),
});
export const KioskHeartbeatSchema = Obj({ ...Stamp, screen: Type.String({ maxLength: 40 }) });

/** What each kind reports, by channel (the topic's last level). `status` is common to all. */
export const DEVICE_CHANNELS = {
  'bay-sensor': { status: DeviceStatusSchema, occupancy: OccupancySchema },
  'obd-dongle': { status: DeviceStatusSchema, telemetry: ObdTelemetrySchema, dtc: ObdDtcSchema },
  'label-printer': { status: DeviceStatusSchema, 'print-result': PrintResultSchema },
  kiosk: { status: DeviceStatusSchema, heartbeat: KioskHeartbeatSchema },
  display: { status: DeviceStatusSchema },
  'home-assistant': { status: DeviceStatusSchema },
} as const satisfies Record<DeviceKind, Record<string, TSchema>>;

export type DeviceChannel<K extends DeviceKind> = keyof (typeof DEVICE_CHANNELS)[K] & string;
/** Resolved per channel (a conditional, not `Static<… & TSchema>`, which TypeScript gave up on). */
export type DevicePayload<
  K extends DeviceKind,
  C extends DeviceChannel<K>,
> = (typeof DEVICE_CHANNELS)[K][C] extends infer S extends TSchema ? Static<S> : never;

/** ASE's view of one bay, retained on ase/v1/bay/<bayId>/state for the displays of that bay. */
export const BayStateSchema = Obj({
  bayId: Type.String(),
  occupied: Type.Boolean(),
  since: Type.Union([Type.String(), Type.Null()]),
  jobId: Type.Union([Type.String(), Type.Null()]),
  repairOrderNumber: Type.Union([Type.Integer(), Type.Null()]),
  jobTitle: Type.Union([Type.String(), Type.Null()]),
  at: Type.String(),
});
export type BayState = Static<typeof BayStateSchema>;

/** ASE's view of one label printer, retained on ase/v1/printer/<deviceId>/state. */
export const PrinterStateSchema = Obj({
  printerId: Type.String(),
  /** The last contact (a job or a status probe) got an answer. */
  online: Type.Boolean(),
  /** Jobs waiting for it (queued or being sent). */
  queued: Type.Integer({ minimum: 0 }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  at: Type.String(),
});
export type PrinterState = Static<typeof PrinterStateSchema>;

/** Home Assistant's discovery prefix (its default) and the topic it announces itself on. */
export const HOME_ASSISTANT_PREFIX = 'homeassistant';
export const HOME_ASSISTANT_STATUS_TOPIC = `${HOME_ASSISTANT_PREFIX}/status`;

export interface DeviceIdentity {
  kind: DeviceKind;
  id: string;
  /** The bay a device is placed in (a display shows that bay's state). */
  bayId: string | null;
}

export const mqttTopic = {
  device: (kind: DeviceKind, id: string, channel: string) => `${MQTT_ROOT}/${kind}/${id}/${channel}`,
  command: (kind: DeviceKind, id: string, command: string) => `${MQTT_ROOT}/${kind}/${id}/cmd/${command}`,
  bayState: (bayId: string) => `${MQTT_ROOT}/bay/${bayId}/state`,
  printerState: (deviceId: string) => `${MQTT_ROOT}/printer/${deviceId}/state`,
  serverStatus: `${MQTT_ROOT}/server/status`,
};

export type ParsedDeviceTopic = { kind: DeviceKind; id: string; channel: string };

/** A device's report topic split into its parts; null for anything else (commands included). */
export function parseDeviceTopic(topic: string): ParsedDeviceTopic | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== MQTT_ROOT) return null;
  const [, , kind, id, channel] = parts as [string, string, string, string, string];
  if (!isDeviceKind(kind) || !ID_PATTERN.test(id) || !Object.hasOwn(DEVICE_CHANNELS[kind], channel))
    return null;
  return { kind, id, channel };
}

export function isDeviceKind(value: string): value is DeviceKind {
  return (DEVICE_KINDS as readonly string[]).includes(value);
}

/** The schema of a report on `channel` from a device of `kind`; undefined when it has no such channel. */
export function payloadSchemaFor(kind: DeviceKind, channel: string): TSchema | undefined {
  const channels: Record<string, TSchema> = DEVICE_CHANNELS[kind];
  return Object.hasOwn(channels, channel) ? channels[channel] : undefined;
}

/**
 * A device may publish only its own reports, on a channel its kind has; Home Assistant also its
 * birth and will on homeassistant/status (ASE then announces the floor again).
 */
export function mayPublish(device: DeviceIdentity, topic: string): boolean {
  if (device.kind === 'home-assistant' && topic === HOME_ASSISTANT_STATUS_TOPIC) return true;
  const parsed = parseDeviceTopic(topic);
  return parsed !== null && parsed.kind === device.kind && parsed.id === device.id;
}

/** What Home Assistant may read: the discovery tree, the bays' and printers' state, ASE's status. */
const HOME_ASSISTANT_READS = [
  // the discovery tree, whole or in part (aedes has already checked the filter is valid MQTT)
  new RegExp(`^${HOME_ASSISTANT_PREFIX}/[A-Za-z0-9_/+#-]+$`),
  new RegExp(`^${MQTT_ROOT}/(bay|printer)/(\\+|[0-9a-zA-Z-]{1,64})/state$`),
  new RegExp(`^${MQTT_ROOT}/server/status$`),
];

/**
 * A device may subscribe to its own commands (exactly, or `cmd/+` / `cmd/#`), a display to its own
 * bay's state, Home Assistant to what it reads (HOME_ASSISTANT_READS). Nothing else: no other
 * device's tree, no `#` above its own, no `$SYS`.
 */
export function maySubscribe(device: DeviceIdentity, filter: string): boolean {
  const ownCommands = `${MQTT_ROOT}/${device.kind}/${device.id}/cmd/`;
  if (filter.startsWith(ownCommands)) {
    const rest = filter.slice(ownCommands.length);
    return rest === '#' || rest === '+' || /^[a-z][a-z0-9-]{0,31}$/.test(rest);
  }
  if (device.kind === 'home-assistant') return HOME_ASSISTANT_READS.some((pattern) => pattern.test(filter));
  return device.kind === 'display' && device.bayId !== null && filter === mqttTopic.bayState(device.bayId);
}

/**
 * What a device needs to join the shop's broker: the QR code's content when it is paired, and what
 * `npm run simulate -- --pairing` takes. MQTT client id = username = deviceId. `port` is null while
 * plain MQTT is off, `tlsPort` and `caSha256` (the shop CA's SHA-256 fingerprint, to pin) while TLS
 * is off. `bayId` tells a display which bay's retained state to subscribe to (null for no bay).
 */
export const DevicePairingSchema = Obj({
  v: Type.Literal(1),
  kind: Type.Union(DEVICE_KINDS.map((kind) => Type.Literal(kind))),
  deviceId: Type.String({ pattern: ID_PATTERN.source }),
  clientId: Type.String({ minLength: 1, maxLength: 64 }),
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
  host: Type.String({ minLength: 1, maxLength: 253 }),
  port: Type.Union([Type.Integer({ minimum: 1, maximum: 65535 }), Type.Null()]),
  tlsPort: Type.Union([Type.Integer({ minimum: 1, maximum: 65535 }), Type.Null()]),
  caSha256: Type.Union([Type.String({ maxLength: 128 }), Type.Null()]),
  bayId: Type.Optional(Type.Union([Type.String({ pattern: ID_PATTERN.source }), Type.Null()])),
});
export type DevicePairing = Static<typeof DevicePairingSchema>;
