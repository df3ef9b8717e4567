import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Every query here and in search-read-model.ts is answered from an index: FTS5 (search_*), the
 * customer_contacts and vehicles_license_plate indexes, the VIN-ending expression indexes, the
 * unique RO number.
 * FTS queries are unranked (FTS5 stops at the limit) except the plate typo net, where bm25 is
 * what picks the nearest plates.
 */

/** The smallest string greater than every string starting with `prefix` (binary order). */
export function after(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
}

/** Customers (not merged away) whose name holds the words of an FTS5 query on search_customer_words. */
export function customersByWords(db: Db, match: string, limit: number) {
  return db
    .selectFrom('search_customer_words as w')
    .innerJoin('search_keys as k', 'k.id', 'w.rowid')
    .select(['k.entity_id as id', 'w.name'])
    .where(sql`search_customer_words`, 'match', match)
    .limit(limit)
    .execute();
}

/** Customers matching an FTS5 query on the trigram index (parts of names, phones, emails). */
export function customersByTrigrams(db: Db, match: string, limit: number) {
  return db
    .selectFrom('search_customers as f')
    .innerJoin('search_keys as k', 'k.id', 'f.rowid')
    .select(['k.entity_id as id', 'f.name', 'f.phones', 'f.emails'])
    .where(sql`search_customers`, 'match', match)
    .limit(limit)
    .execute();
}

/** Distinct name words starting with `letter`: the pool a typo's corrections are drawn from. */
export async function nameWordsStartingWith(db: Db, letter: string): Promise<string[]> {
  const rows = await db
    .selectFrom('search_customer_words_vocab')
    .select('term')
    .where('term', '>=', letter)
    .where('term', '<', after(letter))
    .execute();
  return rows.map((row) => row.term);
}

export function vehiclesByTrigrams(db: Db, match: string, limit: number) {
  return db
    .selectFrom('search_vehicles as f')
    .innerJoin('search_keys as k', 'k.id', 'f.rowid')
    .select(['k.entity_id as id', 'f.plate', 'f.vin'])
    .where(sql`search_vehicles`, 'match', match)
    .limit(limit)
    .execute();
}

/** The best `limit` matches by bm25 first (rowid and rank only), then their text and keys. */
export function vehiclesByTrigramsRanked(db: Db, match: string, limit: number) {
  const top = db
    .selectFrom('search_vehicles')
    .select(['search_vehicles.rowid as doc', sql<number>`bm25(search_vehicles)`.as('rank')])
    .where(sql`search_vehicles`, 'match', match)
    .orderBy('rank')
    .limit(limit);
  return db
    .selectFrom(top.as('top'))
    .innerJoin('search_vehicles as f', 'f.rowid', 'top.doc')
    .innerJoin('search_keys as k', 'k.id', 'top.doc')
    .select(['k.entity_id as id', 'f.plate', 'f.vin'])
    .orderBy('top.rank')
    .execute();
}
