import type { Ok } from '$lib/api/client';

/** Billing shapes, taken from the server's OpenAPI (never copied by hand). */
export type Invoice = Ok<'/api/invoices/{id}', 'get'>;
export type InvoiceLine = Invoice['lines'][number];
export type Payment = Invoice['payments'][number];
export type PaymentMethod = Payment['method'];
export type CreditNote = Invoice['creditNotes'][number];
export type InvoiceStatus = Invoice['status'];
export type Aging = Ok<'/api/accounts-receivable/aging', 'get'>;
export type AgingBuckets = Aging['totals'];

/** The corrections the invoice screen offers, each in its own small dialog. */
export type InvoiceAction =
  | { kind: 'void-invoice' }
  | { kind: 'void-payment'; payment: Payment }
  | { kind: 'refund'; payment: Payment }
  | { kind: 'credit-note' }
  | { kind: 'charge-to-account' };
