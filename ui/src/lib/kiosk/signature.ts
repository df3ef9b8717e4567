/**
 * How much was drawn on the signature pad. A tap or a few pixels is not a signature: the customer
 * is asked to sign (the server refuses an empty or tiny image too, this says it sooner and in
 * their language).
 */
export interface InkPoint {
  x: number;
  y: number;
}

export interface Ink {
  /** Total length of the strokes, in CSS px. */
  length: number;
  width: number;
  height: number;
}

export const NO_INK: Ink = { length: 0, width: 0, height: 0 };

export function inkOf(strokes: readonly (readonly InkPoint[])[]): Ink {
  let length = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const stroke of strokes) {
    stroke.forEach((point, i) => {
      minX = Math.min(minX, point.x);
      minY = Math.min(minY, point.y);
      maxX = Math.max(maxX, point.x);
      maxY = Math.max(maxY, point.y);
      const previous = i > 0 ? stroke[i - 1] : undefined;
      if (previous) length += Math.hypot(point.x - previous.x, point.y - previous.y);
    });
  }
  if (length === 0 && minX === Infinity) return NO_INK;
  return { length, width: maxX - minX, height: maxY - minY };
}

/** Enough to be a signature: strokes at least 80 px long spanning at least 40 px. */
export function isEnoughInk(ink: Ink): boolean {
  return ink.length >= 80 && Math.max(ink.width, ink.height) >= 40;
}
