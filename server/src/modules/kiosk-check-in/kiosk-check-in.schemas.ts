import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, StrictObject, Uuid } from '../../lib/schema.js';

/**
 * The kiosk's request and response schemas are the contract's (server/contracts/kiosk.ts): the
 * tablet and the server share them. Here only what the staff side reads.
 */
export {
  KioskCheckInBody,
  KioskCheckInResultSchema,
  KioskCodeLookupBody,
  KioskLookupBody,
  KioskLookupResultSchema,
  KioskVinBody,
  KioskVinSchema,
} from '../../../contracts/kiosk.js';

/** A repair order's check-in at the kiosk, for its page: when, where, flags, what was signed. */
export const KioskCheckInViewSchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  kioskName: Type.String(),
  tagNumber: Type.Integer(),
  flags: Type.Array(Type.String(), {
    description: 'For the advisor: vin-check-digit (the VIN typed fails its check digit), possible-duplicate',
  }),
  authorization: Type.Object({
    name: Type.String({ description: 'The name the customer typed above the signature' }),
    language: Type.Union([Type.Literal('en'), Type.Literal('es')]),
    text: Type.String({ description: 'The authorization text exactly as shown' }),
    signatureUrl: Type.String({ description: 'GET it (staff) for the signature PNG' }),
  }),
});
export type KioskCheckInView = Static<typeof KioskCheckInViewSchema>;

/**
 * The check-ins the board and the calendar mark ("Checked in at the kiosk"), e.g. since the start
 * of the shop's day, or the one of a repair order: always a list, so a repair order written up at
 * the counter is an empty answer rather than a 404 in every staff browser's console.
 */
export const KioskCheckInListQuery = StrictObject({
  since: Type.Optional(IsoDateTime),
  repairOrderId: Type.Optional(Uuid),
});
export type KioskCheckInListFilter = Static<typeof KioskCheckInListQuery>;

export const KioskCheckInMarkSchema = Type.Object({
  repairOrderId: Type.String(),
  appointmentId: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
  kioskName: Type.String(),
  tagNumber: Type.Integer(),
  flags: Type.Array(Type.String()),
});
export type KioskCheckInMark = Static<typeof KioskCheckInMarkSchema>;
export const KioskCheckInListSchema = Type.Object({ items: Type.Array(KioskCheckInMarkSchema) });

/** At most this many check-ins in one answer (a day of a busy shop is far fewer). */
export const KIOSK_CHECK_IN_LIST_LIMIT = 500;
