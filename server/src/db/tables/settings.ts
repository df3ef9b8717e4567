import type { Generated } from 'kysely';
import type { Timestamps } from '../columns.js';

/** Tables owned by the settings module (migration 0003): the shop's settings, one row. */
export interface ShopSettingsTable extends Timestamps {
  id: number;
  data: string;
  version: Generated<number>;
}

export interface SettingsTables {
  shop_settings: ShopSettingsTable;
}
