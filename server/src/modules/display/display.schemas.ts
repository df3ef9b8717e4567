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
    }),
  ),
  waiting: Type.Integer({ description: 'Open jobs not yet in a bay' }),
});
export type DisplayBoard = Static<typeof DisplayBoardSchema>;
