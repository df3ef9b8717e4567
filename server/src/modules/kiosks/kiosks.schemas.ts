import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, StrictObject, Uuid } from '../../lib/schema.js';

/** A pairing code for a kiosk tablet, shown once on the owner's screen (as text and as a QR of pairUrl). */
export const KioskPairingCodeSchema = Type.Object({
  code: Type.String({ pattern: '^[0-9]{8}$', description: '8 digits; shown 4-4' }),
  expiresAt: IsoDateTime,
  pairUrl: Type.String({ description: '<origin>/kiosk?pair=<code>: the QR code the tablet scans' }),
});
export type KioskPairingCode = Static<typeof KioskPairingCodeSchema>;

/** A kiosk device as Settings → Devices shows it: paired or not, its label printer, a pending code. */
export const KioskDeviceSchema = Type.Object({
  paired: Type.Boolean(),
  pairedAt: Type.Union([IsoDateTime, Type.Null()]),
  labelPrinterDeviceId: Type.Union([Uuid, Type.Null()]),
  /** When the pending (unused) pairing code expires; null when there is none. */
  codeExpiresAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type KioskDevice = Static<typeof KioskDeviceSchema>;

export const KioskPrinterBody = StrictObject({
  labelPrinterDeviceId: Type.Union([Uuid, Type.Null()], {
    description: 'A label printer (device of kind label-printer), or null for none',
  }),
});
