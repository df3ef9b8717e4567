import { v7 } from 'uuid';

/** Time-ordered UUIDv7: index-friendly in SQLite and sortable by creation time. */
export function newId(): string {
  return v7();
}
