import { goto } from '$app/navigation';
import { api, must } from '$lib/api/client';

/**
 * Opens the inspection of a repair order on the tablet: starts one from the default template, or
 * (the server answers 200 with it) the one already under way.
 */
export async function openInspection(repairOrderId: string): Promise<void> {
  const inspection = await must(
    api.POST('/api/repair-orders/{id}/inspections', { params: { path: { id: repairOrderId } }, body: {} }),
  );
  await goto(`/inspections/${inspection.id}`);
}
