import { Type, type Static } from '@sinclair/typebox';
import { StrictObject, StringEnum, Version } from '../../lib/schema.js';
import { DEFAULT_KIOSK_IDLE_SECONDS } from '../../../contracts/kiosk.js';

const BasisPoints = Type.Integer({
  minimum: 0,
  maximum: 10_000,
  description: 'hundredths of a percent: 825 = 8.25 %',
});
const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'integer cents' });

export const TaxRatesSchema = StrictObject({
  labor: BasisPoints,
  part: BasisPoints,
  fee: BasisPoints,
  sublet: BasisPoints,
});

export const ShopSuppliesSchema = StrictObject({
  percentBp: BasisPoints,
  capCents: Cents,
  taxable: Type.Boolean(),
});

/**
 * Work follows approval: may a technician start (and finish) a job with nothing approved on it, to
 * diagnose it? Only while less than `limitHours` have passed since the job's first start.
 */
export const DiagnosisWithoutApprovalSchema = StrictObject({
  allowed: Type.Boolean(),
  limitHours: Type.Number({ minimum: 0, maximum: 24, description: 'e.g. 0.5 = 30 minutes' }),
});

/** Cause and correction (the 3C's last two) when a job is completed: refused without, asked, or not asked. */
export const CAUSE_CORRECTION_MODES = ['required', 'asked', 'off'] as const;

/**
 * What a bay sensor's "car in / car out" does to the job placed in that bay: `suggest` asks the
 * advisor on the board (accept starts or completes it), `automatic` starts and completes it itself,
 * audited as done by the sensor.
 */
export const BAY_SENSOR_MODES = ['suggest', 'automatic'] as const;

/** A number a state or agency gave the shop, printed on invoices (e.g. "State repair license" + "RF 12345"). */
export const RegistrationNumberSchema = StrictObject({
  label: Type.String({ minLength: 1, maxLength: 60 }),
  value: Type.String({ minLength: 1, maxLength: 60 }),
});
const RegistrationNumbers = Type.Array(RegistrationNumberSchema, {
  maxItems: 6,
  description: 'Printed under the shop name on every invoice',
});
const InvoiceText = Type.String({ maxLength: 4000 });

/** The limits of the kiosk's idle time: long enough to read the authorization, short enough to wipe. */
export const KIOSK_IDLE_SECONDS_RANGE = { min: 20, max: 600 } as const;

/** The owner's authorization text in one language; null = the kiosk contract's default text. */
const KioskAuthorizationText = Type.Union([Type.String({ minLength: 1, maxLength: 4000 }), Type.Null()]);

/** The check-in kiosk at the door (Settings → Kiosk): what the customer signs, and when it resets. */
export const KioskSettingsSchema = StrictObject({
  authorizationText: StrictObject({ en: KioskAuthorizationText, es: KioskAuthorizationText }),
  idleSeconds: Type.Integer({
    minimum: KIOSK_IDLE_SECONDS_RANGE.min,
    maximum: KIOSK_IDLE_SECONDS_RANGE.max,
    description: 'seconds without a touch before the kiosk asks "Still there?"',
  }),
});
export type KioskSettings = Static<typeof KioskSettingsSchema>;

/** The shop's own settings: what staff change at run time (config.schema.ts is for the process). */
export const ShopSettingsSchema = StrictObject({
  shopName: Type.String({ minLength: 1, maxLength: 120 }),
  phone: Type.String({ maxLength: 40 }),
  email: Type.String({ maxLength: 254 }),
  address: Type.String({ maxLength: 400 }),
  timezone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. America/Chicago' }),
  laborRateCents: Cents,
  taxRatesBp: TaxRatesSchema,
  shopSupplies: ShopSuppliesSchema,
  repairOrderStartNumber: Type.Integer({ minimum: 1, maximum: 999_999_999 }),
  registrationNumbers: RegistrationNumbers,
  warrantyText: InvoiceText,
  invoiceLegalText: InvoiceText,
  diagnosisWithoutApproval: DiagnosisWithoutApprovalSchema,
  causeCorrectionOnComplete: StringEnum(CAUSE_CORRECTION_MODES),
  baySensorMode: StringEnum(BAY_SENSOR_MODES),
  kiosk: KioskSettingsSchema,
});
export type ShopSettings = Static<typeof ShopSettingsSchema>;

export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  shopName: 'My Auto Repair',
  phone: '',
  email: '',
  address: '',
  timezone: 'America/New_York',
  laborRateCents: 14_000,
  taxRatesBp: { labor: 0, part: 700, fee: 0, sublet: 0 },
  shopSupplies: { percentBp: 500, capCents: 3_500, taxable: false },
  repairOrderStartNumber: 1001,
  registrationNumbers: [],
  warrantyText:
    'Parts and labor on the repairs listed are warranted for 12 months or 12,000 miles, whichever comes first, ' +
    'unless a part carries a longer manufacturer warranty. The warranty does not cover abuse, accidents, ' +
    'neglect, or repairs made by others. Bring the vehicle back to us with this invoice to claim it.',
  invoiceLegalText:
    'This invoice itemizes the parts and labor supplied and states the odometer reading when the vehicle ' +
    'was received and returned, as state repair-shop laws require. Parts are new unless marked used or ' +
    'rebuilt. Replaced parts are available on request at the time of the repair unless they are under a ' +
    'warranty or core exchange. The shop holds a lien on the vehicle for the amount due until paid.',
  diagnosisWithoutApproval: { allowed: true, limitHours: 0.5 },
  causeCorrectionOnComplete: 'asked',
  baySensorMode: 'suggest',
  kiosk: { authorizationText: { en: null, es: null }, idleSeconds: DEFAULT_KIOSK_IDLE_SECONDS },
};

export const SettingsResponseSchema = Type.Intersect([
  ShopSettingsSchema,
  Type.Object({ version: Type.Integer() }),
]);

export const UpdateSettingsBody = StrictObject({
  version: Version,
  shopName: Type.Optional(ShopSettingsSchema.properties.shopName),
  phone: Type.Optional(ShopSettingsSchema.properties.phone),
  email: Type.Optional(ShopSettingsSchema.properties.email),
  address: Type.Optional(ShopSettingsSchema.properties.address),
  timezone: Type.Optional(ShopSettingsSchema.properties.timezone),
  laborRateCents: Type.Optional(Cents),
  taxRatesBp: Type.Optional(TaxRatesSchema),
  shopSupplies: Type.Optional(ShopSuppliesSchema),
  repairOrderStartNumber: Type.Optional(ShopSettingsSchema.properties.repairOrderStartNumber),
  registrationNumbers: Type.Optional(RegistrationNumbers),
  warrantyText: Type.Optional(InvoiceText),
  invoiceLegalText: Type.Optional(InvoiceText),
  diagnosisWithoutApproval: Type.Optional(DiagnosisWithoutApprovalSchema),
  causeCorrectionOnComplete: Type.Optional(ShopSettingsSchema.properties.causeCorrectionOnComplete),
  baySensorMode: Type.Optional(ShopSettingsSchema.properties.baySensorMode),
  kiosk: Type.Optional(KioskSettingsSchema),
});
export type UpdateSettingsInput = Static<typeof UpdateSettingsBody>;
