import { Type } from '@sinclair/typebox';
import { IsoDateTime } from './schema.js';

/**
 * The fields an editable record's view ends with, spread last into its schema: the version a
 * change must send back (a stale one gets 409), and when the record was made and last changed.
 */
export const VersionedRecordFields = {
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
};
