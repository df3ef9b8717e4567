import { Type, type Static } from '@sinclair/typebox';
import { ChangeOf, StrictObject, Uuid } from '../../lib/schema.js';
import { VersionedRecordFields } from '../../lib/record-fields.js';

const Name = Type.String({ minLength: 1, maxLength: 60 });
const Capabilities = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
  maxItems: 50,
  description: 'e.g. "lift", "alignment", "tire-machine", "heavy-duty"',
});

export const BaySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  capabilities: Type.Array(Type.String()),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
  ...VersionedRecordFields,
});
export type Bay = Static<typeof BaySchema>;

export const CreateBayBody = StrictObject({
  name: Name,
  capabilities: Type.Optional(Capabilities),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});
export type CreateBayInput = Static<typeof CreateBayBody>;

export const UpdateBayBody = ChangeOf(CreateBayBody, { more: { active: Type.Boolean() } });
export type UpdateBayInput = Static<typeof UpdateBayBody>;

export const BayListSchema = Type.Object({ items: Type.Array(BaySchema) });
