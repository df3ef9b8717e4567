import { describe, expect, it } from 'vitest';
import { emptyAdjustForm, mismatchOf, movementBody, parseSignedWhole, signedQuantity } from './ledger';

describe('signedQuantity', () => {
  it('shows the sign of every change', () => {
    expect(signedQuantity(4)).toBe('+4');
    expect(signedQuantity(-2)).toBe('−2');
    expect(signedQuantity(0)).toBe('0');
  });
});

describe('parseSignedWhole', () => {
  it('reads signed whole numbers only', () => {
    expect(parseSignedWhole('-2')).toBe(-2);
    expect(parseSignedWhole('+3')).toBe(3);
    expect(parseSignedWhole('−1')).toBe(-1);
    expect(parseSignedWhole('1.5')).toBeNull();
    expect(parseSignedWhole('')).toBeNull();
  });
});

describe('movementBody', () => {
  it('an adjustment needs a non-zero change and a reason', () => {
    expect(movementBody({ ...emptyAdjustForm(), quantity: '0' }, 1)).toEqual({
      ok: false,
      errors: [
        { path: 'quantity', message: 'must not be 0 for an adjustment' },
        { path: 'reason', message: 'is required for an adjustment' },
      ],
    });
    expect(movementBody({ ...emptyAdjustForm(), quantity: '-2', reason: ' damaged ' }, 7)).toEqual({
      ok: true,
      body: { kind: 'adjust', quantity: -2, reason: 'damaged', version: 7 },
    });
  });

  it('a count sends the quantity counted, never negative', () => {
    expect(movementBody({ ...emptyAdjustForm(), kind: 'count', quantity: '9' }, 2)).toEqual({
      ok: true,
      body: { kind: 'count', quantity: 9, version: 2 },
    });
    expect(movementBody({ ...emptyAdjustForm(), kind: 'count', quantity: '-1' }, 2).ok).toBe(false);
  });

  it('passes the override reason when one was asked for', () => {
    const result = movementBody(
      { kind: 'adjust', quantity: '-5', reason: 'lost', overrideReason: 'recount later' },
      1,
    );
    expect(result.ok && result.body.overrideReason).toBe('recount later');
  });
});

describe('mismatchOf', () => {
  it('finds the item among the mismatches', () => {
    const check = {
      ok: false,
      itemsChecked: 2,
      mismatches: [{ itemId: 'a', sku: 'A', quantityOnHand: 3, ledgerSum: 2 }],
    };
    expect(mismatchOf(check, 'a')?.ledgerSum).toBe(2);
    expect(mismatchOf(check, 'b')).toBeNull();
  });
});
