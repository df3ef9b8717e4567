import { Type } from '@sinclair/typebox';
import { IsoDateTime, StrictObject, Uuid } from '../../lib/schema.js';
import { pageLimit } from '../../lib/paging.js';

export const AuditQuerySchema = StrictObject({
  entityType: Type.Optional(Type.String({ maxLength: 60 })),
  entityId: Type.Optional(Type.String({ maxLength: 60 })),
  actorUserId: Type.Optional(Uuid),
  before: Type.Optional(Uuid),
  limit: pageLimit({ maximum: 500, default: 100 }),
});

export const AuditEntrySchema = Type.Object({
  id: Uuid,
  at: IsoDateTime,
  actorUserId: Type.Union([Uuid, Type.Null()]),
  actorLabel: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export const AuditPageSchema = Type.Object({
  items: Type.Array(AuditEntrySchema),
  nextBefore: Type.Union([Uuid, Type.Null()], { description: 'Pass as `before` for the next (older) page.' }),
});
