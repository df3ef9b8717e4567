import type { JobStatus } from '../db/schema.js';

/**
 * Every event the in-process bus carries, by name. Services emit after their transaction has
 * committed (never inside it), so a listener never sees a change that was rolled back.
 * The realtime hub forwards them to browsers; the device layer will publish them to MQTT.
 */
export interface DomainEvents {
  jobStatusChanged: {
    jobId: string;
    repairOrderId: string;
    from: JobStatus;
    to: JobStatus;
    reason: string | null;
    at: string;
    actorUserId: string | null;
  };
  /** A job's other fields or its lines changed (technician, bay, times, lines, approvals). */
  jobChanged: { jobId: string; repairOrderId: string; at: string };
  /** Someone clocked on or off a job, or a clock entry of it was corrected (timeclock module). */
  jobClockChanged: { jobId: string; repairOrderId: string; at: string };
  repairOrderChanged: {
    repairOrderId: string;
    number: number;
    change: 'created' | 'updated' | 'closed' | 'reopened' | 'voided';
    at: string;
  };
  approvalRecorded: {
    repairOrderId: string;
    jobId: string;
    lineIds: string[];
    state: 'approved' | 'declined' | 'deferred' | 'recommended';
    method: string;
    at: string;
  };
  /** An inspection started, was filled in, got or lost a photo, or was completed. */
  inspectionChanged: {
    inspectionId: string;
    repairOrderId: string;
    change: 'started' | 'updated' | 'media_added' | 'media_removed' | 'completed' | 'reopened';
    at: string;
  };
  /** A customer approval link was sent, opened, answered or revoked. */
  approvalRequestChanged: {
    approvalRequestId: string;
    repairOrderId: string;
    change: 'sent' | 'viewed' | 'submitted' | 'revoked' | 'superseded';
    at: string;
  };
  /** An outbox message changed state (queued, sent, failed, cancelled). */
  notificationStatusChanged: {
    messageId: string;
    repairOrderId: string | null;
    channel: 'email' | 'sms' | 'push';
    status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
    at: string;
  };
  appointmentChanged: {
    appointmentId: string;
    change: 'created' | 'updated' | 'cancelled' | 'arrived' | 'no_show';
    at: string;
  };
  customerChanged: { customerId: string; change: 'created' | 'updated' | 'merged'; at: string };
  vehicleChanged: {
    vehicleId: string;
    change: 'created' | 'updated' | 'transferred' | 'odometer';
    at: string;
  };
  /**
   * Money moved on an invoice or a repair order (billing module): issued, voided, paid (settled),
   * a payment, deposit, refund, credit note, charge to account or payment void. `invoiceId` is
   * null for a deposit (or its void) taken before the invoice.
   */
  invoiceChanged: {
    invoiceId: string | null;
    repairOrderId: string;
    change:
      | 'issued'
      | 'voided'
      | 'paid'
      | 'payment'
      | 'deposit'
      | 'refund'
      | 'credit_note'
      | 'charged_to_account'
      | 'payment_voided';
    at: string;
  };
  /** Stock, an item, a vendor, a purchase order or the pricing matrix changed (inventory module). */
  inventoryChanged: {
    itemId: string | null;
    purchaseOrderId: string | null;
    change:
      | 'item_created'
      | 'item_updated'
      | 'stock_moved'
      | 'vendor_changed'
      | 'purchase_order_changed'
      | 'purchase_order_received'
      | 'pricing_matrix_changed';
    at: string;
  };
  /**
   * A staff session was signed out. Like the two below, not for browsers (its topics are none):
   * the realtime hub closes the live connections it no longer allows at once, instead of at its
   * next heartbeat re-check.
   */
  staffSessionEnded: { sessionId: string; at: string };
  /**
   * What a staff member may do changed: deactivated, given another role, or their sessions ended
   * (a password reset). Their live connections are checked again at once.
   */
  staffAccessChanged: {
    userId: string;
    change: 'deactivated' | 'role_changed' | 'sessions_ended';
    at: string;
  };
  /** A bay TV's display token was revoked: the TV's live connection closes at once. */
  displayTokenRevoked: { displayTokenId: string; at: string };
}

export type DomainEventName = keyof DomainEvents;
