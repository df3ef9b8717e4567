import { fetchItems, fetchReorderSuggestions, fetchVendors } from '$lib/inventory/inventory-api';
import { early } from '$lib/state/early';
import type { PageLoad } from './$types';

// Asked as soon as the route is chosen, while the signed-in layout still checks the session.
export const load: PageLoad = () => ({
  items: early(fetchItems({ q: '', lowOnly: false })),
  suggestions: early(fetchReorderSuggestions()),
  vendors: early(fetchVendors()),
});
