import { describe, expect, it } from 'vitest';
import type { InvoiceDocument } from '../../src/modules/billing/invoice-document.schemas.js';
import {
  declinedText,
  INVOICE_COLUMNS,
  invoiceJobBlocks,
  invoiceTotalRows,
  registrationText,
} from '../../contracts/invoice-layout.js';

const zero = { labor: 0, part: 0, fee: 0, sublet: 0 };

function documentWith(
  jobs: InvoiceDocument['jobs'],
  declined: InvoiceDocument['declined'] = [],
): InvoiceDocument {
  return {
    invoice: {
      subtotals: { labor: 18_000, part: 4_550, fee: 500, sublet: 0 },
      taxes: { ...zero, part: 319 },
      taxCents: 319,
      discountCents: 0,
      shopSuppliesCents: 900,
      totalCents: 24_269,
      balanceCents: 4_269,
      creditNotes: [],
      payments: [{ status: 'recorded', kind: 'payment', method: 'card', amountCents: 20_000 }],
    } as unknown as InvoiceDocument['invoice'],
    shop: {
      name: 'S',
      address: '',
      phone: '',
      email: '',
      registrationNumbers: [
        { label: 'EPA', value: 'X1' },
        { label: 'Tax id', value: '12-345' },
      ],
      warrantyText: '',
      legalText: '',
    },
    customer: { name: 'Ann', phones: [], emails: [] },
    vehicle: { description: '', vin: null, licensePlate: null, odometerIn: null, odometerOut: null },
    jobs,
    declined,
  };
}

const line = (
  kind: 'labor' | 'part' | 'fee',
  description: string,
  amountCents: number,
  partNumber: string | null = null,
) => ({
  kind,
  description,
  partNumber,
  quantity: kind === 'labor' ? 1.5 : 1,
  unitPriceCents: amountCents,
  amountCents,
  discountCents: 0,
});

describe('the shared invoice layout', () => {
  it('has five columns whose widths fill the table exactly once', () => {
    expect(INVOICE_COLUMNS.map((c) => c.key)).toEqual([
      'description',
      'partNumber',
      'quantity',
      'unitPrice',
      'amount',
    ]);
    expect(INVOICE_COLUMNS.reduce((sum, c) => sum + c.width, 0)).toBeCloseTo(1, 10);
  });

  it('gives every job the same cells, labor first, with part numbers and only the 3C written', () => {
    const blocks = invoiceJobBlocks(
      documentWith([
        {
          jobId: 'a',
          title: 'Brakes',
          technicianName: 'Tina',
          concern: 'Squeal',
          cause: 'Pads at 2 mm',
          correction: 'Replaced pads',
          lines: [line('part', 'Pads', 4_550, 'BP-1'), line('labor', 'Replace pads', 18_000)],
        },
        {
          jobId: 'b',
          title: 'Disposal',
          technicianName: null,
          concern: '',
          cause: '',
          correction: '',
          lines: [line('fee', 'Waste', 500)],
        },
      ]),
    );
    const keys = INVOICE_COLUMNS.map((c) => c.key).sort();
    for (const block of blocks) for (const row of block.rows) expect(Object.keys(row).sort()).toEqual(keys);
    expect(blocks[0]!.rows.map((r) => r.description)).toEqual(['Labor: Replace pads', 'Pads']);
    expect(blocks[0]!.rows[0]!.quantity).toBe('1.5 h');
    expect(blocks[0]!.rows[1]!.partNumber).toBe('BP-1');
    expect(blocks[0]!.story.map((s) => s.label)).toEqual(['Concern', 'Cause', 'Correction']);
    expect(blocks[0]!.subtotal).toBe('$225.50');
    expect(blocks[1]).toMatchObject({ technician: 'not assigned', story: [], subtotal: '$5.00' });
    expect(blocks[1]!.rows[0]!.description).toBe('Fee: Waste');
  });

  it('totals show subtotals and tax by kind, the total, payments and the balance', () => {
    const rows = invoiceTotalRows(documentWith([]));
    expect(rows.map((r) => `${r.label} ${r.amount}`)).toEqual([
      'Labor $180.00',
      'Parts $45.50',
      'Fees $5.00',
      'Shop supplies $9.00',
      'Tax on parts $3.19',
      'Total $242.69',
      'Paid (card) -$200.00',
      'Balance due $42.69',
    ]);
    expect(rows.filter((r) => r.strong).map((r) => r.label)).toEqual(['Total', 'Balance due']);
  });

  it('names declined and deferred work, and the registration numbers', () => {
    const document = documentWith(
      [],
      [
        { jobTitle: 'Rotors', description: 'Rotors', amountCents: 16_000, state: 'declined' },
        { jobTitle: 'Wipers', description: 'Blades', amountCents: 2_500, state: 'deferred' },
      ],
    );
    expect(declinedText(document)).toBe('Rotors ($160.00); Wipers - Blades ($25.00, deferred)');
    expect(declinedText(documentWith([]))).toBeNull();
    expect(registrationText(document)).toBe('EPA X1 · Tax id 12-345');
  });
});
