import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid } from '../../lib/schema.js';

export const PRINT_JOB_STATUSES = ['queued', 'printing', 'printed', 'failed'] as const;
export const LABEL_KINDS = ['key-tag', 'oil-sticker', 'bin-labels'] as const;

export const DeviceIdParams = StrictObject({ deviceId: Uuid });

export const PutPrinterBody = StrictObject({
  transport: StringEnum(['tcp', 'serial'] as const),
  host: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 253,
      pattern: '^[A-Za-z0-9.:\\-\\[\\]]+$',
      description: "The printer's IP address or name on the shop network (tcp).",
    }),
  ),
  port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, default: 9100 })),
  serialPath: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'e.g. /dev/ttyUSB0 or COM3 (serial).' }),
  ),
  labelWidthMm: Type.Optional(
    Type.Integer({
      minimum: 30,
      maximum: 120,
      default: 72,
      description: 'Printable width: 48 (58 mm roll) or 72 (80 mm).',
    }),
  ),
});
export type PutPrinterInput = Static<typeof PutPrinterBody>;

export const PrinterSchema = Type.Object({
  deviceId: Uuid,
  name: Type.String(),
  transport: StringEnum(['tcp', 'serial'] as const),
  host: Nullable(Type.String()),
  port: Type.Integer(),
  serialPath: Nullable(Type.String()),
  labelWidthMm: Type.Integer(),
  online: Type.Boolean({ description: 'The last contact (a job or a status probe) got an answer.' }),
  lastContactAt: Nullable(IsoDateTime),
  queued: Type.Integer({ description: 'Jobs waiting for this printer (queued or being sent).' }),
  lastError: Nullable(Type.String()),
  lastErrorAt: Nullable(IsoDateTime),
});
export type Printer = Static<typeof PrinterSchema>;
export const PrinterListSchema = Type.Array(PrinterSchema);

export const PrintJobSchema = Type.Object({
  id: Uuid,
  printerDeviceId: Uuid,
  printerName: Type.String(),
  kind: StringEnum(LABEL_KINDS),
  /** One line saying what is on it ("Key tag 1042 · Smith", "3 bin labels"). */
  summary: Type.String(),
  repairOrderId: Nullable(Uuid),
  status: StringEnum(PRINT_JOB_STATUSES),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(IsoDateTime),
  lastError: Nullable(Type.String()),
  reprintOf: Nullable(Uuid),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
  printedAt: Nullable(IsoDateTime),
});
export type PrintJob = Static<typeof PrintJobSchema>;
export const PrintJobListSchema = Type.Object({ items: Type.Array(PrintJobSchema) });

export const PrintJobListQuery = StrictObject({
  status: Type.Optional(StringEnum(PRINT_JOB_STATUSES)),
  repairOrderId: Type.Optional(Uuid),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

/** Which printer; when left out, the only (or first) label printer set up. */
export const PrintBody = StrictObject({ printerId: Type.Optional(Uuid) });
export type PrintInput = Static<typeof PrintBody>;

export const BinLabelsBody = StrictObject({
  itemIds: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }),
  printerId: Type.Optional(Uuid),
});
export type BinLabelsInput = Static<typeof BinLabelsBody>;

export const PreviewQuery = StrictObject({
  kind: StringEnum(LABEL_KINDS),
  repairOrderId: Type.Optional(Uuid),
  itemIds: Type.Optional(
    Type.String({
      pattern: '^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,99}$',
      description: 'Comma-separated item ids.',
    }),
  ),
  printerId: Type.Optional(Uuid),
});
export type PreviewInput = Static<typeof PreviewQuery>;
