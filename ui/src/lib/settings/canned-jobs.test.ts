import { describe, expect, it } from 'vitest';
import { formToLines, lineToForm, newLineForm } from './canned-jobs';

describe('canned job lines', () => {
  it('sends hours as a number and dollars as cents', () => {
    const result = formToLines([
      { ...newLineForm('labor'), description: 'Replace pads', quantity: '1.5' },
      {
        ...newLineForm('part'),
        description: 'Pads',
        quantity: '1',
        unitPrice: '89.99',
        unitCost: '41.10',
        partNumber: ' BP-1 ',
      },
      { ...newLineForm('fee'), description: 'Disposal', unitPrice: '4', taxable: false },
    ]);
    expect(result).toEqual({
      ok: true,
      lines: [
        { kind: 'labor', description: 'Replace pads', quantity: 1.5, taxable: true },
        {
          kind: 'part',
          description: 'Pads',
          quantity: 1,
          taxable: true,
          unitPriceCents: 8999,
          unitCostCents: 4110,
          partNumber: 'BP-1',
        },
        { kind: 'fee', description: 'Disposal', quantity: 1, taxable: false, unitPriceCents: 400 },
      ],
    });
  });

  it('names the bad inputs by their server paths', () => {
    const result = formToLines([newLineForm(), { ...newLineForm('fee'), quantity: '0', unitPrice: 'ten' }]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.path)).toEqual(['lines.1.quantity', 'lines.1.unitPriceCents']);
  });

  it('reads a saved line back into the form', () => {
    expect(
      lineToForm({
        kind: 'labor',
        description: 'Diag',
        quantity: 0.75,
        unitPriceCents: null,
        unitCostCents: null,
        taxable: true,
        inventoryItemId: null,
        partNumber: null,
      }),
    ).toEqual({ ...newLineForm('labor'), description: 'Diag', quantity: '0.75' });
  });
});
