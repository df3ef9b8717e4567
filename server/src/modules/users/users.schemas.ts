import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../../db/schema.js';
import { MIN_PASSWORD_LENGTH } from '../../lib/password-policy.js';
import { Email, Pin, StrictObject, StringEnum, Uuid, Version } from '../../lib/schema.js';
import { VersionedRecordFields } from '../../lib/record-fields.js';

export const RoleSchema = StringEnum(ROLES, {
  description: 'owner: everything; advisor: the counter; technician: the floor; parts: inventory',
});

export const UserSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  active: Type.Boolean(),
  hasPassword: Type.Boolean(),
  hasPin: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  ...VersionedRecordFields,
});
export type PublicUser = Static<typeof UserSchema>;

const Name = Type.String({ minLength: 1, maxLength: 120 });

/** A password being set: the length is checked here, the rest (common, personal) by the policy. */
export const NewPassword = Type.String({
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: 256,
  description: `At least ${MIN_PASSWORD_LENGTH} characters; common passwords and ones built on the person's name or email are refused.`,
});

export const CreateUserBody = StrictObject({
  name: Name,
  email: Type.Optional(Email),
  role: RoleSchema,
  password: Type.Optional(NewPassword),
  pin: Type.Optional(Pin),
});
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UpdateUserBody = StrictObject({
  version: Version,
  name: Type.Optional(Name),
  email: Type.Optional(Type.Union([Email, Type.Null()])),
  role: Type.Optional(RoleSchema),
});
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = StrictObject({ password: NewPassword });
export const SetPinBody = StrictObject({
  pin: Type.Union([Pin, Type.Null()], { description: 'null removes the PIN' }),
});

export const UserListSchema = Type.Object({ items: Type.Array(UserSchema) });
