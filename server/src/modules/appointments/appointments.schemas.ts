import { Type, type Static } from '@sinclair/typebox';
import type { AppointmentKind, AppointmentStatus } from '../../db/tables/appointments.js';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid, Version } from '../../lib/schema.js';
import { VersionedRecordFields } from '../../lib/record-fields.js';
import { offsetPaging } from '../../lib/paging.js';

export const APPOINTMENT_KINDS: readonly AppointmentKind[] = ['drop_off', 'waiter'];
export const APPOINTMENT_STATUSES: readonly AppointmentStatus[] = [
  'booked',
  'arrived',
  'cancelled',
  'no_show',
];

const Kind = StringEnum(APPOINTMENT_KINDS, {
  description: 'drop_off: the car stays with the shop; waiter: the customer waits for it',
});
const Status = StringEnum(APPOINTMENT_STATUSES, {
  description: 'booked → arrived (a repair order is opened) | cancelled | no_show',
});
const RequestedServices = Type.Array(
  Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'text, not only spaces' }),
  {
    maxItems: 20,
    description: 'What the customer asked for, in their words; each becomes a concern on the repair order.',
  },
);
const Notes = Type.String({ maxLength: 2000 });
const NullableId = (description: string) => Nullable(Type.String({ format: 'uuid', description }));

export const AppointmentSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  customerName: Type.String(),
  vehicleId: Type.Union([Uuid, Type.Null()]),
  vehicleSummary: Type.Union([Type.String(), Type.Null()], {
    description: 'Year, make, model and plate, e.g. "2018 Honda Civic · ABC1234"',
  }),
  requestedServices: Type.Array(Type.String()),
  kind: Kind,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  bayId: Type.Union([Uuid, Type.Null()]),
  bayName: Type.Union([Type.String(), Type.Null()]),
  technicianId: Type.Union([Uuid, Type.Null()]),
  technicianName: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  repairOrderId: Type.Union([Uuid, Type.Null()], { description: 'Set on arrival' }),
  repairOrderNumber: Type.Union([Type.Integer(), Type.Null()]),
  notes: Type.String(),
  ...VersionedRecordFields,
});
export type Appointment = Static<typeof AppointmentSchema>;

export const CreateAppointmentBody = StrictObject({
  customerId: Uuid,
  vehicleId: Type.Optional(NullableId('Optional at booking; needed before arrival. Must be the customer’s.')),
  requestedServices: Type.Optional(RequestedServices),
  kind: Type.Optional(Kind),
  startsAt: IsoDateTime,
  endsAt: Type.String({ format: 'date-time', description: 'After startsAt, at most 14 days later' }),
  bayId: Type.Optional(NullableId('An active bay; refused when it is booked at an overlapping time')),
  technicianId: Type.Optional(NullableId('An active technician; refused when booked at an overlapping time')),
  notes: Type.Optional(Notes),
});
export type CreateAppointmentInput = Static<typeof CreateAppointmentBody>;

export const UpdateAppointmentBody = StrictObject({
  version: Version,
  vehicleId: Type.Optional(NullableId('Must belong to the appointment’s customer')),
  requestedServices: Type.Optional(RequestedServices),
  kind: Type.Optional(Kind),
  startsAt: Type.Optional(IsoDateTime),
  endsAt: Type.Optional(IsoDateTime),
  bayId: Type.Optional(NullableId('null frees the appointment from its bay')),
  technicianId: Type.Optional(NullableId('null frees the appointment from its technician')),
  notes: Type.Optional(Notes),
});
export type UpdateAppointmentInput = Static<typeof UpdateAppointmentBody>;

const OptionalVersion = Type.Optional(
  Type.Integer({ minimum: 1, description: 'When sent, a stale version gets 409 instead of the change' }),
);

export const CloseAppointmentBody = StrictObject({
  version: OptionalVersion,
  reason: Type.Optional(Type.String({ maxLength: 500, description: 'Kept in the audit log' })),
});
export type CloseAppointmentInput = Static<typeof CloseAppointmentBody>;

export const ArriveAppointmentBody = StrictObject({
  version: OptionalVersion,
  odometerIn: Type.Optional(Type.Integer({ minimum: 0, maximum: 9_999_999 })),
  promisedAt: Type.Optional(IsoDateTime),
});
export type ArriveAppointmentInput = Static<typeof ArriveAppointmentBody>;

export const ListAppointmentsQuery = StrictObject({
  from: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'Appointments that overlap [from, to). Default: today (UTC), or the day before `to`.',
    }),
  ),
  to: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'After `from`, at most 62 days later. Default: from + 1 day.',
    }),
  ),
  bayId: Type.Optional(Uuid),
  technicianId: Type.Optional(Uuid),
  customerId: Type.Optional(Uuid),
  status: Type.Optional(Type.Array(Status, { description: 'One or more: status=booked&status=arrived' })),
  ...offsetPaging({ maximum: 200, default: 200 }),
});
export type ListAppointmentsInput = Static<typeof ListAppointmentsQuery>;

export const AppointmentPageSchema = Type.Object({
  items: Type.Array(AppointmentSchema),
  from: IsoDateTime,
  to: IsoDateTime,
  nextOffset: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as `offset` for the next page.',
  }),
});
