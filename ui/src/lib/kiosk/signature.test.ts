import { describe, expect, it } from 'vitest';
import { NO_INK, inkOf, isEnoughInk } from './signature';

describe('signature ink', () => {
  it('nothing drawn is no ink', () => {
    expect(inkOf([])).toEqual(NO_INK);
    expect(isEnoughInk(inkOf([]))).toBe(false);
  });
  it('a tap (one point) or a few pixels is not a signature', () => {
    expect(isEnoughInk(inkOf([[{ x: 10, y: 10 }]]))).toBe(false);
    expect(
      isEnoughInk(
        inkOf([
          [
            { x: 10, y: 10 },
            { x: 14, y: 12 },
            { x: 16, y: 9 },
          ],
        ]),
      ),
    ).toBe(false);
  });
  it('a scribbled name is one', () => {
    const stroke = Array.from({ length: 30 }, (_, i) => ({ x: 20 + i * 8, y: 60 + (i % 2 === 0 ? 0 : 25) }));
    const ink = inkOf([
      stroke,
      [
        { x: 30, y: 40 },
        { x: 30, y: 100 },
      ],
    ]);
    expect(ink.width).toBe(232);
    expect(ink.height).toBe(60);
    expect(isEnoughInk(ink)).toBe(true);
  });
});
