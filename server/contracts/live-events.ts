import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { JOB_STATUSES } from './job-status.js';

/**
 * The live events: what changed in the shop, by name, with each payload's schema. The server's
 * event bus checks every payload against its schema before any listener sees it; the realtime
 * hub forwards them to browsers (typed here for the UI), the device gateway to MQTT.
 * Events are emitted after their transaction commits, so nobody sees a change that rolled back.
 */

const Id = Type.String({ minLength: 1 });
const At = Type.String({ minLength: 1 });
/** One of the listed strings: a union of literals (checkable by TypeBox's Value and by Ajv). */
const Literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((value) => Type.Literal(value))));
const Event = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });

export const LIVE_EVENT_SCHEMAS = {
  jobStatusChanged: Event({
    jobId: Id,
    repairOrderId: Id,
    from: Literals(JOB_STATUSES),
    to: Literals(JOB_STATUSES),
    reason: Type.Union([Type.String(), Type.Null()]),
    at: At,
    actorUserId: Type.Union([Id, Type.Null()]),
  }),
  /** A job's other fields or its lines changed (technician, bay, times, lines, approvals). */
  jobChanged: Event({ jobId: Id, repairOrderId: Id, at: At }),
  /** Someone clocked on or off a job, or a clock entry of it was corrected (timeclock module). */
  jobClockChanged: Event({ jobId: Id, repairOrderId: Id, at: At }),
  repairOrderChanged: Event({
    repairOrderId: Id,
    number: Type.Integer(),
    change: Literals(['created', 'updated', 'closed', 'reopened', 'voided'] as const),
    at: At,
  }),
  approvalRecorded: Event({
    repairOrderId: Id,
    jobId: Id,
    lineIds: Type.Array(Id),
    state: Literals(['approved', 'declined', 'deferred', 'recommended'] as const),
    method: Type.String(),
    at: At,
  }),
  /** An inspection started, was filled in, got or lost a photo, or was completed. */
  inspectionChanged: Event({
    inspectionId: Id,
    repairOrderId: Id,
    change: Literals([
      'started',
      'updated',
      'media_added',
      'media_removed',
      'completed',
      'reopened',
    ] as const),
    at: At,
  }),
  /** A customer approval link was sent, opened, answered or revoked. */
  approvalRequestChanged: Event({
    approvalRequestId: Id,
    repairOrderId: Id,
    change: Literals(['sent', 'viewed', 'submitted', 'revoked', 'superseded'] as const),
    at: At,
  }),
  /** An outbox message changed state (queued, sent, failed, cancelled). */
  notificationStatusChanged: Event({
    messageId: Id,
    repairOrderId: Type.Union([Id, Type.Null()]),
    channel: Literals(['email', 'sms', 'push'] as const),
    status: Literals(['pending', 'sending', 'sent', 'failed', 'cancelled'] as const),
    at: At,
  }),
  appointmentChanged: Event({
    appointmentId: Id,
    change: Literals(['created', 'updated', 'cancelled', 'arrived', 'no_show'] as const),
    at: At,
  }),
  customerChanged: Event({
    customerId: Id,
    change: Literals(['created', 'updated', 'merged'] as const),
    at: At,
  }),
  vehicleChanged: Event({
    vehicleId: Id,
    change: Literals(['created', 'updated', 'transferred', 'odometer'] as const),
    at: At,
  }),
  /**
   * Money moved on an invoice or a repair order (billing module): issued, voided, paid (settled),
   * a payment, deposit, refund, credit note, charge to account or payment void. `invoiceId` is
   * null for a deposit (or its void) taken before the invoice.
   */
  invoiceChanged: Event({
    invoiceId: Type.Union([Id, Type.Null()]),
    repairOrderId: Id,
    change: Literals([
      'issued',
      'voided',
      'paid',
      'payment',
      'deposit',
      'refund',
      'credit_note',
      'charged_to_account',
      'payment_voided',
    ] as const),
    at: At,
  }),
  /** Stock, an item, a vendor, a purchase order or the pricing matrix changed (inventory module). */
  inventoryChanged: Event({
    itemId: Type.Union([Id, Type.Null()]),
    purchaseOrderId: Type.Union([Id, Type.Null()]),
    change: Literals([
      'item_created',
      'item_updated',
      'stock_moved',
      'vendor_changed',
      'purchase_order_changed',
      'purchase_order_received',
      'pricing_matrix_changed',
    ] as const),
    at: At,
  }),
  /**
   * A staff session was signed out. Like the two below, not for browsers (its topics are none):
   * the realtime hub closes the live connections it no longer allows at once, instead of at its
   * next heartbeat re-check.
   */
  staffSessionEnded: Event({ sessionId: Id, at: At }),
  /**
   * What a staff member may do changed: deactivated, given another role, or their sessions ended
   * (a password reset). Their live connections are checked again at once.
   */
  staffAccessChanged: Event({
    userId: Id,
    change: Literals(['deactivated', 'role_changed', 'sessions_ended'] as const),
    at: At,
  }),
  /**
   * A bay's occupancy changed (a sensor saw a car come in or leave), or the job it maps to did:
   * the board, the bay TVs and the repair order show time in bay from it.
   */
  bayOccupancyChanged: Event({
    bayId: Id,
    occupied: Type.Boolean(),
    since: Type.Union([At, Type.Null()]),
    jobId: Type.Union([Id, Type.Null()]),
    repairOrderId: Type.Union([Id, Type.Null()]),
    at: At,
  }),
  /** A bay-sensor suggestion ("start the brake job?") appeared on the board or was answered. */
  baySuggestionChanged: Event({
    suggestionId: Id,
    bayId: Id,
    jobId: Id,
    change: Literals(['created', 'accepted', 'dismissed', 'expired'] as const),
    at: At,
  }),
  /** A bay sensor went online or offline: the bay TV card and the board say so. */
  baySensorChanged: Event({ bayId: Id, deviceId: Id, online: Type.Boolean(), at: At }),
  /** A job in a bay passed its book hours (once per stay): the advisor is told. */
  bayOverrun: Event({
    bayId: Id,
    jobId: Id,
    repairOrderId: Id,
    secondsInBay: Type.Integer({ minimum: 0 }),
    bookSeconds: Type.Integer({ minimum: 0 }),
    at: At,
  }),
  /** A bay TV's display token was revoked: the TV's live connection closes at once. */
  displayTokenRevoked: Event({ displayTokenId: Id, at: At }),
  /**
   * A shop-floor device changed: paired, edited, revoked, connected or gone, reported its status, or
   * sent a bad message / was refused (devices module). Settings → Devices refetches on it.
   */
  'device.changed': Event({ deviceId: Id }),
  /**
   * A vehicle's OBD side changed (obd module): a scan was stored (the counter's adapter, a dongle,
   * or reports attached from the unmatched list), or an OBD odometer reading waits for a confirmation.
   */
  obdChanged: Event({
    vehicleId: Id,
    repairOrderId: Type.Union([Id, Type.Null()]),
    change: Literals(['scan', 'odometer-hold'] as const),
    at: At,
  }),
  /**
   * A customer checked in at the door's kiosk (kiosk-check-in module): the board and the calendar
   * show it live with a sound and a "checked in at the kiosk" mark. `flags` name what an advisor
   * should look at (e.g. `vin-check-digit`: the VIN typed fails its check digit; `possible-duplicate`:
   * the new customer may be an existing one).
   */
  kioskCheckedIn: Event({
    repairOrderId: Id,
    repairOrderNumber: Type.Integer(),
    appointmentId: Type.Union([Id, Type.Null()]),
    kioskName: Type.String(),
    tagNumber: Type.Integer(),
    flags: Type.Array(Type.String()),
    at: At,
  }),
  /** A label print job was queued, claimed, printed or failed (printing module). */
  printJobChanged: Event({
    printJobId: Id,
    printerDeviceId: Id,
    repairOrderId: Type.Union([Id, Type.Null()]),
    status: Literals(['queued', 'printing', 'printed', 'failed'] as const),
    at: At,
  }),
};

export type LiveEventName = keyof typeof LIVE_EVENT_SCHEMAS;
export const LIVE_EVENT_NAMES = Object.keys(LIVE_EVENT_SCHEMAS) as LiveEventName[];

/** Every event's payload, by name (the types the schemas above describe). */
export type LiveEvents = { [N in LiveEventName]: Static<(typeof LIVE_EVENT_SCHEMAS)[N]> };

/** One event with its name: a discriminated union, so `switch (event.name)` narrows the payload. */
export type AnyLiveEvent = { [N in LiveEventName]: { name: N; payload: LiveEvents[N] } }[LiveEventName];

export function isLiveEventName(name: string): name is LiveEventName {
  return Object.hasOwn(LIVE_EVENT_SCHEMAS, name);
}
