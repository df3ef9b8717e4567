import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/**
 * Tables owned by the devices module (migration 0021): the shop floor's MQTT devices, their
 * credentials (hashed) and what the broker last knew of them. Live state (online) is the broker's
 * and lives in memory; the counters and last-seen are written here so they outlive a restart.
 */
export interface DevicesTable extends Timestamps {
  id: string;
  kind: string;
  name: string;
  bay_id: string | null;
  /** SHA-256 hex of the device's random password (high entropy: a slow hash would add nothing). */
  password_hash: string;
  created_by: string | null;
  revoked_at: string | null;
  last_seen_at: string | null;
  firmware: string | null;
  model: string | null;
  bad_messages: Generated<number>;
  last_error: string | null;
  last_error_at: string | null;
  refusals: Generated<number>;
  last_refusal: string | null;
  last_refusal_at: string | null;
  version: Generated<number>;
}

export interface DevicesTables {
  devices: DevicesTable;
}
