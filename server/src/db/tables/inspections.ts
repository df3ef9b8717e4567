import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the inspections module (migration 0009): inspections, findings, photos. */
export type FindingRating = 'green' | 'yellow' | 'red';
export type MediaKind = 'image' | 'thumbnail' | 'video' | 'signature';

export interface InspectionTemplatesTable extends Timestamps {
  id: string;
  name: string;
  /** JSON: [{ key, title, items: [{ key, label, required, measurementUnit?, cannedJobId? }] }] */
  sections: string;
  active: Generated<number>;
  version: Generated<number>;
}

export interface InspectionsTable extends Timestamps {
  id: string;
  repair_order_id: string;
  template_id: string | null;
  name: string;
  /** The template's sections as they were when the inspection started. */
  sections: string;
  status: Generated<'in_progress' | 'completed'>;
  technician_id: string | null;
  started_by: string | null;
  completed_at: string | null;
  version: Generated<number>;
}

export interface InspectionFindingsTable extends Timestamps {
  id: string;
  inspection_id: string;
  item_key: string;
  rating: FindingRating | null;
  measurement_value: number | null;
  measurement_unit: string | null;
  note: Generated<string>;
  recommended_job_id: string | null;
  version: Generated<number>;
}

export interface MediaFilesTable extends Timestamps {
  /** sha256 of the stored bytes, lower-case hex. */
  hash: string;
  kind: MediaKind;
  mime: string;
  byte_size: number;
  width: number | null;
  height: number | null;
}

export interface InspectionMediaTable extends Timestamps {
  id: string;
  inspection_id: string;
  item_key: string | null;
  media_hash: string;
  thumbnail_hash: string | null;
  kind: 'image' | 'video';
  caption: Generated<string>;
  uploaded_by: string | null;
  sort_order: Generated<number>;
}

export interface InspectionsTables {
  inspection_templates: InspectionTemplatesTable;
  inspections: InspectionsTable;
  inspection_findings: InspectionFindingsTable;
  media_files: MediaFilesTable;
  inspection_media: InspectionMediaTable;
}
