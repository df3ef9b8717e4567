import type { DomainEventName, DomainEvents } from '../../events/domain-events.js';

/**
 * Which topics an event is published on. A browser subscribes to the topics of the screen it shows:
 * `board` (the job board and the bay TVs), `repair-order:<id>` (one RO being edited),
 * `appointments` (the calendar), `customer:<id>`, `vehicle:<id>`, `inventory` (stock, items, POs:
 * any staff member; not the bay TVs).
 */
export type AnyDomainEvent = {
  [N in DomainEventName]: { name: N; payload: DomainEvents[N] };
}[DomainEventName];

export function topicsFor(event: AnyDomainEvent): string[] {
  switch (event.name) {
    case 'jobStatusChanged':
    case 'jobChanged':
    case 'jobClockChanged':
      return ['board', `repair-order:${event.payload.repairOrderId}`];
    case 'repairOrderChanged':
      return ['board', `repair-order:${event.payload.repairOrderId}`];
    case 'approvalRecorded':
      return ['board', `repair-order:${event.payload.repairOrderId}`];
    case 'inspectionChanged':
    case 'approvalRequestChanged':
      return [`repair-order:${event.payload.repairOrderId}`];
    case 'notificationStatusChanged':
      return event.payload.repairOrderId === null ? [] : [`repair-order:${event.payload.repairOrderId}`];
    case 'appointmentChanged':
      return ['appointments'];
    case 'customerChanged':
      return [`customer:${event.payload.customerId}`];
    case 'vehicleChanged':
      return [`vehicle:${event.payload.vehicleId}`];
    case 'invoiceChanged':
      return ['board', `repair-order:${event.payload.repairOrderId}`];
    case 'inventoryChanged':
      return ['inventory'];
    case 'staffSessionEnded':
    case 'staffAccessChanged':
    case 'displayTokenRevoked':
      // Who signed out or lost access is nobody else's business; the realtime service acts on these.
      return [];
  }
}

const TOPIC_PATTERN = /^(board|appointments|inventory|(repair-order|customer|vehicle):[0-9a-f-]{36})$/;

export function isValidTopic(topic: string): boolean {
  return TOPIC_PATTERN.test(topic);
}

/** A bay TV (display token) sees the board and nothing else. */
export const DISPLAY_TOPICS: ReadonlySet<string> = new Set(['board']);
