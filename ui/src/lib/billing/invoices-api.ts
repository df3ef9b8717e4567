import { api, must } from '$lib/api/client';
import type { Invoice, InvoiceStatus } from './types';

/** Invoices, newest first, by status ('all': every status); the list page and its early load. */
export async function fetchInvoices(filter: InvoiceStatus | 'all', limit: number): Promise<Invoice[]> {
  const query = { limit, ...(filter === 'all' ? {} : { status: filter }) };
  return (await must(api.GET('/api/invoices', { params: { query } }))).items;
}

/** The list shows the newest this many. */
export const INVOICE_LIST_LIMIT = 200;
/** What the list opens on: the invoices still to be paid. */
export const FIRST_INVOICE_FILTER: InvoiceStatus = 'issued';
