import { Type } from '@sinclair/typebox';
import { Email, IsoDateTime, Pin, StrictObject, StringEnum, Uuid } from '../../lib/schema.js';
import { NewPassword, RoleSchema, UserSchema } from '../users/users.schemas.js';

export const SetupStatusSchema = Type.Object({
  needed: Type.Boolean({ description: 'true until the first owner is created' }),
});

export const SetupBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  email: Email,
  password: NewPassword,
  // Optional for API callers (the shop keeps its default name); the setup screen always asks.
  shopName: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 120,
      pattern: '\\S',
      description: "The shop's name, for settings",
    }),
  ),
});

const SecondFactorCode = Type.String({
  minLength: 6,
  maxLength: 32,
  description: 'The 6-digit code from the authenticator app, or a recovery code.',
});

export const LoginBody = StrictObject({
  email: Email,
  password: Type.String({ minLength: 1, maxLength: 256 }),
  code: Type.Optional(SecondFactorCode),
});

export const PinLoginBody = StrictObject({ userId: Uuid, pin: Pin });

export const PinUsersSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), role: RoleSchema })),
});

export const SessionInfoSchema = Type.Object({
  method: StringEnum(['password', 'pin'] as const),
  mfaVerified: Type.Boolean(),
  lan: Type.Boolean({ description: 'Whether this request came from the shop network.' }),
});

export const MeSchema = Type.Object({ user: UserSchema, session: SessionInfoSchema });
/**
 * Who this device is, asked on every app start: a plain 200 whether or not anyone is signed in, so
 * the first page load before sign-in logs no failed request in the browser.
 */
export const SessionStateSchema = Type.Object({
  signedIn: Type.Boolean(),
  setupNeeded: Type.Boolean({
    description: 'true until the first owner is created (then no one can be signed in)',
  }),
  me: Type.Union([MeSchema, Type.Null()], { description: 'null when not signed in' }),
  shop: Type.Union([Type.Object({ name: Type.String(), timezone: Type.String() }), Type.Null()], {
    description:
      'The shop name and time zone every screen needs, when signed in (null otherwise): in this ' +
      'answer so that the app start needs no second request a sign-out could race.',
  }),
});
export const LoginResultSchema = Type.Object({ user: UserSchema, expiresAt: IsoDateTime });

export const ChangePasswordBody = StrictObject({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: NewPassword,
});

export const TotpEnrollmentSchema = Type.Object({
  secret: Type.String({ description: 'base32, for typing into an app by hand' }),
  otpauthUrl: Type.String(),
  qrCodeDataUrl: Type.String({ description: 'PNG data URL of the otpauth URL' }),
});

export const TotpConfirmBody = StrictObject({ code: Type.String({ pattern: '^[0-9]{6}$' }) });
export const RecoveryCodesSchema = Type.Object({
  recoveryCodes: Type.Array(Type.String(), { description: 'Shown once. Each works once.' }),
});
export const TotpDisableBody = StrictObject({ password: Type.String({ minLength: 1, maxLength: 256 }) });
export const UserIdParams = StrictObject({ id: Uuid });
