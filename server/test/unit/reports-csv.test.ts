import { describe, expect, it } from 'vitest';
import type {
  CreditNoteFact,
  InvoiceFact,
  PaymentFact,
} from '../../src/modules/billing/billing-report-facts.js';
import { accountingTransactions, toIif } from '../../src/modules/reports/accounting-export.js';
import { csvField, dollars, toCsv } from '../../src/modules/reports/csv.js';

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces; doubles the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Smith, Ann')).toBe('"Smith, Ann"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('defuses spreadsheet formulas in text, not in numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('-')).toBe("'-");
  });

  it('records end with CRLF, header first', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x,y'],
          [null, ''],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n,\r\n');
  });

  it('money as decimal dollars from integer cents', () => {
    expect(dollars(0)).toBe('0.00');
    expect(dollars(5)).toBe('0.05');
    expect(dollars(34_937)).toBe('349.37');
    expect(dollars(-1_000)).toBe('-10.00');
    expect(dollars(-7)).toBe('-0.07');
    expect(dollars(null)).toBe('');
  });
});

describe('QuickBooks IIF', () => {
  const invoice: InvoiceFact = {
    id: 'inv-1',
    number: 7,
    repairOrderId: 'ro-1',
    repairOrderNumber: 1001,
    customerId: 'c-1',
    customerName: 'Tab\tand "quotes"',
    status: 'issued',
    subtotals: { labor: 18_000, part: 9_100, fee: 500, sublet: 12_000 },
    subtotalCents: 39_600,
    discountCents: 2_345,
    shopSuppliesCents: 900,
    taxCents: 611,
    totalCents: 39_600 - 2_345 + 900 + 611,
    paidCents: 0,
    creditedCents: 0,
    onAccount: false,
    dueAt: '2026-03-02T18:00:00.000Z',
    issuedAt: '2026-03-02T18:00:00.000Z',
  };
  const payment = (over: Partial<PaymentFact>): PaymentFact => ({
    id: 'p',
    kind: 'payment',
    method: 'card',
    amountCents: 1_000,
    status: 'recorded',
    invoiceId: 'inv-1',
    invoiceNumber: 7,
    repairOrderId: 'ro-1',
    customerId: 'c-1',
    customerName: 'Ann',
    cardReference: 'A1',
    checkNumber: null,
    refundOf: null,
    reason: null,
    voidReason: null,
    voidedAt: null,
    receivedAt: '2026-03-02T19:00:00.000Z',
    ...over,
  });
  const note: CreditNoteFact = {
    id: 'cn',
    number: 3,
    invoiceId: 'inv-1',
    invoiceNumber: 7,
    customerName: 'Ann',
    amountCents: 250,
    reason: 'price match',
    createdAt: '2026-03-03T10:00:00.000Z',
  };
  const input = {
    timeZone: 'America/Chicago',
    invoices: [invoice, { ...invoice, id: 'void', number: 8, status: 'void' as const }],
    payments: [
      payment({ id: 'p1' }),
      payment({ id: 'p2', kind: 'refund', method: 'cash', amountCents: 300, reason: 'oops' }),
      payment({
        id: 'p3',
        kind: 'deposit',
        invoiceId: null,
        invoiceNumber: null,
        customerName: null,
        customerId: 'c-9',
      }),
      payment({ id: 'p4', status: 'void' }),
    ],
    creditNotes: [note],
    customerNames: new Map([['c-9', 'Dee Posit']]),
  };

  it('every transaction sums to zero, discounts and all; void documents are left out', () => {
    const transactions = accountingTransactions(input);
    // Same instant: payments before refunds.
    expect(transactions.map((t) => t.type)).toEqual([
      'INVOICE',
      'PAYMENT',
      'PAYMENT',
      'CHECK',
      'CREDIT MEMO',
    ]);
    for (const t of transactions)
      expect(t.head.amountCents + t.splits.reduce((sum, s) => sum + s.amountCents, 0)).toBe(0);
    expect(transactions[2]!.name).toBe('Dee Posit');
  });

  it('the file: headers, tab-separated, text made safe, amounts in dollars that balance', () => {
    const text = toIif(input);
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines[0]!.startsWith('!TRNS\tTRNSID\tTRNSTYPE\tDATE\tACCNT')).toBe(true);
    const trns = lines.filter((l) => l.startsWith('TRNS\t'));
    expect(trns).toHaveLength(5);
    expect(lines.filter((l) => l === 'ENDTRNS')).toHaveLength(5);
    expect(trns[0]!.split('\t')).toEqual([
      'TRNS',
      '',
      'INVOICE',
      '03/02/2026',
      'Accounts Receivable',
      "Tab and 'quotes'",
      '387.66',
      '7',
      'RO 1001',
    ]);
    let sum = 0;
    for (const line of lines) {
      if (line.startsWith('!')) continue;
      if (line === 'ENDTRNS') {
        expect(sum).toBe(0);
        continue;
      }
      const fields = line.split('\t');
      expect(fields).toHaveLength(9);
      if (fields[0] === 'TRNS') sum = 0;
      sum += Math.round(Number(fields[6]) * 100);
    }
  });
});
