/** A snake_case column name as the camelCase field the API calls it. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** A row with each column under its camelCase name, its values unchanged. */
export type CamelKeys<R> = { [K in keyof R as K extends string ? CamelCase<K> : K]: R[K] };

/**
 * A row as its API view when the view is the row renamed and nothing else (the caller drops the
 * columns the view leaves out first): one rule instead of a field-by-field copy per table.
 */
export function camelKeys<R extends object>(row: R): CamelKeys<R> {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column.replace(/_([a-z0-9])/g, (_, next: string) => next.toUpperCase()),
      value,
    ]),
  ) as CamelKeys<R>;
}

/** The fields an editable record's view ends with (lib/record-fields.ts VersionedRecordFields), from its row. */
export function versionedRecordFields(row: { version: number; created_at: string; updated_at: string }): {
  version: number;
  createdAt: string;
  updatedAt: string;
} {
  return { version: row.version, createdAt: row.created_at, updatedAt: row.updated_at };
}
