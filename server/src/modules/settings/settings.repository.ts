import type { Db } from '../../db/database.js';
import { findSingleRow, insertSingleRow, updateSingleRowIfVersion } from '../../db/single-row.js';

export const findSettingsRow = (db: Db) => findSingleRow(db.selectFrom('shop_settings'));

export const insertSettingsRow = (db: Db, data: string, at: string) =>
  insertSingleRow(db.insertInto('shop_settings'), data, at);

export const updateSettingsIfVersion = (db: Db, data: string, expectedVersion: number, at: string) =>
  updateSingleRowIfVersion(db.updateTable('shop_settings'), data, expectedVersion, at);
