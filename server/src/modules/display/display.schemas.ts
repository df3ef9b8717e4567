import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, StrictObject, Uuid } from '../../lib/schema.js';

export const DisplayTokenSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  createdBy: Type.Union([Uuid, Type.Null()]),
  lastUsedAt: Type.Union([IsoDateTime, Type.Null()]),
  revokedAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
});

export const DisplayTokenListSchema = Type.Object({ items: Type.Array(DisplayTokenSchema) });

export const CreateDisplayTokenBody = StrictObject({
  name: Type.String({
    minLength: 1,
    maxLength: 80,
    description: 'Where the screen is, e.g. "TV over bays 1-3"',
  }),
});

export const CreatedDisplayTokenSchema = Type.Intersect([
  DisplayTokenSchema,
  Type.Object({
    token: Type.String({ description: 'Shown once. Open /display?token=<token> on the TV.' }),
  }),
]);

const BoardJobSchema = Type.Object({
  jobId: Uuid,
  repairOrderNumber: Type.Integer(),
  title: Type.String(),
  status: Type.String(),
  statusChangedAt: Type.Union([IsoDateTime, Type.Null()]),
  blockedReason: Type.Union([Type.String(), Type.Null()]),
  technicianName: Type.Union([Type.String(), Type.Null()]),
  vehicleSummary: Type.String(),
  promisedAt: Type.Union([IsoDateTime, Type.Null()]),
  overdue: Type.Boolean(),
});

/** What a bay TV shows: one card per bay. No customer names: the screen faces the waiting room too. */
export const DisplayBoardSchema = Type.Object({
  shopName: Type.String(),
  timeZone: Type.String({
    description: "The shop's IANA time zone: the TV shows its clock and times on the shop's clock",
  }),
  generatedAt: IsoDateTime,
  bays: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      jobs: Type.Array(BoardJobSchema, { description: 'In progress and blocked first, then what is next' }),
      sensor: Type.Object(
        {
          occupied: Type.Boolean(),
          since: Type.Union([IsoDateTime, Type.Null()], {
            description: 'When the car now in the bay came in',
          }),
          hasSensor: Type.Boolean({ description: 'A bay sensor is placed in this bay' }),
          sensorOffline: Type.Boolean(),
          noJobPlaced: Type.Boolean({ description: 'A car is in the bay and no job is placed in it' }),
          overrun: Type.Boolean({ description: "The bay's job passed its book hours" }),
        },
        { description: 'What the bay sensors say (all false / null in a bay without one)' },
      ),
    }),
  ),
  waiting: Type.Integer({ description: 'Open jobs not yet in a bay' }),
});
export type DisplayBoard = Static<typeof DisplayBoardSchema>;
