import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/**
 * Tables owned by the printing module (migration 0023). A label printer is a device (the devices
 * module's row, kind `label-printer`) plus its row here: how to reach it and what ASE last heard.
 */
export interface PrintersTable extends Timestamps {
  device_id: string;
  transport: 'tcp' | 'serial';
  host: string | null;
  port: number;
  serial_path: string | null;
  label_width_mm: number;
  /** 1 when the last contact (a job or a status probe) got an answer. */
  online: Generated<number>;
  last_contact_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

export type PrintJobStatus = 'queued' | 'printing' | 'printed' | 'failed';
export type PrintJobKind = 'key-tag' | 'oil-sticker' | 'bin-labels';

/** The durable print queue: the document's data, not its bytes (rendered at print time). */
export interface PrintJobsTable extends Timestamps {
  id: string;
  printer_device_id: string;
  kind: PrintJobKind;
  /** JSON of the label's data (KeyTagData, OilStickerData or { items: BinLabelData[] }). */
  data: string;
  /** What the job is about, for lists and links: the repair order, or null (bin labels). */
  repair_order_id: string | null;
  status: PrintJobStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  /** The job this one reprints (by hand), or null. */
  reprint_of: string | null;
  created_by_user_id: string | null;
  created_by_label: string;
  claimed_at: string | null;
  printed_at: string | null;
}

export interface PrintingTables {
  printers: PrintersTable;
  print_jobs: PrintJobsTable;
}
