/** Tables owned by the search module (migration 0008). Keep in step with its migrations. */

/** Stable integer keys for the FTS rows of customers and vehicles (UUIDs cannot be FTS rowids). */
export interface SearchKeysTable {
  id: number;
  kind: 'customer' | 'vehicle';
  entity_id: string;
}

/** FTS5 (trigram) over customers; each value is padded with spaces to mark word boundaries. */
export interface SearchCustomersTable {
  rowid: number;
  /** The name with joining punctuation made spaces. */
  name: string;
  /** Digits of every phone, E.164 without "+", space separated. */
  phones: string;
  /** Every email, lower case, space separated. */
  emails: string;
}

/** FTS5 (unicode61) over the words of customers' names: word prefixes, exact words. */
export interface SearchCustomerWordsTable {
  rowid: number;
  name: string;
}

/** fts5vocab over search_customer_words: each distinct word, in how many names it appears. */
export interface SearchCustomerWordsVocabTable {
  term: string;
  doc: number;
  cnt: number;
}

/** FTS5 (trigram) over vehicles. */
export interface SearchVehiclesTable {
  rowid: number;
  /** As stored on the vehicle: upper case letters and digits. */
  plate: string;
  /** Upper case. */
  vin: string;
}

export interface SearchTables {
  search_keys: SearchKeysTable;
  search_customers: SearchCustomersTable;
  search_customer_words: SearchCustomerWordsTable;
  search_customer_words_vocab: SearchCustomerWordsVocabTable;
  search_vehicles: SearchVehiclesTable;
}
