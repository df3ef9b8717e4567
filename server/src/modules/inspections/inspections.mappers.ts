import type {
  FindingRow,
  InspectionMediaWithFile,
  InspectionRow,
  TemplateRow,
} from './inspections.repository.js';
import type {
  CustomerInspection,
  Finding,
  Inspection,
  InspectionMedia,
  InspectionTemplate,
  RatingCounts,
  TemplateItem,
  TemplateSection,
} from './inspections.schemas.js';
import { versionedRecordFields } from '../../lib/row-view.js';

export function parseSections(text: string): TemplateSection[] {
  return JSON.parse(text) as TemplateSection[];
}

export function itemsOf(sections: readonly TemplateSection[]): TemplateItem[] {
  return sections.flatMap((section) => section.items);
}

export function findItem(sections: readonly TemplateSection[], key: string): TemplateItem | undefined {
  return itemsOf(sections).find((item) => item.key === key);
}

export function toTemplate(row: TemplateRow): InspectionTemplate {
  return {
    id: row.id,
    name: row.name,
    sections: parseSections(row.sections),
    active: row.active === 1,
    ...versionedRecordFields(row),
  };
}

export function toFinding(row: FindingRow): Finding {
  return {
    id: row.id,
    itemKey: row.item_key,
    rating: row.rating,
    measurement:
      row.measurement_value === null ? null : { value: row.measurement_value, unit: row.measurement_unit },
    note: row.note,
    recommendedJobId: row.recommended_job_id,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function toMedia(row: InspectionMediaWithFile): InspectionMedia {
  return {
    id: row.id,
    itemKey: row.item_key,
    kind: row.kind,
    hash: row.media_hash,
    thumbnailHash: row.thumbnail_hash,
    mime: row.mime,
    byteSize: row.byte_size,
    width: row.width,
    height: row.height,
    caption: row.caption,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

/** Counts over the inspection's own items (a finding of an item no longer listed is ignored). */
export function countRatings(
  sections: readonly TemplateSection[],
  findings: readonly FindingRow[],
): RatingCounts {
  const byKey = new Map(findings.map((f) => [f.item_key, f]));
  const counts: RatingCounts = { green: 0, yellow: 0, red: 0, unrated: 0 };
  for (const item of itemsOf(sections)) counts[byKey.get(item.key)?.rating ?? 'unrated']++;
  return counts;
}

export function toInspection(
  row: InspectionRow,
  findings: readonly FindingRow[],
  media: readonly InspectionMediaWithFile[],
): Inspection {
  const sections = parseSections(row.sections);
  return {
    id: row.id,
    repairOrderId: row.repair_order_id,
    templateId: row.template_id,
    name: row.name,
    status: row.status,
    sections,
    findings: findings.map(toFinding),
    media: media.map(toMedia),
    counts: countRatings(sections, findings),
    technicianId: row.technician_id,
    startedBy: row.started_by,
    completedAt: row.completed_at,
    ...versionedRecordFields(row),
  };
}

/** Only rated items, grouped by section (a section with none is left out), and every photo/video. */
export function toCustomerInspection(
  row: InspectionRow,
  findings: readonly FindingRow[],
  media: readonly InspectionMediaWithFile[],
): CustomerInspection {
  const sections = parseSections(row.sections);
  const byKey = new Map(findings.map((f) => [f.item_key, f]));
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    completedAt: row.completed_at,
    counts: countRatings(sections, findings),
    sections: sections
      .map((section) => ({
        key: section.key,
        title: section.title,
        items: section.items.flatMap((item) => {
          const finding = byKey.get(item.key);
          if (finding?.rating == null) return [];
          return [
            {
              key: item.key,
              label: item.label,
              rating: finding.rating,
              measurement:
                finding.measurement_value === null
                  ? null
                  : { value: finding.measurement_value, unit: finding.measurement_unit },
              note: finding.note,
            },
          ];
        }),
      }))
      .filter((section) => section.items.length > 0),
    media: media.map((m) => ({
      hash: m.media_hash,
      thumbnailHash: m.thumbnail_hash,
      kind: m.kind,
      mime: m.mime,
      caption: m.caption,
      itemKey: m.item_key,
    })),
  };
}
