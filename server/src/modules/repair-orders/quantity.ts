/**
 * Quantities travel as decimal numbers (1.5 hours, 0.25 litres) and are stored as whole
 * thousandths, so money arithmetic never touches a float. More than 3 decimals is refused rather
 * than silently rounded: the customer must be billed for exactly what was written.
 */
export function quantityToMilli(quantity: number): number | null {
  const scaled = quantity * 1000;
  const milli = Math.round(scaled);
  // 1.005 * 1000 is 1004.9999999999999 in binary floating point: allow that much noise, no more.
  if (Math.abs(scaled - milli) > 1e-6 || milli <= 0 || !Number.isSafeInteger(milli)) return null;
  return milli;
}

export function milliToQuantity(milli: number): number {
  return milli / 1000;
}
