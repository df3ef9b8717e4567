import { FIRST_INVOICE_FILTER, INVOICE_LIST_LIMIT, fetchInvoices } from '$lib/billing/invoices-api';
import { early } from '$lib/state/early';
import type { PageLoad } from './$types';

// Asked as soon as the route is chosen, while the signed-in layout still checks the session.
export const load: PageLoad = () => ({
  invoices: early(fetchInvoices(FIRST_INVOICE_FILTER, INVOICE_LIST_LIMIT)),
});
