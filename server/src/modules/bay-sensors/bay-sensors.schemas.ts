import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid } from '../../lib/schema.js';
import { BAY_SENSOR_MODES } from '../settings/settings.schemas.js';

const OUTCOMES = ['applied', 'out_of_order', 'already_in', 'already_out', 'no_bay'] as const;
const ACTIONS = ['started', 'completed', 'suggested', 'refused', 'no_job', 'none'] as const;

export const SensorEventSchema = Type.Object({
  id: Uuid,
  deviceId: Type.String(),
  bayId: Nullable(Uuid),
  event: StringEnum(['in', 'out'] as const),
  seq: Type.Integer(),
  sensorAt: Type.String({ description: "The sensor's own clock, as sent" }),
  receivedAt: IsoDateTime,
  outcome: StringEnum(OUTCOMES, {
    description:
      'applied: moved the bay; out_of_order: arrived after a later one (kept, no change); already_in / already_out: the bay was already so; no_bay: the sensor is not placed in a bay',
  }),
  // null is in the enum: this object sits in an anyOf (lastEvent), whose branches the serializer
  // checks with a validator, and Nullable's `type: [string, null]` alone leaves null out of `enum`.
  action: Type.Unsafe<(typeof ACTIONS)[number] | null>({
    type: ['string', 'null'],
    enum: [...ACTIONS, null],
    description: 'What ASE did about the job in the bay because of it (null: nothing to do)',
  }),
  jobId: Nullable(Uuid),
  detail: Nullable(Type.String()),
});
export type SensorEvent = Static<typeof SensorEventSchema>;

export const SuggestionSchema = Type.Object({
  id: Uuid,
  bayId: Uuid,
  jobId: Uuid,
  kind: StringEnum(['start', 'complete'] as const),
  status: StringEnum(['open', 'accepted', 'dismissed', 'expired'] as const),
  message: Type.String({ description: 'e.g. "Car entered Bay 3 at 10:02 — start “Brakes” (RO 1001)?"' }),
  createdAt: IsoDateTime,
  resolvedAt: Nullable(IsoDateTime),
});
export type Suggestion = Static<typeof SuggestionSchema>;

export const BaySensorSchema = Type.Object({
  deviceId: Type.String(),
  name: Type.String(),
  online: Type.Boolean(),
});

/** One bay as the sensors see it, with the job it maps to. */
export const BayFloorSchema = Type.Object({
  bayId: Uuid,
  bayName: Type.String(),
  occupied: Type.Boolean(),
  since: Nullable(IsoDateTime),
  secondsInBay: Type.Integer({ description: "This stay so far (0 when empty), on the server's clock" }),
  job: Nullable(
    Type.Object({
      jobId: Uuid,
      repairOrderId: Uuid,
      repairOrderNumber: Type.Integer(),
      title: Type.String(),
      status: Type.String(),
      bookSeconds: Type.Integer({ description: "The job's labor hours, in seconds (0: no estimate)" }),
      secondsInBay: Type.Integer({ description: 'All its stays in bays so far' }),
      overrun: Type.Boolean({ description: 'In a bay longer than its book hours' }),
    }),
  ),
  noJobPlaced: Type.Boolean({ description: 'A car is in the bay and no job is placed in it' }),
  sensors: Type.Array(BaySensorSchema),
  sensorOffline: Type.Boolean({ description: 'A sensor placed in this bay is offline' }),
  lastEvent: Nullable(SensorEventSchema),
  suggestions: Type.Array(SuggestionSchema, { description: 'Open ones' }),
});
export type BayFloor = Static<typeof BayFloorSchema>;

export const FloorSchema = Type.Object({
  mode: StringEnum(BAY_SENSOR_MODES),
  generatedAt: IsoDateTime,
  bays: Type.Array(BayFloorSchema),
});
export type Floor = Static<typeof FloorSchema>;

export const EventsQuery = StrictObject({
  bayId: Uuid,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const EventListSchema = Type.Object({ items: Type.Array(SensorEventSchema) });

export const RepairOrderTimeInBaySchema = Type.Object({
  repairOrderId: Uuid,
  jobs: Type.Array(
    Type.Object({
      jobId: Uuid,
      secondsInBay: Type.Integer(),
      bookSeconds: Type.Integer(),
      overrun: Type.Boolean(),
      inBayNow: Nullable(Type.Object({ bayId: Uuid, since: IsoDateTime })),
      stays: Type.Integer({ description: 'How many times the car came into a bay for it' }),
    }),
  ),
});
export type RepairOrderTimeInBay = Static<typeof RepairOrderTimeInBaySchema>;
