import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, StrictObject, Uuid, Version } from '../../lib/schema.js';

const Name = Type.String({ minLength: 1, maxLength: 120 });
const Skills = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
  maxItems: 50,
  description: 'e.g. "brakes", "diagnostics", "alignment", "ASE A5"',
});
const Color = Type.Union([Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }), Type.Null()], {
  description: 'Colour on the board and calendar, #rrggbb',
});

export const TechnicianSchema = Type.Object({
  id: Uuid,
  userId: Type.Union([Uuid, Type.Null()]),
  name: Type.String(),
  skills: Type.Array(Type.String()),
  color: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Technician = Static<typeof TechnicianSchema>;

export const CreateTechnicianBody = StrictObject({
  name: Name,
  userId: Type.Optional(
    Type.Union([Uuid, Type.Null()], { description: 'The staff account this technician signs in with' }),
  ),
  skills: Type.Optional(Skills),
  color: Type.Optional(Color),
});
export type CreateTechnicianInput = Static<typeof CreateTechnicianBody>;

export const UpdateTechnicianBody = StrictObject({
  version: Version,
  name: Type.Optional(Name),
  userId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  skills: Type.Optional(Skills),
  color: Type.Optional(Color),
  active: Type.Optional(Type.Boolean()),
});
export type UpdateTechnicianInput = Static<typeof UpdateTechnicianBody>;

export const TechnicianListSchema = Type.Object({ items: Type.Array(TechnicianSchema) });
