import { Type, type Static } from '@sinclair/typebox';
import { StrictObject } from '../../lib/schema.js';

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
  StrictObject({
    type: Type.Literal('subscribe'),
    topics: Topics,
    /** The last `seq` this client saw, to receive what it missed while disconnected. */
    since: Type.Optional(Type.Integer({ minimum: 0 })),
    /** The `serverId` from the welcome it last saw; a different one means the server restarted. */
    serverId: Type.Optional(Type.String({ maxLength: 64 })),
  }),
  StrictObject({ type: Type.Literal('unsubscribe'), topics: Topics }),
  StrictObject({ type: Type.Literal('ping') }),
]);
export type ClientMessage = Static<typeof ClientMessageSchema>;
