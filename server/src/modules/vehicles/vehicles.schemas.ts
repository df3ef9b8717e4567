import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid, Version } from '../../lib/schema.js';
import { VersionedRecordFields } from '../../lib/record-fields.js';
import { offsetPaging } from '../../lib/paging.js';

const OdometerUnit = StringEnum(['mi', 'km'] as const, { description: 'Miles or kilometres.' });
const OdometerSource = StringEnum(['check-in', 'manual', 'obd', 'appointment'] as const);
const Label = (description?: string) =>
  Type.String({ minLength: 1, maxLength: 80, ...(description ? { description } : {}) });

const VinInput = Type.String({
  minLength: 1,
  maxLength: 40,
  description:
    '17 characters, letters (no I, O, Q) and digits; spaces around it and lower case are accepted. ' +
    'North-American VINs (first character 1-5) must have a correct check digit (position 9).',
});
const VinOverrideReason = Type.String({
  minLength: 3,
  maxLength: 500,
  description:
    'Keeps a North-American VIN whose check digit is wrong (e.g. "as stamped on the frame, ' +
    'title shows the same"). Stored with the vehicle and written to the audit log; ignored when ' +
    'the check digit is right.',
});
const Year = Type.Integer({ minimum: 1886, maximum: 2100 });
const LicensePlate = Type.String({
  minLength: 1,
  maxLength: 20,
  description: 'Stored upper case with letters and digits only: "abc-1234" becomes "ABC1234".',
});
const PlateRegion = Type.String({
  pattern: '^[A-Za-z]{2}[A-Za-z0-9-]{0,4}$',
  description: 'a state or province code such as CA, ON or US-TX',
});
const Reading = Type.Integer({ minimum: 0, maximum: 9_999_999 });

export const VehicleSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  vin: Nullable(Type.String()),
  vinCheckOverride: Nullable(
    Type.String({ description: 'Why a VIN with a wrong check digit was kept, when it was.' }),
  ),
  make: Nullable(Type.String()),
  model: Nullable(Type.String()),
  year: Nullable(Type.Integer()),
  trim: Nullable(Type.String()),
  engine: Nullable(Type.String()),
  body: Nullable(Type.String()),
  color: Nullable(Type.String()),
  licensePlate: Nullable(Type.String()),
  plateRegion: Nullable(Type.String()),
  telematicsId: Nullable(Type.String()),
  odometer: Nullable(Type.Integer({ description: 'Highest reading on the current odometer.' })),
  odometerUnit: OdometerUnit,
  notes: Type.String(),
  ...VersionedRecordFields,
});
export type Vehicle = Static<typeof VehicleSchema>;

/** How other modules' answers name a vehicle (the board, repair orders, invoices). */
export const VehicleSummarySchema = Type.Object({
  id: Uuid,
  year: Nullable(Type.Integer()),
  make: Nullable(Type.String()),
  model: Nullable(Type.String()),
  vin: Nullable(Type.String()),
  licensePlate: Nullable(Type.String()),
});

export const OwnershipSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  customerName: Nullable(Type.String()),
  startedAt: IsoDateTime,
  endedAt: Nullable(IsoDateTime),
  note: Nullable(Type.String()),
});
export type Ownership = Static<typeof OwnershipSchema>;

export const VehicleDetailSchema = Type.Composite([
  VehicleSchema,
  Type.Object({
    owner: Type.Object({
      customerId: Uuid,
      customerName: Nullable(Type.String()),
      since: Nullable(IsoDateTime),
    }),
    ownershipHistory: Type.Array(OwnershipSchema, { description: 'Newest first.' }),
  }),
]);
export type VehicleDetail = Static<typeof VehicleDetailSchema>;

export const CreateVehicleBody = StrictObject({
  customerId: Uuid,
  vin: Type.Optional(VinInput),
  vinCheckOverrideReason: Type.Optional(VinOverrideReason),
  make: Type.Optional(Label('Filled from the VIN when left out.')),
  model: Type.Optional(Label('Filled from the VIN when left out.')),
  year: Type.Optional(Year),
  trim: Type.Optional(Label()),
  engine: Type.Optional(Label()),
  body: Type.Optional(Label()),
  color: Type.Optional(Label()),
  licensePlate: Type.Optional(LicensePlate),
  plateRegion: Type.Optional(PlateRegion),
  telematicsId: Type.Optional(Label()),
  odometer: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 9_999_999, description: 'Recorded as the first reading.' }),
  ),
  odometerUnit: Type.Optional(OdometerUnit),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateVehicleInput = Static<typeof CreateVehicleBody>;

export const UpdateVehicleBody = StrictObject({
  version: Version,
  vin: Type.Optional(Nullable(VinInput)),
  vinCheckOverrideReason: Type.Optional(VinOverrideReason),
  make: Type.Optional(Nullable(Label())),
  model: Type.Optional(Nullable(Label())),
  year: Type.Optional(Nullable(Year)),
  trim: Type.Optional(Nullable(Label())),
  engine: Type.Optional(Nullable(Label())),
  body: Type.Optional(Nullable(Label())),
  color: Type.Optional(Nullable(Label())),
  licensePlate: Type.Optional(Nullable(LicensePlate)),
  plateRegion: Type.Optional(Nullable(PlateRegion)),
  telematicsId: Type.Optional(Nullable(Label())),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type UpdateVehicleInput = Static<typeof UpdateVehicleBody>;

export const ListVehiclesQuery = StrictObject({
  customerId: Type.Optional(Uuid),
  ...offsetPaging({ maximum: 200, default: 50 }),
});
export type ListVehiclesInput = Static<typeof ListVehiclesQuery>;

export const VehiclePageSchema = Type.Object({
  items: Type.Array(VehicleSchema),
  nextOffset: Nullable(Type.Integer({ description: 'Pass as `offset` for the next page.' })),
});

export const OdometerReadingSchema = Type.Object({
  id: Uuid,
  vehicleId: Uuid,
  reading: Type.Integer(),
  unit: OdometerUnit,
  source: OdometerSource,
  repairOrderId: Nullable(Uuid),
  recordedAt: IsoDateTime,
  recordedBy: Nullable(Uuid),
});
export type OdometerReading = Static<typeof OdometerReadingSchema>;

export const OdometerHistorySchema = Type.Object({
  items: Type.Array(OdometerReadingSchema, { description: 'Newest first.' }),
});

export const RecordOdometerBody = StrictObject({
  reading: Reading,
  unit: Type.Optional(OdometerUnit),
  source: Type.Optional(OdometerSource),
  confirmLower: Type.Optional(
    Type.Boolean({
      description: 'Accept a reading below the last one (odometer or instrument cluster replaced). Audited.',
    }),
  ),
});
export type RecordOdometerInput = Static<typeof RecordOdometerBody>;

export const TransferVehicleBody = StrictObject({
  toCustomerId: Uuid,
  version: Version,
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type TransferVehicleInput = Static<typeof TransferVehicleBody>;

export const VinParams = StrictObject({ vin: Type.String({ minLength: 1, maxLength: 40 }) });

export const VinDecodeSchema = Type.Object({
  vin: Type.String({ description: 'Normalized: trimmed, upper case.' }),
  valid: Type.Boolean({ description: 'Accepted as is by POST /api/vehicles (no override needed).' }),
  checkDigitValid: Type.Boolean(),
  checkDigitRequired: Type.Boolean({ description: 'North-American VIN (first character 1-5).' }),
  expectedCheckDigit: Type.String(),
  problem: Nullable(Type.String({ description: 'Why the VIN is not valid, when it is not.' })),
  decoded: Type.Boolean({
    description: 'The vPIC data knew this model; false when at most the maker is known.',
  }),
  year: Nullable(Type.Integer()),
  make: Nullable(Type.String()),
  model: Nullable(Type.String()),
  trim: Nullable(Type.String()),
  series: Nullable(Type.String()),
  engine: Nullable(Type.String()),
  body: Nullable(Type.String()),
  driveType: Nullable(Type.String()),
  fuelType: Nullable(Type.String()),
  transmission: Nullable(Type.String()),
  doors: Nullable(Type.Integer()),
  cylinders: Nullable(Type.Integer()),
  displacementLiters: Nullable(Type.Number()),
  manufacturer: Nullable(Type.String()),
  vehicleType: Nullable(Type.String()),
  country: Nullable(Type.String()),
  warnings: Type.Array(Type.String()),
});
export type VinDecode = Static<typeof VinDecodeSchema>;
