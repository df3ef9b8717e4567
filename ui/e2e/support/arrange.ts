import type { APIRequestContext } from '@playwright/test';
import { json } from './owner';

/** Arranges shop data through the real API (the owner's session). */
export async function createCustomerWithVehicle(
  api: APIRequestContext,
  name: string,
): Promise<{ customerId: string; vehicleId: string }> {
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', {
      data: { name, confirmDuplicate: true },
    }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: {
        customerId: customer.id,
        year: 2019,
        make: 'Toyota',
        model: 'Camry',
        licensePlate: 'E2E' + name.length,
      },
    }),
  );
  return { customerId: customer.id, vehicleId: vehicle.id };
}

/** A repair order with one job per concern; returns it as the server answers. */
export async function createRepairOrder(
  api: APIRequestContext,
  ids: { customerId: string; vehicleId: string },
  concerns: string[],
): Promise<{ id: string; number: number; jobs: { id: string; version: number; title: string }[] }> {
  return json(await api.post('/api/repair-orders', { data: { ...ids, concerns } }));
}
