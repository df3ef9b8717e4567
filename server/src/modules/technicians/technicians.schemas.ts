import { Type, type Static } from '@sinclair/typebox';
import { StrictObject, StringEnum, Uuid, Version } from '../../lib/schema.js';
import { VersionedRecordFields } from '../../lib/record-fields.js';

const Name = Type.String({ minLength: 1, maxLength: 120 });
const Skills = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
  maxItems: 50,
  description: 'e.g. "brakes", "diagnostics", "alignment", "ASE A5"',
});
export const PAY_BASES = ['hourly', 'flat_rate'] as const;
const PayRateCents = Type.Integer({
  minimum: 0,
  maximum: 100_000_000,
  description: 'What the shop pays the technician, in cents per hour (clock or flag hour by the basis)',
});
const PayBasis = StringEnum(PAY_BASES, {
  description: 'hourly: paid for clocked hours; flat_rate: paid for the billed (flag) hours',
});
const Color = Type.Union([Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }), Type.Null()], {
  description: 'Color on the board and calendar, #rrggbb',
});

export const TechnicianSchema = Type.Object({
  id: Uuid,
  userId: Type.Union([Uuid, Type.Null()]),
  name: Type.String(),
  skills: Type.Array(Type.String()),
  color: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  payRateCents: Type.Optional(
    Type.Integer({ description: 'Owner only: left out for everyone else (what a colleague is paid)' }),
  ),
  payBasis: Type.Optional(
    StringEnum(PAY_BASES, { description: 'Owner only: hourly (clocked hours) or flat_rate (billed hours)' }),
  ),
  ...VersionedRecordFields,
});
export type Technician = Static<typeof TechnicianSchema>;

export const CreateTechnicianBody = StrictObject({
  name: Name,
  userId: Type.Optional(
    Type.Union([Uuid, Type.Null()], { description: 'The staff account this technician signs in with' }),
  ),
  skills: Type.Optional(Skills),
  color: Type.Optional(Color),
  payRateCents: Type.Optional(PayRateCents),
  payBasis: Type.Optional(PayBasis),
});
export type CreateTechnicianInput = Static<typeof CreateTechnicianBody>;

export const UpdateTechnicianBody = StrictObject({
  version: Version,
  name: Type.Optional(Name),
  userId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  skills: Type.Optional(Skills),
  color: Type.Optional(Color),
  active: Type.Optional(Type.Boolean()),
  payRateCents: Type.Optional(PayRateCents),
  payBasis: Type.Optional(PayBasis),
});
export type UpdateTechnicianInput = Static<typeof UpdateTechnicianBody>;

export const TechnicianListSchema = Type.Object({ items: Type.Array(TechnicianSchema) });
