import { Type } from '@sinclair/typebox';

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  db: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  uptimeSeconds: Type.Integer(),
  replication: Type.Object(
    {
      state: Type.Union((['off', 'starting', 'replicating', 'error'] as const).map((s) => Type.Literal(s))),
      lastSyncAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      lagSeconds: Type.Union([Type.Integer(), Type.Null()]),
      warning: Type.Union([Type.String(), Type.Null()]),
    },
    { description: 'Off-site replication of the database (never makes the check fail)' },
  ),
});
