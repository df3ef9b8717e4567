/**
 * What the kiosk's camera reads, made into what the server wants: a VIN from the door jamb's or the
 * windshield's barcode, and the check-in code from the reminder's QR.
 */

/** The VIN alphabet: no I, O or Q. */
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;

/**
 * A VIN from a scanned barcode, or null when the text is not one. Code 39 labels on older cars
 * carry a leading "I" (imported) or a trailing check character, so a 17-character VIN inside an
 * 18-character read is accepted too.
 */
export function vinFromScan(text: string): string | null {
  const cleaned = text.replace(/[\s*-]/g, '').toUpperCase();
  if (VIN.test(cleaned)) return cleaned;
  if (cleaned.length === 18) {
    const withoutFirst = cleaned.slice(1);
    if (/^[IQ]/.test(cleaned) && VIN.test(withoutFirst)) return withoutFirst;
    const withoutLast = cleaned.slice(0, 17);
    if (VIN.test(withoutLast)) return withoutLast;
  }
  return null;
}

/** The reminder's QR says `ASE-CHECKIN:<code>`. */
export const CHECKIN_QR_PREFIX = 'ASE-CHECKIN:';

/** The check-in code in a scanned QR, or null when the QR is someone else's. */
export function checkInCodeFromScan(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.toUpperCase().startsWith(CHECKIN_QR_PREFIX)) return null;
  const code = trimmed.slice(CHECKIN_QR_PREFIX.length).trim();
  return /^[A-Za-z0-9]{4,40}$/.test(code) ? code : null;
}

/** The pairing code from ?pair= (the QR in Settings → Devices) or as typed ("4821 3907"). */
export function pairingCodeFrom(text: string | null): string | null {
  if (text === null) return null;
  const digits = text.replace(/[\s-]/g, '');
  return digits === '' ? null : digits;
}
