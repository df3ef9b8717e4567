import type { Db } from '../../db/database.js';

/** The one search box: customers, vehicles and repair orders by any handle a person has. */
export class SearchService {
  constructor(private readonly db: Db) {}
}
