import type { Role } from '../../src/db/schema.js';
import type { BaySpec, TechnicianSpec } from './catalog/shop.js';
import { iso } from './calendar.js';
import { idAt } from './ids.js';
import type { Random } from './random.js';
import type { Writer } from './writer.js';
import type { MoneyWriter } from './money.js';

export interface StaffMember {
  id: string;
  name: string;
  role: Role;
}

export interface TechnicianMember {
  id: string;
  spec: TechnicianSpec;
  /** When the technician worked here: [joined, left) in UTC ms. */
  from: number;
  until: number;
  /** The bay this technician usually works in. */
  homeBay: number;
}

export interface BayMember {
  id: string;
  spec: BaySpec;
}

/** What every part of the generator shares: randomness, ids, the writer and the shop's people. */
export class SeedContext {
  readonly #idRandom: Random;
  owner!: StaffMember;
  advisors: StaffMember[] = [];
  technicians: TechnicianMember[] = [];
  bays: BayMember[] = [];
  /** Invoices, payments, stock and time; set by the generator before the first visit. */
  money: MoneyWriter | null = null;

  constructor(
    readonly random: Random,
    readonly writer: Writer,
    readonly now: number,
    readonly timeZone: string,
  ) {
    this.#idRandom = random.fork(7);
  }

  /** A UUIDv7 stamped with the record's own time. */
  id(at: number): string {
    return idAt(this.#idRandom, at);
  }

  iso(at: number): string {
    return iso(at);
  }

  techniciansOn(at: number): TechnicianMember[] {
    return this.technicians.filter((t) => t.from <= at && at < t.until);
  }
}
