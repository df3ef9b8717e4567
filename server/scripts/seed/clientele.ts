import type { SeedContext } from './context.js';
import type { CustomerState, VehicleState } from './model.js';

/**
 * Customers with their contact rows, and vehicles with their ownership history. Written the
 * moment they first appear, parents before children, so every foreign key is checked at once
 * (deferred checks would make SQLite scan child tables on every parent insert).
 */
export function writeCustomer(ctx: SeedContext, customer: CustomerState): void {
  const w = ctx.writer;
  const at = ctx.iso(customer.createdAt);
  w.insert('customers', {
    id: customer.id,
    name: customer.name,
    contact_info: JSON.stringify({ phones: customer.phones, emails: customer.emails }),
    preferences: JSON.stringify({
      contactChannel: customer.contactChannel,
      language: customer.language,
      marketingOptIn: customer.marketingOptIn,
    }),
    version: 1,
    created_at: at,
    updated_at: ctx.iso(customer.updatedAt),
    kind: customer.kind,
    notes: customer.notes,
    merged_into_id: null,
  });
  let n = 0;
  for (const phone of customer.phones) {
    w.insert('customer_contacts', {
      id: ctx.id(customer.createdAt + ++n),
      customer_id: customer.id,
      kind: 'phone',
      value: phone.number,
      label: phone.label,
      is_primary: phone.primary ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
  }
  for (const email of customer.emails) {
    w.insert('customer_contacts', {
      id: ctx.id(customer.createdAt + ++n),
      customer_id: customer.id,
      kind: 'email',
      value: email.address.toLowerCase(),
      label: email.label,
      is_primary: email.primary ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
  }
}

/** A car as first seen, with its first ownership; the odometer is brought up to date at the end. */
export function writeVehicle(ctx: SeedContext, vehicle: VehicleState): void {
  const at = ctx.iso(vehicle.createdAt);
  ctx.writer.insert('vehicles', {
    id: vehicle.id,
    customer_id: vehicle.customerId,
    vin: vehicle.vin,
    make: vehicle.make,
    model: vehicle.model,
    year: vehicle.year,
    telematics_id: null,
    version: 1,
    created_at: at,
    updated_at: at,
    license_plate: vehicle.plate,
    plate_region: vehicle.region,
    trim: vehicle.trim,
    engine: vehicle.engine,
    body: vehicle.body,
    color: vehicle.color,
    odometer: vehicle.firstOdometer,
    odometer_unit: 'mi',
    vin_check_override: null,
    notes: '',
  });
  for (const owner of vehicle.owners) writeOwnership(ctx, vehicle, owner);
}

function writeOwnership(
  ctx: SeedContext,
  vehicle: VehicleState,
  owner: VehicleState['owners'][number],
): void {
  ctx.writer.insert('vehicle_ownerships', {
    id: owner.id,
    vehicle_id: vehicle.id,
    customer_id: owner.customerId,
    started_at: ctx.iso(owner.startedAt),
    ended_at: owner.endedAt === null ? null : ctx.iso(owner.endedAt),
    note: owner.note,
    created_at: ctx.iso(owner.startedAt),
    updated_at: ctx.iso(owner.endedAt ?? owner.startedAt),
  });
}

/** A sale: the previous ownership ends, the new one starts, the car points at its new owner. */
export function writeTransfer(ctx: SeedContext, vehicle: VehicleState, at: number): void {
  const previous = vehicle.owners[vehicle.owners.length - 2];
  const current = vehicle.owners[vehicle.owners.length - 1];
  if (previous === undefined || current === undefined) return;
  const when = ctx.iso(at);
  ctx.writer.run(
    'UPDATE vehicle_ownerships SET ended_at = ?, note = ?, updated_at = ? WHERE id = ?',
    when,
    previous.note,
    when,
    previous.id,
  );
  writeOwnership(ctx, vehicle, current);
  ctx.writer.run(
    'UPDATE vehicles SET customer_id = ?, version = version + 1, updated_at = ? WHERE id = ?',
    vehicle.customerId,
    when,
    vehicle.id,
  );
}

/** Every car's latest odometer reading, as the vehicles module keeps it. */
export function writeLatestOdometers(ctx: SeedContext, vehicles: readonly VehicleState[]): void {
  for (const vehicle of vehicles) {
    if (vehicle.lastReading <= vehicle.firstOdometer && vehicle.lastVisit <= vehicle.createdAt) continue;
    ctx.writer.run(
      'UPDATE vehicles SET odometer = ?, updated_at = ? WHERE id = ?',
      vehicle.lastReading,
      ctx.iso(Math.max(vehicle.updatedAt, vehicle.lastVisit)),
      vehicle.id,
    );
  }
}
