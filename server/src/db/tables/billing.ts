import type { Generated } from 'kysely';
import type { LineKind } from './repair-orders.js';
import type { Timestamps } from '../columns.js';

/** Tables owned by the billing module (migration 0011). */
export type InvoiceStatus = 'issued' | 'paid' | 'void';
export type PaymentKind = 'payment' | 'deposit' | 'refund';
export type PaymentMethod = 'cash' | 'card' | 'check';

export interface InvoicesTable extends Timestamps {
  id: string;
  number: number;
  repair_order_id: string;
  customer_id: string;
  vehicle_id: string;
  status: InvoiceStatus;
  subtotal_cents: number;
  discount_cents: number;
  shop_supplies_cents: number;
  tax_cents: number;
  total_cents: number;
  paid_cents: Generated<number>;
  credited_cents: Generated<number>;
  /** JSON InvoiceTotals (per-kind subtotals and taxes, the rates used). */
  totals: string;
  /** JSON snapshot of customer and vehicle as they were when issued. */
  parties: string;
  /** JSON of the invoice-level discount as asked, or null. */
  discount: string | null;
  on_account: Generated<number>;
  due_at: string;
  issued_at: string;
  issued_by: string | null;
  paid_at: string | null;
  void_reason: string | null;
  voided_at: string | null;
  version: Generated<number>;
}

export interface InvoiceLinesTable extends Timestamps {
  id: string;
  invoice_id: string;
  line_id: string;
  job_id: string;
  kind: LineKind;
  description: string;
  quantity_milli: number;
  unit_price_cents: number;
  taxable: number;
  amount_cents: number;
  discount_cents: number;
  /** Migration 0012: what the line cost the shop when invoiced (parts gross profit). */
  unit_cost_cents: Generated<number>;
  sort_order: number;
}

export interface CreditNotesTable extends Timestamps {
  id: string;
  number: number;
  invoice_id: string;
  amount_cents: number;
  reason: string;
  created_by: string | null;
}

export interface PaymentsTable extends Timestamps {
  id: string;
  kind: PaymentKind;
  invoice_id: string | null;
  repair_order_id: string;
  customer_id: string;
  method: PaymentMethod;
  amount_cents: number;
  card_reference: string | null;
  check_number: string | null;
  refund_of: string | null;
  reason: string | null;
  status: Generated<'recorded' | 'void'>;
  void_reason: string | null;
  voided_at: string | null;
  idempotency_key: string;
  received_by: string | null;
  received_at: string;
}

export interface IdempotencyKeysTable extends Timestamps {
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface BillingTables {
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  credit_notes: CreditNotesTable;
  payments: PaymentsTable;
  idempotency_keys: IdempotencyKeysTable;
}
