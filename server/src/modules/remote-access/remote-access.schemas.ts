import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StrictObject, StringEnum } from '../../lib/schema.js';

export const TUNNEL_STATES = ['not configured', 'connecting', 'connected', 'unreachable'] as const;
export type TunnelState = (typeof TUNNEL_STATES)[number];

export const TunnelStatusSchema = Type.Object({
  configured: Type.Boolean({ description: 'A tunnel token is saved.' }),
  tunnelId: Nullable(Type.String({ description: 'The tunnel id inside the saved token (not secret).' })),
  state: StringEnum(TUNNEL_STATES, {
    description:
      'not configured: no token; connecting: cloudflared is starting or has no connection yet; connected: Cloudflare can reach the shop; unreachable: cloudflared does not answer',
  }),
  detail: Nullable(Type.String({ description: 'What was seen, in words, when not connected.' })),
  checkedAt: IsoDateTime,
  metricsAddress: Type.String({ description: 'Where ASE asks cloudflared (its --metrics address).' }),
});

export const TlsStatusSchema = Type.Object({
  httpsPort: Type.Integer({ description: 'Config httpsPort; 0 = HTTPS on the shop network is off.' }),
  listening: Type.Boolean(),
  error: Nullable(Type.String({ description: 'Why HTTPS is not up.' })),
  urls: Type.Array(Type.String(), {
    description: 'Addresses to open on a shop device once it trusts the CA.',
  }),
  caName: Type.String(),
  caFingerprintSha256: Type.String({ description: 'Compare with what the device shows before trusting.' }),
  caNotAfter: IsoDateTime,
  serverNames: Type.Array(Type.String(), { description: 'Names and addresses in the server certificate.' }),
  serverNotAfter: IsoDateTime,
});

export const RemoteAccessStatusSchema = Type.Object({
  tunnel: TunnelStatusSchema,
  publicBaseUrl: Nullable(
    Type.String({ description: 'The base of customer links (set in the Messages settings), or null.' }),
  ),
  tls: TlsStatusSchema,
});

export const TunnelTokenBody = StrictObject({
  token: Type.String({
    minLength: 1,
    maxLength: 8192,
    description: 'The cloudflared tunnel token (or the whole install command containing it). Write-only.',
  }),
});

export const CaCertificateSchema = Type.String({ description: 'The local CA certificate (PEM).' });
export const MobileConfigSchema = Type.String({ description: 'Apple configuration profile with the CA.' });

export type TunnelStatus = Static<typeof TunnelStatusSchema>;
export type TlsStatus = Static<typeof TlsStatusSchema>;
export type RemoteAccessStatus = Static<typeof RemoteAccessStatusSchema>;
