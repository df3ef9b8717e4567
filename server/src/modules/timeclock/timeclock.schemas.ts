import { Type, type Static } from '@sinclair/typebox';
import { JOB_STATUSES } from '../../db/schema.js';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid, Version } from '../../lib/schema.js';

/** Who is clocking: a technician clocks themself (leave it out); owner and advisor name one. */
export const ClockBody = StrictObject({
  technicianId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'Leave out to clock yourself (technicians); owner and advisor name the technician.',
    }),
  ),
});
export type ClockInput = Static<typeof ClockBody>;

const Note = Type.String({ maxLength: 500 });
const Reason = Type.String({
  minLength: 1,
  maxLength: 500,
  description: 'Why the time is corrected (kept in the audit log).',
});

/** Whose a clock entry or a shift is (the fields follow its id, and the job's for an entry). */
const ClockedBy = { technicianId: Uuid, technicianName: Type.String() };
/** What a clock entry and a shift end with: whole seconds (a running one counts up to now), note, version. */
const ClockedSpan = { seconds: Type.Integer(), note: Type.String(), version: Type.Integer() };

export const ClockEntrySchema = Type.Object({
  id: Uuid,
  jobId: Uuid,
  ...ClockedBy,
  startedAt: IsoDateTime,
  endedAt: Nullable(IsoDateTime),
  running: Type.Boolean(),
  ...ClockedSpan,
});
export type ClockEntry = Static<typeof ClockEntrySchema>;

export const OnJobNowSchema = Type.Object({
  entryId: Uuid,
  technicianId: Uuid,
  technicianName: Type.String(),
  startedAt: IsoDateTime,
});

export const JobClockSchema = Type.Object({
  jobId: Uuid,
  repairOrderId: Uuid,
  jobStatus: StringEnum(JOB_STATUSES),
  /** Oldest first. */
  entries: Type.Array(ClockEntrySchema),
  /** Who is clocked on the job right now. */
  onNow: Type.Array(OnJobNowSchema),
  /** Every entry's seconds added up (running ones up to now). */
  totalSeconds: Type.Integer(),
  /** The server's now, so a screen can tick from it without trusting the tablet's clock. */
  now: IsoDateTime,
});
export type JobClock = Static<typeof JobClockSchema>;

export const ShiftSchema = Type.Object({
  id: Uuid,
  ...ClockedBy,
  clockInAt: IsoDateTime,
  clockOutAt: Nullable(IsoDateTime),
  open: Type.Boolean(),
  ...ClockedSpan,
});
export type Shift = Static<typeof ShiftSchema>;

export const RunningEntrySchema = Type.Object({
  entry: ClockEntrySchema,
  jobTitle: Type.String(),
  repairOrderId: Uuid,
  repairOrderNumber: Type.Integer(),
});

export const TechnicianClockSchema = Type.Object({
  /** Null when the signed-in account is not linked to a technician. */
  technician: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  running: Nullable(RunningEntrySchema),
  shift: Nullable(ShiftSchema),
  now: IsoDateTime,
});
export type TechnicianClock = Static<typeof TechnicianClockSchema>;

export const ShiftResultSchema = Type.Object({
  shift: ShiftSchema,
  /** The job clock stopped by clocking out, if one was running. */
  stoppedEntry: Nullable(ClockEntrySchema),
});
export type ShiftResult = Static<typeof ShiftResultSchema>;

export const EntriesQuery = StrictObject({
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  technicianId: Type.Optional(Uuid),
  jobId: Type.Optional(Uuid),
});
export type EntriesFilters = Static<typeof EntriesQuery>;

export const ShiftsQuery = StrictObject({
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  technicianId: Type.Optional(Uuid),
});
export type ShiftsFilters = Static<typeof ShiftsQuery>;

export const EntryListSchema = Type.Object({
  items: Type.Array(ClockEntrySchema),
  /** True when more matched than the list holds (narrow the dates). */
  truncated: Type.Boolean(),
});
export const ShiftListSchema = Type.Object({
  items: Type.Array(ShiftSchema),
  truncated: Type.Boolean(),
});

export const CorrectEntryBody = StrictObject({
  version: Version,
  startedAt: Type.Optional(IsoDateTime),
  endedAt: Type.Optional(IsoDateTime),
  note: Type.Optional(Note),
  reason: Reason,
});
export type CorrectEntryInput = Static<typeof CorrectEntryBody>;

export const CorrectShiftBody = StrictObject({
  version: Version,
  clockInAt: Type.Optional(IsoDateTime),
  clockOutAt: Type.Optional(IsoDateTime),
  note: Type.Optional(Note),
  reason: Reason,
});
export type CorrectShiftInput = Static<typeof CorrectShiftBody>;
