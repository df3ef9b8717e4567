import type { Migration } from 'kysely';
import * as identity from './0001-identity.js';
import * as shopCoreEntities from './0002-shop-core-entities.js';

/**
 * Every migration this build knows, in order. Forward-only: never edit or remove a shipped entry,
 * add a new one. The name is what the database records.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-identity': identity,
  '0002-shop-core-entities': shopCoreEntities,
};
