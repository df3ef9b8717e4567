import { Type, type Static } from '@sinclair/typebox';
import type { AnyLiveEvent, LiveEventName, LiveEvents } from './live-events.js';

/**
 * The live connection between a screen and the server (/ws): the topics a screen watches, which
 * topics each live event goes out on, and the messages both sides send. Written once for the
 * server's realtime module and the UI's live connection.
 */

/**
 * Which topics an event is published on. A browser subscribes to the topics of the screen it shows:
 * `board` (the job board and the bay TVs), `repair-order:<id>` (one RO being edited),
 * `appointments` (the calendar), `customer:<id>`, `vehicle:<id>`, `inventory` (stock, items, POs:
 * any staff member; not the bay TVs), `devices` (the shop floor's hardware: the owner only),
 * `printing` (the label print queue).
 */
export function topicsFor(event: AnyLiveEvent): string[] {
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
    case 'bayOccupancyChanged':
      return event.payload.repairOrderId === null
        ? ['board']
        : ['board', `repair-order:${event.payload.repairOrderId}`];
    case 'baySuggestionChanged':
    case 'baySensorChanged':
      return ['board'];
    case 'bayOverrun':
      return ['board', `repair-order:${event.payload.repairOrderId}`];
    case 'device.changed':
      return ['devices'];
    case 'obdChanged':
      return event.payload.repairOrderId === null
        ? [`vehicle:${event.payload.vehicleId}`]
        : [`vehicle:${event.payload.vehicleId}`, `repair-order:${event.payload.repairOrderId}`];
    case 'kioskCheckedIn':
      return ['board', 'appointments', `repair-order:${event.payload.repairOrderId}`];
    case 'printJobChanged':
      return event.payload.repairOrderId === null
        ? ['printing']
        : ['printing', `repair-order:${event.payload.repairOrderId}`];
    case 'staffSessionEnded':
    case 'staffAccessChanged':
    case 'displayTokenRevoked':
      // Who signed out or lost access is nobody else's business; the realtime service acts on these.
      return [];
  }
}

const TOPIC_PATTERN =
  /^(board|appointments|inventory|devices|printing|(repair-order|customer|vehicle):[0-9a-f-]{36})$/;

export function isValidTopic(topic: string): boolean {
  return TOPIC_PATTERN.test(topic);
}

/** A bay TV (display token) sees the board and nothing else. */
export const DISPLAY_TOPICS: ReadonlySet<string> = new Set(['board']);

/** Topics only the owner may watch: `devices` (Settings → Devices, the shop floor's hardware). */
export const OWNER_TOPICS: ReadonlySet<string> = new Set(['devices']);

/** The topic names, for screens that build them. */
export const topic = {
  board: 'board',
  appointments: 'appointments',
  inventory: 'inventory',
  devices: 'devices',
  /** The label print queue (any staff member). */
  printing: 'printing',
  repairOrder: (id: string) => `repair-order:${id}`,
  customer: (id: string) => `customer:${id}`,
  vehicle: (id: string) => `vehicle:${id}`,
} as const;

/**
 * Topics one connection may watch at once. The largest screen is a fleet customer's page: the
 * customer, the board and one topic per vehicle, and it lists up to 200 vehicles (202 topics); the
 * browser resubscribes everything in one message after a reconnect, so one message may carry as
 * many. A connection so holds at most 256 strings of at most 80 characters, however it is driven.
 */
export const MAX_TOPICS_PER_CONNECTION = 256;

const Topics = Type.Array(Type.String({ maxLength: 80 }), {
  minItems: 1,
  maxItems: MAX_TOPICS_PER_CONNECTION,
});

/**
 * Messages a browser sends on /ws. A message is also bounded in bytes by the WebSocket server's
 * maxPayload (64 KiB, set where the plugin is registered): a larger frame closes the socket (1009).
 */
export const ClientMessageSchema = Type.Union([
  Type.Object(
    {
      type: Type.Literal('subscribe'),
      topics: Topics,
      /** The last `seq` this client saw, to receive what it missed while disconnected. */
      since: Type.Optional(Type.Integer({ minimum: 0 })),
      /** The `serverId` from the welcome it last saw; a different one means the server restarted. */
      serverId: Type.Optional(Type.String({ maxLength: 64 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('unsubscribe'), topics: Topics }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('ping') }, { additionalProperties: false }),
]);
export type ClientMessage = Static<typeof ClientMessageSchema>;

/** A live event as a screen receives it: numbered (`seq`) for replay after a reconnect. */
export type LiveEventMessage = {
  [N in LiveEventName]: {
    type: 'event';
    seq: number;
    topics: string[];
    name: N;
    payload: LiveEvents[N];
    at: string;
  };
}[LiveEventName];

/**
 * Who the server took the connection for: a signed-in staff member, a bay TV, or a check-in kiosk
 * (which watches no topics: its socket is closed with 4401 the moment it is revoked or re-paired).
 */
export type ViewerKind = 'staff' | 'display' | 'kiosk';

/** Messages the server sends on /ws. */
export type ServerMessage =
  | LiveEventMessage
  | { type: 'welcome'; serverId: string; seq: number; viewer: ViewerKind }
  | { type: 'subscribed'; topics: string[]; seq: number; replayed: number; watching: number }
  | { type: 'resync'; reason: string; seq: number; serverId: string }
  | { type: 'pong'; seq: number; watching: number }
  | { type: 'unsubscribed'; topics: string[]; watching: number }
  | { type: 'error'; message: string };
