import { api, must, type Ok } from '$lib/api/client';

/** A repair order's check-in at the kiosk, with the signed authorization (the RO page). */
export type KioskCheckInView = Ok<'/api/repair-orders/{id}/kiosk-check-in', 'get'>;
/** One check-in as the board and the calendar mark it. */
export type KioskCheckInItem = Ok<'/api/kiosk-check-ins', 'get'>['items'][number];

/** The check-ins since `since` (an instant), oldest first. */
export async function listKioskCheckIns(since: string): Promise<KioskCheckInItem[]> {
  return (await must(api.GET('/api/kiosk-check-ins', { params: { query: { since } } }))).items;
}

/**
 * The repair order's kiosk check-in, or null when it was written up at the counter. Asked through
 * the list first: a 404 for every counter repair order would be an error in the browser's console.
 */
export async function loadKioskCheckIn(repairOrderId: string): Promise<KioskCheckInView | null> {
  const { items } = await must(api.GET('/api/kiosk-check-ins', { params: { query: { repairOrderId } } }));
  if (items.length === 0) return null;
  return must(api.GET('/api/repair-orders/{id}/kiosk-check-in', { params: { path: { id: repairOrderId } } }));
}
