import { Type, type TInteger } from '@sinclair/typebox';

/**
 * Paging parameters shared by every list route. SQLite takes LIMIT and OFFSET as 64-bit integers:
 * a query string like `offset=99999999999999999999` or `offset=1e308` arrives as a float that no
 * integer column can hold and failed inside the database as a 500. Bounded here, it is a 400 that
 * names the field before any SQL runs.
 */

/** Far above any list of the ten-year shop (about 50k repair orders, 25k vehicles, 20k customers). */
export const MAX_PAGE_OFFSET = 1_000_000;

/**
 * The largest whole number a query may carry into SQL (a row number used as a cursor, a version):
 * every integer up to it is exact in a JS number and fits SQLite's 64-bit INTEGER.
 */
export const MAX_QUERY_INTEGER = Number.MAX_SAFE_INTEGER;

/** How many rows one page returns: each list says its own ceiling and default. */
export function pageLimit(options: { maximum: number; default?: number; description?: string }): TInteger {
  return Type.Integer({ minimum: 1, ...options });
}

/** How many rows to skip; without a default where "absent" means something (customers: cursor or offset). */
export function pageOffset(options: { default?: number } = {}): TInteger {
  return Type.Integer({ minimum: 0, maximum: MAX_PAGE_OFFSET, ...options });
}

/** `limit` and `offset` for a list paged by offset; spread into the route's querystring object. */
export function offsetPaging(limit: { maximum: number; default: number }) {
  return { limit: pageLimit(limit), offset: pageOffset({ default: 0 }) };
}
