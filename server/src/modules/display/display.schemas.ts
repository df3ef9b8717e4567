import { Type } from '@sinclair/typebox';
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
