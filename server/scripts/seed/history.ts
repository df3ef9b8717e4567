import { DAY, HOUR, MINUTE, type ShopDay } from './calendar.js';
import type { SeedContext } from './context.js';
import { writeCustomer, writeTransfer, writeVehicle } from './clientele.js';
import type { CustomerFactory } from './customers.js';
import type { CustomerState, VehicleState } from './model.js';
import type { VehicleFactory } from './vehicles.js';

/**
 * Who comes through the door: new cars (and new customers), and returning cars, most often the
 * ones seen recently. Every visit appends the car to `#tickets`, so a car that keeps coming back
 * keeps being likely to come back; cars not seen for years fade out.
 */
export interface Clientele {
  customers: CustomerState[];
  vehicles: VehicleState[];
}

export interface ClienteleShares {
  /** Share of visits that bring a car the shop has not seen. */
  newVehicle: number;
  /** Share of those cars whose owner is new too (the rest: a known customer's second car). */
  newCustomer: number;
}

export class Arrivals implements Clientele {
  readonly customers: CustomerState[] = [];
  readonly vehicles: VehicleState[] = [];
  readonly #commercial: CustomerState[] = [];
  readonly #tickets: number[] = [];
  readonly #customerById = new Map<string, CustomerState>();
  readonly #index = new Map<VehicleState, number>();

  constructor(
    private readonly ctx: SeedContext,
    private readonly customerFactory: CustomerFactory,
    private readonly vehicleFactory: VehicleFactory,
    private readonly shares: ClienteleShares,
  ) {}

  customerOf(vehicle: VehicleState): CustomerState {
    return this.#customerById.get(vehicle.customerId)!;
  }

  /** The car for a visit at `at`, booked at `bookedAt` (a new customer exists from then on). */
  arrive(at: number, bookedAt: number): VehicleState {
    const r = this.ctx.random;
    if (this.vehicles.length > 0 && !r.chance(this.shares.newVehicle)) {
      const returning = this.returning(at - 20 * DAY);
      if (returning !== null) {
        if (r.chance(0.004)) this.transfer(returning, bookedAt);
        return this.visited(returning);
      }
    }
    const owner =
      this.customers.length === 0 || r.chance(this.shares.newCustomer)
        ? this.newCustomer(bookedAt)
        : this.knownCustomer();
    const vehicle = this.vehicleFactory.create(bookedAt, owner.id);
    vehicle.owners.push({
      id: this.ctx.id(bookedAt + 2),
      customerId: owner.id,
      startedAt: bookedAt,
      endedAt: null,
      note: null,
    });
    writeVehicle(this.ctx, vehicle);
    this.#index.set(vehicle, this.vehicles.length);
    this.vehicles.push(vehicle);
    return this.visited(vehicle);
  }

  /** A known car last seen before `seenBefore`, or null after a few tries. */
  returning(seenBefore: number): VehicleState | null {
    const r = this.ctx.random;
    const n = this.#tickets.length;
    if (n === 0) return null;
    for (let attempt = 0; attempt < 6; attempt++) {
      const index = this.#tickets[n - 1 - Math.floor(n * Math.pow(r.next(), 1.7))];
      const vehicle = index === undefined ? undefined : this.vehicles[index];
      if (vehicle !== undefined && vehicle.lastVisit < seenBefore) return vehicle;
    }
    return null;
  }

  newCustomer(at: number): CustomerState {
    const customer = this.customerFactory.create(at);
    writeCustomer(this.ctx, customer);
    this.customers.push(customer);
    this.#customerById.set(customer.id, customer);
    if (customer.kind !== 'person') this.#commercial.push(customer);
    return customer;
  }

  private knownCustomer(): CustomerState {
    const r = this.ctx.random;
    if (this.#commercial.length > 0 && r.chance(0.35)) return r.pick(this.#commercial);
    const n = this.customers.length;
    return this.customers[n - 1 - Math.floor(n * Math.pow(r.next(), 1.5))]!;
  }

  private visited(vehicle: VehicleState): VehicleState {
    this.#tickets.push(this.#index.get(vehicle)!);
    return vehicle;
  }

  /** The car was sold to someone new; its history stays with it. */
  private transfer(vehicle: VehicleState, at: number): void {
    const buyer = this.newCustomer(at);
    const current = vehicle.owners[vehicle.owners.length - 1];
    if (current !== undefined) {
      current.endedAt = at;
      current.note = 'Sold privately';
    }
    vehicle.owners.push({
      id: this.ctx.id(at + 3),
      customerId: buyer.id,
      startedAt: at,
      endedAt: null,
      note: 'Bought from a previous customer of the shop',
    });
    vehicle.customerId = buyer.id;
    vehicle.updatedAt = at;
    writeTransfer(this.ctx, vehicle, at);
  }
}

/** The odometer at a visit: the owner's usual driving since the car was first seen, never going back. */
export function odometerAt(vehicle: VehicleState, at: number, jitter: number): number {
  const expected = vehicle.firstOdometer + ((at - vehicle.createdAt) / DAY) * vehicle.milesPerDay;
  const reading = Math.max(vehicle.lastReading + 1, Math.round(expected * jitter));
  vehicle.lastReading = reading;
  vehicle.lastVisit = at;
  return reading;
}

/** When the customer picks the car up: a waiter right away, a drop-off later or next morning. */
export function pickupAfter(ctx: SeedContext, day: ShopDay, lastEnd: number, waiter: boolean): number {
  const r = ctx.random;
  if (waiter) return lastEnd + r.int(5, 20) * MINUTE;
  const candidate = lastEnd + r.int(30, 180) * MINUTE;
  if (candidate <= day.closes + 30 * MINUTE) return candidate;
  return day.closes + (DAY - (day.closes - day.opens)) + r.int(0, 180) * MINUTE;
}

/** What the advisor promises at write-up. */
export function promiseFor(day: ShopDay, openedAt: number, bookHours: number, waiter: boolean): number {
  if (waiter) return openedAt + Math.max(HOUR, Math.ceil(bookHours * 2) * 30 * MINUTE + 30 * MINUTE);
  if (bookHours > 5) return day.closes - 30 * MINUTE + DAY;
  return day.closes - 30 * MINUTE;
}
