import { Type, type Static } from '@sinclair/typebox';
import { StrictObject } from '../../lib/schema.js';

/** Messages a browser sends on /ws. */
export const ClientMessageSchema = Type.Union([
  StrictObject({
    type: Type.Literal('subscribe'),
    topics: Type.Array(Type.String({ maxLength: 80 }), { minItems: 1, maxItems: 50 }),
    /** The last `seq` this client saw, to receive what it missed while disconnected. */
    since: Type.Optional(Type.Integer({ minimum: 0 })),
    /** The `serverId` from the welcome it last saw; a different one means the server restarted. */
    serverId: Type.Optional(Type.String({ maxLength: 64 })),
  }),
  StrictObject({
    type: Type.Literal('unsubscribe'),
    topics: Type.Array(Type.String({ maxLength: 80 }), { minItems: 1, maxItems: 50 }),
  }),
  StrictObject({ type: Type.Literal('ping') }),
]);
export type ClientMessage = Static<typeof ClientMessageSchema>;
