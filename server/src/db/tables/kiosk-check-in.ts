import type { Timestamps } from '../columns.js';

/**
 * Tables owned by the kiosk-check-in module (migration 0026): what the kiosk at the door was told
 * (references to the matches it showed), the check-ins it made, and the reminder codes.
 */

/** What a kiosk ref stands for. */
export type KioskRefKind = 'customer' | 'vehicle' | 'appointment';

/**
 * An opaque reference a kiosk got from a lookup, instead of an id: only its sha256 is kept, it is
 * good for the kiosk that asked only, and for 30 minutes (stored, so a restart keeps it).
 */
export interface KioskRefsTable extends Timestamps {
  ref_hash: string;
  device_id: string;
  kind: KioskRefKind;
  target_id: string;
  /** The customer of the match the ref was given out in (a vehicle's or appointment's owner). */
  customer_id: string;
  expires_at: string;
}

/** One check-in at a kiosk: the repair order it made and the signed authorization behind it. */
export interface KioskCheckInsTable extends Timestamps {
  id: string;
  device_id: string;
  kiosk_name: string;
  /** The kiosk's idempotency key: the same one again answers with `result`. */
  request_id: string;
  repair_order_id: string;
  appointment_id: string | null;
  customer_id: string;
  vehicle_id: string;
  tag_number: number;
  /** JSON array of flags for the advisor ('vin-check-digit', 'possible-duplicate'). */
  flags: string;
  language: 'en' | 'es';
  contact_channel: 'sms' | 'email' | 'phone';
  signer_name: string;
  /** The re-encoded signature PNG in media_files (its sha256). */
  signature_hash: string;
  /** The authorization text exactly as shown, in `language`. */
  authorization_text: string;
  authorization_sha256: string;
  /** JSON of the KioskCheckInResult the kiosk was answered with. */
  result: string;
}

/** The code in an appointment's reminder (and its QR): stable per appointment. */
export interface KioskReminderCodesTable extends Timestamps {
  appointment_id: string;
  code: string;
}

export interface KioskCheckInTables {
  kiosk_refs: KioskRefsTable;
  kiosk_check_ins: KioskCheckInsTable;
  kiosk_reminder_codes: KioskReminderCodesTable;
}
