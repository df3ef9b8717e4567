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
  storage: Type.Object(
    {
      state: Type.Union(
        (['ok', 'low', 'full', 'read-only', 'error'] as const).map((s) => Type.Literal(s)),
        {
          description:
            'low: saves, but free space is under the warning threshold; full, read-only, error: cannot save',
        },
      ),
      databaseWritable: Type.Boolean({ description: 'The last small write to the database was committed' }),
      freeBytes: Type.Union([Type.Integer(), Type.Null()]),
      totalBytes: Type.Union([Type.Integer(), Type.Null()]),
      writeCheckedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      warning: Type.Union([Type.String(), Type.Null()], {
        description:
          "The reason, for the owner's banner (e.g. the disk is full: 0 bytes free; ASE cannot save anything)",
      }),
    },
    { description: "Whether ASE can save (the data folder's disk); full or read-only makes the check fail" },
  ),
});
