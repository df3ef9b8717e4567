import type { KioskLanguage } from '$contracts/kiosk';

/** A repair order's check-in at the kiosk (GET /api/repair-orders/:id/kiosk-check-in, staff). */
export interface KioskCheckInView {
  at: string;
  kioskName: string;
  tagNumber: number;
  flags: string[];
  authorization: { name: string; language: KioskLanguage; text: string; signatureUrl: string };
}

/** The repair order's kiosk check-in, or null when it was not made at a kiosk (404). */
export async function fetchKioskCheckIn(repairOrderId: string): Promise<KioskCheckInView | null> {
  const response = await fetch(`/api/repair-orders/${encodeURIComponent(repairOrderId)}/kiosk-check-in`, {
    headers: { accept: 'application/json' },
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`kiosk check-in: the server answered ${response.status}`);
  return (await response.json()) as KioskCheckInView;
}
