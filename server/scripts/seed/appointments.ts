import { HOUR, MINUTE, type ShopDay } from './calendar.js';
import { JOBS } from './catalog/jobs.js';
import type { SeedContext } from './context.js';
import type { CustomerState, VehicleState } from './model.js';

/** Busy intervals per bay and per technician: a booking that would overlap is not made. */
export class ResourceCalendar {
  readonly #busy = new Map<string, [number, number][]>();

  isFree(resource: string, start: number, end: number): boolean {
    return !(this.#busy.get(resource) ?? []).some(([s, e]) => s < end && start < e);
  }

  book(resource: string, start: number, end: number): void {
    const list = this.#busy.get(resource) ?? [];
    list.push([start, end]);
    this.#busy.set(resource, list);
  }

  /** Books both when both are free; otherwise books nothing. */
  bookPair(technician: string, bay: string, start: number, end: number): boolean {
    if (!this.isFree(technician, start, end) || !this.isFree(bay, start, end)) return false;
    this.book(technician, start, end);
    this.book(bay, start, end);
    return true;
  }
}

export interface Booker {
  /** A customer and (usually) their car; null vehicle for a first-time caller whose car is not on file. */
  pickCustomer(bookedAt: number): { customer: CustomerState; vehicle: VehicleState | null };
}

const CONCERNS = JOBS.filter((job) => job.recommended < 0.5).flatMap((job) => job.concerns);
const HALF_HOUR = 30 * MINUTE;

/**
 * Start times for a day's bookings: drop-offs in the first hour and a half, waiters through the
 * day. On the board day only what is still ahead of `now` is booked, and always a few, so the
 * calendar shows the rest of today.
 */
function slots(ctx: SeedContext, day: ShopDay, perDay: number): { startsAt: number; waiter: boolean }[] {
  const r = ctx.random;
  const lastStart = day.closes - 2 * HOUR;
  if (day.opens > ctx.now) {
    return Array.from({ length: r.poisson(perDay) }, () => {
      const waiter = r.chance(0.25);
      const latest = waiter ? lastStart : Math.min(lastStart, day.opens + 90 * MINUTE);
      return {
        waiter,
        startsAt: day.opens + HALF_HOUR * r.int(0, Math.floor((latest - day.opens) / HALF_HOUR)),
      };
    });
  }
  const first = Math.ceil((ctx.now + HALF_HOUR) / HALF_HOUR) * HALF_HOUR;
  if (first > lastStart) return [];
  const share = (lastStart - first) / Math.max(HOUR, lastStart - day.opens);
  const count = Math.max(3, r.poisson(perDay * share));
  return Array.from({ length: count }, () => ({
    waiter: r.chance(0.5),
    startsAt: first + HALF_HOUR * r.int(0, Math.floor((lastStart - first) / HALF_HOUR)),
  }));
}

/**
 * Booked appointments from `now` on: the rest of the board day and the coming days. About half
 * get a technician and a bay, never overlapping another booking of either.
 */
export function writeUpcomingAppointments(
  ctx: SeedContext,
  days: ShopDay[],
  perDay: number,
  calendar: ResourceCalendar,
  booker: Booker,
): number {
  const r = ctx.random;
  let written = 0;
  for (const day of days) {
    for (const { startsAt, waiter } of slots(ctx, day, perDay)) {
      const endsAt = Math.min(day.closes, startsAt + (waiter ? HOUR : r.int(2, 4) * HOUR));
      const bookedAt = ctx.now - r.int(10, 14 * 24 * 60) * MINUTE;
      const { customer, vehicle } = booker.pickCustomer(bookedAt);
      let technicianId: string | null = null;
      let bayId: string | null = null;
      if (r.chance(0.55)) {
        const technicians = ctx.techniciansOn(startsAt);
        for (const technician of r.sample(technicians, technicians.length)) {
          const bay = ctx.bays[technician.homeBay];
          if (bay !== undefined && calendar.bookPair(technician.id, bay.id, startsAt, endsAt)) {
            technicianId = technician.id;
            bayId = bay.id;
            break;
          }
        }
      }
      const services = r.sample(CONCERNS, r.chance(0.7) ? 1 : 2);
      ctx.writer.insert('appointments', {
        id: ctx.id(bookedAt),
        customer_id: customer.id,
        vehicle_id: vehicle?.id ?? null,
        requested_services: JSON.stringify(services),
        kind: waiter ? 'waiter' : 'drop_off',
        starts_at: ctx.iso(startsAt),
        ends_at: ctx.iso(endsAt),
        bay_id: bayId,
        technician_id: technicianId,
        status: 'booked',
        repair_order_id: null,
        notes: vehicle === null ? 'New customer: get the car details at drop-off.' : '',
        version: 1,
        created_at: ctx.iso(bookedAt),
        updated_at: ctx.iso(bookedAt),
      });
      written++;
    }
  }
  return written;
}

/** Appointments that never became a visit: cancelled ahead, or the customer did not show. */
export function writeMissedAppointment(
  ctx: SeedContext,
  day: ShopDay,
  customer: CustomerState,
  vehicle: VehicleState,
): void {
  const r = ctx.random;
  const startsAt = day.opens + 30 * r.int(0, 8) * MINUTE;
  const bookedAt = Math.max(vehicle.createdAt, customer.createdAt, startsAt - r.int(1, 14) * 24 * HOUR);
  const cancelled = r.chance(0.55);
  const changedAt = cancelled ? Math.max(bookedAt, startsAt - r.int(1, 48) * HOUR) : startsAt + HOUR;
  ctx.writer.insert('appointments', {
    id: ctx.id(bookedAt),
    customer_id: customer.id,
    vehicle_id: vehicle.id,
    requested_services: JSON.stringify([r.pick(CONCERNS)]),
    kind: r.chance(0.25) ? 'waiter' : 'drop_off',
    starts_at: ctx.iso(startsAt),
    ends_at: ctx.iso(startsAt + HOUR * r.int(1, 3)),
    bay_id: null,
    technician_id: null,
    status: cancelled ? 'cancelled' : 'no_show',
    repair_order_id: null,
    notes: cancelled ? r.pick(['Customer called to cancel', 'Rescheduled by text', 'Car sold']) : '',
    version: 2,
    created_at: ctx.iso(bookedAt),
    updated_at: ctx.iso(changedAt),
  });
}
