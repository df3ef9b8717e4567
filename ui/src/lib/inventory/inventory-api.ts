import { api, must } from '$lib/api/client';
import type { InventoryItem, Vendor } from './items';
import type { PoStatus, PurchaseOrder, ReorderSuggestion } from './purchasing';

/** The inventory screens' reads, shared by their pages and the `+page.ts` loads that start them early. */

export async function fetchVendors(): Promise<Vendor[]> {
  return (await must(api.GET('/api/inventory/vendors'))).items;
}

export async function fetchItems(search: { q: string; lowOnly: boolean }): Promise<InventoryItem[]> {
  const q = search.q.trim();
  const query = { ...(q ? { q } : {}), ...(search.lowOnly ? { lowStock: true } : {}), limit: 500 };
  return (await must(api.GET('/api/inventory/items', { params: { query } }))).items;
}

export async function fetchReorderSuggestions(): Promise<ReorderSuggestion[]> {
  return (await must(api.GET('/api/inventory/reorder-suggestions'))).items;
}

export async function fetchPurchaseOrders(status: PoStatus | ''): Promise<PurchaseOrder[]> {
  const query = status ? { status } : {};
  return (await must(api.GET('/api/inventory/purchase-orders', { params: { query } }))).items;
}
