import type { Timestamps } from '../columns.js';

/**
 * Tables owned by the kiosks module (migration 0025): the check-in tablets' credentials and their
 * pending pairing codes. A kiosk is a device of kind `kiosk` (devices module); whether it is
 * revoked is the device's, read through the device gateway on every request.
 */
export interface KiosksTable extends Timestamps {
  /** The device's id (devices.id): one row per kiosk device, made on first use. */
  device_id: string;
  /** SHA-256 hex of the tablet's `kk_` token; null until paired. Pairing again replaces it. */
  token_hash: string | null;
  paired_at: string | null;
  /** The label printer (a device of kind `label-printer`) the key tags go to, or null. */
  label_printer_device_id: string | null;
}

/** At most one code per kiosk device: a new code replaces an unused one; a used one is deleted. */
export interface KioskPairingCodesTable {
  device_id: string;
  /** SHA-256 hex of the 8-digit code: it lives ten minutes and is tried against a rate limit. */
  code_hash: string;
  expires_at: string;
  created_by: string | null;
  created_at: string;
}

export interface KiosksTables {
  kiosks: KiosksTable;
  kiosk_pairing_codes: KioskPairingCodesTable;
}
