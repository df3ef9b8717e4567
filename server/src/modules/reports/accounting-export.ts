import type { CreditNoteFact, InvoiceFact, PaymentFact } from '../billing/billing-report-facts.js';
import { dollars, toCsv } from './csv.js';
import { localDates } from './periods.js';

/**
 * The accounting export, pure. QuickBooks Desktop IIF: one transaction per invoice, payment,
 * refund and credit note, each a TRNS line, its SPL lines and ENDTRNS, whose amounts sum to zero
 * (debits positive, credits negative; QuickBooks refuses a transaction that does not balance).
 * The CSV is one row per document for QuickBooks Online (and spreadsheets).
 */
export const ACCOUNTS = {
  receivable: 'Accounts Receivable',
  undeposited: 'Undeposited Funds',
  labor: 'Labor Income',
  part: 'Parts Income',
  fee: 'Fees Income',
  sublet: 'Sublet Income',
  shopSupplies: 'Shop Supplies',
  discounts: 'Discounts',
  salesTax: 'Sales Tax Payable',
  creditNotes: 'Sales Returns and Allowances',
} as const;

export interface AccountingInput {
  timeZone: string;
  invoices: readonly InvoiceFact[];
  payments: readonly PaymentFact[];
  creditNotes: readonly CreditNoteFact[];
  /** Names of customers whose deposit is not yet on an invoice (the invoice carries the rest). */
  customerNames: ReadonlyMap<string, string>;
}

interface Posting {
  account: string;
  amountCents: number;
  memo: string;
}

interface Transaction {
  type: 'INVOICE' | 'PAYMENT' | 'CHECK' | 'CREDIT MEMO';
  at: string;
  name: string;
  docNumber: string;
  head: Posting;
  splits: Posting[];
}

const FIELDS = ['TRNSID', 'TRNSTYPE', 'DATE', 'ACCNT', 'NAME', 'AMOUNT', 'DOCNUM', 'MEMO'];

/** IIF fields are tab-separated lines: tabs, line breaks and double quotes inside text go. */
function iifText(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').replace(/"/g, "'");
}

function usDates(timeZone: string): (iso: string) => string {
  const localDate = localDates(timeZone);
  return (iso) => {
    const [y, m, d] = localDate(iso).split('-');
    return `${m}/${d}/${y}`;
  };
}

function nameOf(payment: PaymentFact, names: ReadonlyMap<string, string>): string {
  return payment.customerName ?? names.get(payment.customerId) ?? payment.customerId;
}

function paymentMemo(payment: PaymentFact): string {
  const reference =
    payment.method === 'card' && payment.cardReference
      ? ` ref ${payment.cardReference}`
      : payment.method === 'check' && payment.checkNumber
        ? ` check ${payment.checkNumber}`
        : '';
  return `${payment.kind} ${payment.method}${reference}`;
}

export function accountingTransactions(input: AccountingInput): Transaction[] {
  const transactions: (Transaction & { order: number })[] = [];
  for (const invoice of input.invoices) {
    if (invoice.status === 'void') continue;
    const memo = `RO ${invoice.repairOrderNumber}`;
    const splits: Posting[] = [
      { account: ACCOUNTS.labor, amountCents: -invoice.subtotals.labor, memo: 'Labor' },
      { account: ACCOUNTS.part, amountCents: -invoice.subtotals.part, memo: 'Parts' },
      { account: ACCOUNTS.fee, amountCents: -invoice.subtotals.fee, memo: 'Fees' },
      { account: ACCOUNTS.sublet, amountCents: -invoice.subtotals.sublet, memo: 'Sublet' },
      { account: ACCOUNTS.shopSupplies, amountCents: -invoice.shopSuppliesCents, memo: 'Shop supplies' },
      { account: ACCOUNTS.discounts, amountCents: invoice.discountCents, memo: 'Discounts' },
      { account: ACCOUNTS.salesTax, amountCents: -invoice.taxCents, memo: 'Sales tax' },
    ].filter((split) => split.amountCents !== 0);
    transactions.push({
      order: 0,
      type: 'INVOICE',
      at: invoice.issuedAt,
      name: invoice.customerName,
      docNumber: String(invoice.number),
      head: { account: ACCOUNTS.receivable, amountCents: invoice.totalCents, memo },
      splits,
    });
  }
  for (const payment of input.payments) {
    if (payment.status !== 'recorded') continue;
    const name = nameOf(payment, input.customerNames);
    const docNumber = payment.invoiceNumber === null ? '' : String(payment.invoiceNumber);
    const memo = paymentMemo(payment);
    if (payment.kind === 'refund') {
      const refundMemo = `${memo}${payment.reason ? `: ${payment.reason}` : ''}`;
      transactions.push({
        order: 2,
        type: 'CHECK',
        at: payment.receivedAt,
        name,
        docNumber,
        head: { account: ACCOUNTS.undeposited, amountCents: -payment.amountCents, memo: refundMemo },
        splits: [{ account: ACCOUNTS.receivable, amountCents: payment.amountCents, memo: refundMemo }],
      });
    } else {
      transactions.push({
        order: 1,
        type: 'PAYMENT',
        at: payment.receivedAt,
        name,
        docNumber,
        head: { account: ACCOUNTS.undeposited, amountCents: payment.amountCents, memo },
        splits: [{ account: ACCOUNTS.receivable, amountCents: -payment.amountCents, memo }],
      });
    }
  }
  for (const note of input.creditNotes) {
    const memo = `Credit note ${note.number} on invoice ${note.invoiceNumber}: ${note.reason}`;
    transactions.push({
      order: 3,
      type: 'CREDIT MEMO',
      at: note.createdAt,
      name: note.customerName,
      docNumber: `CN${note.number}`,
      head: { account: ACCOUNTS.receivable, amountCents: -note.amountCents, memo },
      splits: [{ account: ACCOUNTS.creditNotes, amountCents: note.amountCents, memo }],
    });
  }
  transactions.sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));
  return transactions;
}

export function toIif(input: AccountingInput): string {
  const lines = [`!TRNS\t${FIELDS.join('\t')}`, `!SPL\tSPLID\t${FIELDS.slice(1).join('\t')}`, '!ENDTRNS'];
  const usDate = usDates(input.timeZone);
  for (const t of accountingTransactions(input)) {
    const date = usDate(t.at);
    const row = (tag: 'TRNS' | 'SPL', posting: Posting) =>
      [
        tag,
        '',
        t.type,
        date,
        iifText(posting.account),
        iifText(t.name),
        dollars(posting.amountCents),
        iifText(t.docNumber),
        iifText(posting.memo),
      ].join('\t');
    lines.push(row('TRNS', t.head));
    for (const split of t.splits) lines.push(row('SPL', split));
    lines.push('ENDTRNS');
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const ACCOUNTING_CSV_HEADER = [
  'type',
  'date',
  'number',
  'invoice_number',
  'customer',
  'repair_order',
  'method',
  'reference',
  'labor',
  'parts',
  'fees',
  'sublet',
  'shop_supplies',
  'discount',
  'tax',
  'amount',
  'memo',
] as const;
type AccountingColumn = (typeof ACCOUNTING_CSV_HEADER)[number];
type AccountingRow = (string | number | null)[];

/** A row in header order from the columns a kind of entry fills; the others stay empty. */
function accountingRow(values: Partial<Record<AccountingColumn, string | number | null>>): AccountingRow {
  return ACCOUNTING_CSV_HEADER.map((column) => values[column] ?? null);
}

export function toAccountingCsv(input: AccountingInput): string {
  const day = localDates(input.timeZone);
  const events: { at: string; order: number; row: AccountingRow }[] = [];
  for (const invoice of input.invoices) {
    if (invoice.status === 'void') continue;
    events.push({
      at: invoice.issuedAt,
      order: 0,
      row: accountingRow({
        type: 'invoice',
        date: day(invoice.issuedAt),
        number: String(invoice.number),
        invoice_number: invoice.number,
        customer: invoice.customerName,
        repair_order: invoice.repairOrderNumber,
        labor: dollars(invoice.subtotals.labor),
        parts: dollars(invoice.subtotals.part),
        fees: dollars(invoice.subtotals.fee),
        sublet: dollars(invoice.subtotals.sublet),
        shop_supplies: dollars(invoice.shopSuppliesCents),
        discount: dollars(invoice.discountCents),
        tax: dollars(invoice.taxCents),
        amount: dollars(invoice.totalCents),
        memo: invoice.onAccount ? 'charged to account' : null,
      }),
    });
  }
  for (const payment of input.payments) {
    if (payment.status !== 'recorded') continue;
    const sign = payment.kind === 'refund' ? -1 : 1;
    events.push({
      at: payment.receivedAt,
      order: payment.kind === 'refund' ? 2 : 1,
      row: accountingRow({
        type: payment.kind,
        date: day(payment.receivedAt),
        number: payment.id,
        invoice_number: payment.invoiceNumber,
        customer: nameOf(payment, input.customerNames),
        method: payment.method,
        reference: payment.cardReference ?? payment.checkNumber,
        amount: dollars(sign * payment.amountCents),
        memo: payment.reason,
      }),
    });
  }
  for (const note of input.creditNotes)
    events.push({
      at: note.createdAt,
      order: 3,
      row: accountingRow({
        type: 'credit_note',
        date: day(note.createdAt),
        number: `CN${note.number}`,
        invoice_number: note.invoiceNumber,
        customer: note.customerName,
        amount: dollars(-note.amountCents),
        memo: note.reason,
      }),
    });
  events.sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));
  return toCsv(
    ACCOUNTING_CSV_HEADER,
    events.map((event) => event.row),
  );
}
