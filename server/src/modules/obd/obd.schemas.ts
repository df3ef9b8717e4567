import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid } from '../../lib/schema.js';

const Source = StringEnum(['serial', 'mqtt'] as const);

export const ObdCodeSchema = Type.Object({
  code: Type.String({ description: 'e.g. P0301' }),
  kind: StringEnum(['stored', 'pending', 'permanent'] as const),
  system: StringEnum(['Powertrain', 'Chassis', 'Body', 'Network'] as const),
  scope: StringEnum(['generic', 'manufacturer-specific'] as const),
  description: Nullable(
    Type.String({
      description: 'Title of a generic code; null for a manufacturer-specific one or none on file',
    }),
  ),
});
export type ObdCode = Static<typeof ObdCodeSchema>;

export const ReadinessSchema = Type.Object({
  milOn: Type.Boolean(),
  dtcCount: Type.Integer(),
  ignition: StringEnum(['spark', 'compression'] as const),
  monitors: Type.Array(Type.Object({ name: Type.String(), complete: Type.Boolean() })),
});

export const ObdScanSchema = Type.Object({
  id: Uuid,
  vehicleId: Uuid,
  repairOrderId: Nullable(Uuid),
  source: Source,
  deviceId: Nullable(Type.String()),
  vin: Nullable(Type.String()),
  protocol: Nullable(Type.String()),
  milOn: Nullable(Type.Boolean()),
  codes: Type.Array(ObdCodeSchema),
  permanentReported: Type.Boolean({ description: 'false: the car (or dongle) gave no permanent codes list' }),
  readiness: Nullable(ReadinessSchema),
  batteryVolts: Nullable(Type.Number()),
  odometerKm: Nullable(Type.Number()),
  freezeFrame: Nullable(Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()]))),
  scannedAt: IsoDateTime,
  scannedBy: Nullable(Uuid),
});
export type ObdScan = Static<typeof ObdScanSchema>;

export const OdometerHoldSchema = Type.Object({
  id: Uuid,
  vehicleId: Uuid,
  readingKm: Type.Integer(),
  source: Source,
  deviceId: Nullable(Type.String()),
  readAt: IsoDateTime,
});
export type OdometerHold = Static<typeof OdometerHoldSchema>;

export const VehicleObdSchema = Type.Object({
  scans: Type.Array(ObdScanSchema, { description: 'Newest first, at most 20' }),
  odometerHolds: Type.Array(OdometerHoldSchema, {
    description: 'OBD odometer readings lower than the last one, waiting for a confirmation',
  }),
  descriptions: Type.Object({
    available: Type.Boolean(),
    problem: Nullable(Type.String()),
  }),
  serialConfigured: Type.Boolean({ description: 'Whether an ELM327 adapter is configured (obdSerialPath)' }),
});
export type VehicleObd = Static<typeof VehicleObdSchema>;

export const ObdScanBody = StrictObject({
  repairOrderId: Type.Optional(Uuid),
});
export type ObdScanInput = Static<typeof ObdScanBody>;

export const OdometerOutcomeSchema = Type.Object({
  status: StringEnum(['recorded', 'held-lower', 'none'] as const),
  holdId: Nullable(Uuid),
});
export type OdometerOutcome = Static<typeof OdometerOutcomeSchema>;

export const ObdScanResultSchema = Type.Object({
  scan: ObdScanSchema,
  odometer: OdometerOutcomeSchema,
});
export type ObdScanResponse = Static<typeof ObdScanResultSchema>;

export const ObdClearBody = StrictObject({
  confirm: Type.Boolean({
    description: 'Must be true: clearing also resets the readiness monitors an emissions test needs',
  }),
});

export const ObdClearResultSchema = Type.Object({
  cleared: Type.Literal(true),
  at: IsoDateTime,
  protocol: Type.String(),
});

export const UnmatchedReportSchema = Type.Object({
  id: Uuid,
  deviceId: Type.String(),
  deviceName: Type.String(),
  channel: StringEnum(['telemetry', 'dtc'] as const),
  seq: Type.Integer(),
  vin: Nullable(Type.String()),
  receivedAt: IsoDateTime,
  codes: Type.Array(Type.String(), { description: 'Stored, pending and permanent codes of a dtc report' }),
  milOn: Nullable(Type.Boolean()),
  odometerKm: Nullable(Type.Number()),
  batteryVolts: Nullable(Type.Number()),
});
export type UnmatchedReport = Static<typeof UnmatchedReportSchema>;

export const UnmatchedListSchema = Type.Object({ items: Type.Array(UnmatchedReportSchema) });

export const AttachBody = StrictObject({ vehicleId: Uuid });
export type AttachInput = Static<typeof AttachBody>;

export const AttachResultSchema = Type.Object({
  vehicleId: Uuid,
  attached: Type.Integer({ description: 'Reports of this dongle and VIN now on the vehicle' }),
  scans: Type.Integer(),
});
export type AttachResult = Static<typeof AttachResultSchema>;
