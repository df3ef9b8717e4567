import type { OutboxChannel } from '../../db/tables/notifications.js';
import { deliveryState } from './channel-readiness.js';
import type { OutboxRow } from './notifications.repository.js';
import type { Message } from './notifications.schemas.js';

/** How outbox rows and vehicles are shown in messages and on staff screens. */
/** "a•••@example.com", "•••• 4567": enough for staff to recognise, not to harvest. */
export function maskRecipient(channel: OutboxChannel, recipient: string): string {
  if (channel === 'email') {
    const at = recipient.lastIndexOf('@');
    if (at <= 0) return '•••';
    return `${recipient[0]}•••${recipient.slice(at)}`;
  }
  if (channel === 'sms') return `•••• ${recipient.slice(-4)}`;
  return 'staff device';
}

export function toMessage(row: OutboxRow): Message {
  return {
    id: row.id,
    event: row.event,
    channel: row.channel,
    recipient: maskRecipient(row.channel, row.recipient),
    repairOrderId: row.repair_order_id,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastError: row.last_error,
    ...deliveryState(row),
    sentAt: row.sent_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** "2018 Honda Civic" from a repair order's vehicle. */
export function vehicleWords(vehicle: {
  year: number | null;
  make: string | null;
  model: string | null;
}): string {
  const words = [vehicle.year, vehicle.make, vehicle.model].filter((w) => w !== null && w !== '').join(' ');
  return words === '' ? 'your vehicle' : `your ${words}`;
}
