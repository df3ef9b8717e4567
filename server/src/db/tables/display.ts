import type { Timestamps } from '../columns.js';

/** Tables owned by the display module (migration 0003): the bay TVs' tokens. */
export interface DisplayTokensTable extends Timestamps {
  id: string;
  name: string;
  token_hash: string;
  created_by: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface DisplayTables {
  display_tokens: DisplayTokensTable;
}
