import { Type, type Static } from '@sinclair/typebox';
import { StrictObject, Version } from '../../lib/schema.js';

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
});
export type UpdateSettingsInput = Static<typeof UpdateSettingsBody>;
