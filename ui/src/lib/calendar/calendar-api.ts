/**
 * What the calendar reads from the server. Shapes come from the generated OpenAPI types; the pure
 * maths (zoned.ts, layout.ts, booking.ts) only sees the few fields it needs.
 */
import { api, must, type Ok } from '$lib/api/client';

export type Appointment = Ok<'/api/appointments', 'get'>['items'][number];
export type Bay = Ok<'/api/bays', 'get'>['items'][number];
export type Technician = Ok<'/api/technicians', 'get'>['items'][number];
export type Vehicle = Ok<'/api/vehicles', 'get'>['items'][number];

/** The server's page size cap for appointments. */
const PAGE = 200;

/** Every appointment overlapping [fromMs, toMs), following the pages (a busy week is over 200). */
export async function loadAppointments(fromMs: number, toMs: number): Promise<Appointment[]> {
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  const items: Appointment[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page: Ok<'/api/appointments', 'get'> = await must(
      api.GET('/api/appointments', { params: { query: { from, to, limit: PAGE, offset } } }),
    );
    items.push(...page.items);
    offset = page.nextOffset;
  }
  return items;
}

export interface CalendarSetup {
  timeZone: string;
  bays: Bay[];
  technicians: Technician[];
}

/** The shop's time zone and the lanes it can book into. */
export async function loadCalendarSetup(): Promise<CalendarSetup> {
  const [settings, bays, technicians] = await Promise.all([
    must(api.GET('/api/settings')),
    must(api.GET('/api/bays')),
    must(api.GET('/api/technicians')),
  ]);
  return { timeZone: settings.timezone, bays: bays.items, technicians: technicians.items };
}

/** The vehicles a customer owns now, newest first. */
export async function loadCustomerVehicles(customerId: string): Promise<Vehicle[]> {
  const page = await must(
    api.GET('/api/vehicles', { params: { query: { customerId, limit: 200, offset: 0 } } }),
  );
  return page.items;
}

/** "2018 Honda Civic · ABC1234" for a picker option. */
export function vehicleLabel(v: Vehicle): string {
  const name = [v.year, v.make, v.model].filter((p) => p !== null && p !== '').join(' ');
  return [name || v.vin || 'Vehicle', v.licensePlate].filter((p) => p !== null && p !== '').join(' · ');
}
