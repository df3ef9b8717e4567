import { Type, type Static } from '@sinclair/typebox';
import type { FindingRating } from '../../db/tables/inspections.js';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid, Version } from '../../lib/schema.js';
import { VersionedRecordFields } from '../../lib/record-fields.js';
import { pageLimit } from '../../lib/paging.js';

export const RATINGS: readonly FindingRating[] = ['green', 'yellow', 'red'];
export const INSPECTION_STATUSES = ['in_progress', 'completed'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** A key of a section or item: stable across template edits, used in URLs (`findings/:itemKey`). */
export const KEY_PATTERN = '^[a-z0-9][a-z0-9._-]{0,63}$';
const Key = Type.String({
  pattern: KEY_PATTERN,
  description: 'lower-case letters, digits, ".", "_" or "-"; at most 64 characters',
});
const Label = Type.String({ minLength: 1, maxLength: 120 });
const Unit = Type.String({
  minLength: 1,
  maxLength: 16,
  description: 'Unit of the measurement: "32nds" (tread depth), "mm" (brake pads), "V", "CCA", "%", ...',
});
const Note = Type.String({ maxLength: 2000 });
const Rating = StringEnum(RATINGS, { description: 'green: ok · yellow: soon · red: now' });
/** A rating or null ("not rated"); the enum lists null too, so null passes validation. */
const NullableRating = Type.Unsafe<FindingRating | null>({
  type: ['string', 'null'],
  enum: [...RATINGS, null],
  description: 'green: ok · yellow: soon · red: now · null: not rated',
});

// ---------------------------------------------------------------- templates

const ThresholdsSchema = Type.Object(
  {
    yellowBelow: Type.Optional(Type.Number({ description: 'A measurement below this suggests yellow.' })),
    redBelow: Type.Optional(Type.Number({ description: 'A measurement below this suggests red.' })),
  },
  {
    additionalProperties: false,
    description: 'Lower is worse (tread, pads, voltage, CCA): the tablet suggests a rating from these.',
  },
);

export const TemplateItemSchema = StrictObject({
  key: Key,
  label: Label,
  required: Type.Boolean({ default: false, description: 'Completing needs a rating for this item.' }),
  measurementUnit: Type.Optional(Nullable(Unit)),
  thresholds: Type.Optional(Nullable(ThresholdsSchema)),
  cannedJobId: Type.Optional(
    Nullable(Type.String({ format: 'uuid', description: 'Recommended job made from this canned job.' })),
  ),
});
export type TemplateItem = Static<typeof TemplateItemSchema>;

export const TemplateSectionSchema = StrictObject({
  key: Key,
  title: Label,
  items: Type.Array(TemplateItemSchema, { minItems: 1, maxItems: 100 }),
});
export type TemplateSection = Static<typeof TemplateSectionSchema>;

const Sections = Type.Array(TemplateSectionSchema, { minItems: 1, maxItems: 40 });

export const InspectionTemplateSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  sections: Type.Array(TemplateSectionSchema),
  active: Type.Boolean(),
  ...VersionedRecordFields,
});
export type InspectionTemplate = Static<typeof InspectionTemplateSchema>;
export const InspectionTemplateListSchema = Type.Object({ items: Type.Array(InspectionTemplateSchema) });

export const CreateTemplateBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  sections: Sections,
});
export type CreateTemplateInput = Static<typeof CreateTemplateBody>;

export const UpdateTemplateBody = StrictObject({
  version: Version,
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  sections: Type.Optional(Sections),
  active: Type.Optional(Type.Boolean()),
});
export type UpdateTemplateInput = Static<typeof UpdateTemplateBody>;

export const TemplateListQuery = StrictObject({
  includeInactive: Type.Boolean({ default: false }),
});

// ---------------------------------------------------------------- inspections

export const MeasurementSchema = Type.Object({ value: Type.Number(), unit: Nullable(Type.String()) });

export const FindingSchema = Type.Object({
  id: Uuid,
  itemKey: Type.String(),
  rating: NullableRating,
  measurement: Nullable(MeasurementSchema),
  note: Type.String(),
  recommendedJobId: Nullable(Uuid),
  version: Type.Integer(),
  updatedAt: IsoDateTime,
});
export type Finding = Static<typeof FindingSchema>;

export const InspectionMediaSchema = Type.Object({
  id: Uuid,
  itemKey: Nullable(Type.String()),
  kind: StringEnum(['image', 'video'] as const),
  hash: Type.String({ description: 'GET /api/media/:hash serves the file' }),
  thumbnailHash: Nullable(Type.String()),
  mime: Type.String(),
  byteSize: Type.Integer(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  caption: Type.String(),
  uploadedBy: Nullable(Uuid),
  createdAt: IsoDateTime,
});
export type InspectionMedia = Static<typeof InspectionMediaSchema>;

export const RatingCountsSchema = Type.Object({
  green: Type.Integer(),
  yellow: Type.Integer(),
  red: Type.Integer(),
  unrated: Type.Integer(),
});
export type RatingCounts = Static<typeof RatingCountsSchema>;

export const InspectionSchema = Type.Object({
  id: Uuid,
  repairOrderId: Uuid,
  templateId: Nullable(Uuid),
  name: Type.String(),
  status: StringEnum(INSPECTION_STATUSES),
  sections: Type.Array(TemplateSectionSchema, {
    description: "The template's sections as they were when the inspection started.",
  }),
  findings: Type.Array(FindingSchema),
  media: Type.Array(InspectionMediaSchema),
  counts: RatingCountsSchema,
  technicianId: Nullable(Uuid),
  startedBy: Nullable(Uuid),
  completedAt: Nullable(IsoDateTime),
  ...VersionedRecordFields,
});
export type Inspection = Static<typeof InspectionSchema>;
export const InspectionListSchema = Type.Object({ items: Type.Array(InspectionSchema) });

/** One line of the "inspections to do" list on the floor. */
export const InspectionSummarySchema = Type.Object({
  id: Uuid,
  repairOrderId: Uuid,
  repairOrderNumber: Type.Integer(),
  vehicleSummary: Type.String(),
  customerName: Type.String(),
  name: Type.String(),
  status: StringEnum(INSPECTION_STATUSES),
  counts: RatingCountsSchema,
  mediaCount: Type.Integer(),
  updatedAt: IsoDateTime,
});
export type InspectionSummary = Static<typeof InspectionSummarySchema>;
export const InspectionSummaryListSchema = Type.Object({ items: Type.Array(InspectionSummarySchema) });
export const InspectionListQuery = StrictObject({
  status: Type.Optional(StringEnum(INSPECTION_STATUSES)),
  limit: pageLimit({ maximum: 200, default: 50 }),
});

export const StartInspectionBody = StrictObject({
  templateId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Default: the first active template (made if none).' }),
  ),
  technicianId: Type.Optional(Uuid),
});
export type StartInspectionInput = Static<typeof StartInspectionBody>;

export const UpdateFindingBody = StrictObject({
  version: Version,
  rating: Type.Optional(NullableRating),
  measurement: Type.Optional(
    Nullable(Type.Number({ minimum: -100_000, maximum: 100_000, description: 'in the item’s unit' })),
  ),
  note: Type.Optional(Note),
});
export type UpdateFindingInput = Static<typeof UpdateFindingBody>;

export const InspectionVersionBody = StrictObject({ version: Version });

export const FindingParams = StrictObject({ id: Uuid, itemKey: Key });
export const MediaItemParams = StrictObject({ id: Uuid, mediaId: Uuid });

export const UploadQuery = StrictObject({
  itemKey: Type.Optional(Key),
  caption: Type.Optional(Type.String({ maxLength: 200 })),
});

export const HashParams = StrictObject({
  hash: Type.String({ description: 'sha256 of the stored file, 64 lower-case hex digits' }),
});

export const RecommendJobResultSchema = Type.Object({
  finding: FindingSchema,
  jobId: Uuid,
  jobTitle: Type.String(),
  fromCannedJob: Type.Boolean(),
});
export type RecommendJobResult = Static<typeof RecommendJobResultSchema>;

// ---------------------------------------------------------------- the customer's view (approvals)

export const CustomerInspectionMediaSchema = Type.Object({
  hash: Type.String(),
  thumbnailHash: Nullable(Type.String()),
  kind: StringEnum(['image', 'video'] as const),
  mime: Type.String(),
  caption: Type.String(),
  itemKey: Nullable(Type.String()),
});

export const CustomerInspectionItemSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  rating: Rating,
  measurement: Nullable(MeasurementSchema),
  note: Type.String(),
});

/**
 * An inspection as the customer is shown it on the approval link: only rated items, grouped by
 * section, with the photos and videos. Media are fetched through the link's own media route.
 */
export const CustomerInspectionSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  status: StringEnum(INSPECTION_STATUSES),
  completedAt: Nullable(IsoDateTime),
  counts: RatingCountsSchema,
  sections: Type.Array(
    Type.Object({
      key: Type.String(),
      title: Type.String(),
      items: Type.Array(CustomerInspectionItemSchema),
    }),
  ),
  media: Type.Array(CustomerInspectionMediaSchema),
});
export type CustomerInspection = Static<typeof CustomerInspectionSchema>;
