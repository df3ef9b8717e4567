import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, StrictObject, Uuid } from '../../lib/schema.js';

/** What it takes to open a repair order (check-in, or an appointment's arrival). */
export const CreateRepairOrderBody = StrictObject({
  customerId: Uuid,
  vehicleId: Uuid,
  concerns: Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), {
    maxItems: 50,
    description: "The customer's concerns in their own words; each becomes a job.",
  }),
  odometerIn: Type.Optional(Type.Integer({ minimum: 0, maximum: 9_999_999 })),
  promisedAt: Type.Optional(IsoDateTime),
  waiter: Type.Optional(Type.Boolean()),
  appointmentId: Type.Optional(Uuid),
});
export type CreateRepairOrderInput = Static<typeof CreateRepairOrderBody>;
