import type { Random } from './random.js';

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');

/**
 * UUIDv7 ids stamped with the record's own synthetic time, so a ten-year database has the id order
 * and index layout of a shop that really ran for ten years (newId() would stamp them all "now").
 * The 74 random bits come from the seeded PRNG, keeping runs reproducible.
 */
export function idAt(random: Random, ms: number): string {
  const high = Math.floor(ms / 0x10000); // top 32 of the 48 timestamp bits
  const low = ms % 0x10000;
  const a = random.uint32();
  const b = random.uint32();
  const c = random.uint32();
  const randA = a & 0xfff;
  const variant = 0x8000 | ((a >>> 12) & 0x3fff);
  return `${hex(high, 8)}-${hex(low, 4)}-7${hex(randA, 3)}-${hex(variant, 4)}-${hex(b >>> 16, 4)}${hex(c, 8)}`;
}
