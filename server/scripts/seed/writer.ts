import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { DB } from '../../src/db/schema.js';

type TableName = keyof DB;
export type Row<T extends TableName> = Selectable<DB[T]>;

/**
 * Raw prepared INSERTs, built from the first row's keys: this is a data generator writing a million
 * rows, not application logic, so it skips Kysely's per-row query building.
 */
export class Writer {
  readonly #statements = new Map<string, { keys: string[]; statement: BetterSqlite3.Statement }>();
  readonly counts = new Map<string, number>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  insert<T extends TableName>(table: T, row: Row<T>): void {
    let entry = this.#statements.get(table);
    if (entry === undefined) {
      const keys = Object.keys(row);
      const statement = this.sqlite.prepare(
        `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`,
      );
      entry = { keys, statement };
      this.#statements.set(table, entry);
    }
    entry.statement.run(row);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }

  /** A statement the generator needs beyond inserts (an UPDATE), prepared once. */
  run(sql: string, ...params: (string | number | null)[]): void {
    let entry = this.#statements.get(sql);
    if (entry === undefined) {
      entry = { keys: [], statement: this.sqlite.prepare(sql) };
      this.#statements.set(sql, entry);
    }
    entry.statement.run(...params);
  }

  count(table: TableName): number {
    return this.counts.get(table) ?? 0;
  }
}
