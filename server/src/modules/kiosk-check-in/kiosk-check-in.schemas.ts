import { Type, type Static } from '@sinclair/typebox';

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
