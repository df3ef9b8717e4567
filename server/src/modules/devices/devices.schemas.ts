import { Type, type Static } from '@sinclair/typebox';
import { DEVICE_KINDS } from '../../../contracts/mqtt.js';
import { ChangeOf, IsoDateTime, Nullable, StrictObject, StringEnum, Uuid } from '../../lib/schema.js';

export const DeviceKindSchema = StringEnum(DEVICE_KINDS, {
  description: 'bay-sensor, obd-dongle, label-printer, kiosk or display',
});

export const DeviceSchema = Type.Object({
  id: Type.String(),
  kind: DeviceKindSchema,
  name: Type.String(),
  bayId: Nullable(Type.String()),
  bayName: Nullable(Type.String()),
  createdAt: IsoDateTime,
  revokedAt: Nullable(IsoDateTime),
  online: Type.Boolean(),
  lastSeenAt: Nullable(IsoDateTime),
  firmware: Nullable(Type.String()),
  model: Nullable(Type.String()),
  badMessages: Type.Integer(),
  lastError: Nullable(Type.String()),
  lastErrorAt: Nullable(IsoDateTime),
  refusals: Type.Integer(),
  lastRefusal: Nullable(Type.String()),
  lastRefusalAt: Nullable(IsoDateTime),
  /** `display-token`: a bay TV's browser token (display module), listed here so the floor is one list. */
  source: StringEnum(['mqtt', 'display-token'] as const),
  version: Type.Integer(),
});
export type Device = Static<typeof DeviceSchema>;

/** The QR code's content: everything a device needs to connect, the password included (shown once). */
export const PairingSchema = Type.Object({
  v: Type.Literal(1),
  kind: DeviceKindSchema,
  deviceId: Type.String(),
  clientId: Type.String(),
  username: Type.String(),
  password: Type.String(),
  host: Type.String(),
  port: Nullable(Type.Integer()),
  tlsPort: Nullable(Type.Integer()),
  caSha256: Nullable(Type.String()),
  /** The bay a display shows (it subscribes to ase/v1/bay/<bayId>/state). */
  bayId: Nullable(Type.String()),
});
export type Pairing = Static<typeof PairingSchema>;

export const PairedDeviceSchema = Type.Object({
  device: DeviceSchema,
  pairing: PairingSchema,
  pairingText: Type.String({ description: 'The pairing as JSON text: the QR code content' }),
});
export type PairedDevice = Static<typeof PairedDeviceSchema>;

export const AddressRefusalSchema = Type.Object({
  address: Type.String(),
  refusals: Type.Integer(),
  lastRefusal: Type.String(),
  lastRefusalAt: IsoDateTime,
});

export const DeviceListSchema = Type.Object({
  items: Type.Array(DeviceSchema),
  /** Clients that are no device of ours (unknown id, no credentials), refused, by source address. */
  unknownClients: Type.Array(AddressRefusalSchema),
});

const Name = Type.String({ minLength: 1, maxLength: 80 });

export const CreateDeviceBody = StrictObject({
  kind: DeviceKindSchema,
  name: Name,
  bayId: Type.Optional(Nullable(Uuid)),
});
export type CreateDeviceInput = Static<typeof CreateDeviceBody>;

export const UpdateDeviceBody = ChangeOf(CreateDeviceBody, { omit: ['kind'] });
export type UpdateDeviceInput = Static<typeof UpdateDeviceBody>;

const Listener = {
  listening: Type.Boolean(),
  port: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
};
export const BrokerInfoSchema = Type.Object({
  mqtt: Type.Object({ ...Listener, host: Type.String() }),
  mqtts: Type.Object({ ...Listener, caSha256: Nullable(Type.String()) }),
});
export type BrokerInfo = Static<typeof BrokerInfoSchema>;

/** Device ids are UUIDs, display token ids too; the path takes either. */
export const DeviceIdParams = StrictObject({ id: Uuid });
