import type { Db } from '../../db/database.js';
import type { Role } from '../../db/schema.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems } from '../../lib/problem.js';
import { staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import { insertShift, updateEntryIfVersion, type EntryRow, type ShiftRow } from './timeclock.repository.js';
import type { ClockEntry, Shift } from './timeclock.schemas.js';

/** Who is asking: the audit actor and their role (a technician clocks only themself). */
export interface Clocker {
  actor: Actor;
  role: Role;
}

export interface ResolvedTechnician {
  id: string;
  name: string;
}

/** Technician names by id, read once per request. */
export type Names = Map<string, string>;

export const CLOSED_JOB_STATUSES = new Set(['Completed', 'Paid']);

export function secondsBetween(start: string, end: string): number {
  return Math.max(0, Math.floor((Date.parse(end) - Date.parse(start)) / 1000));
}

/** What a job clock entry's view and a shift's share: whose it is, its seconds (open: up to now), note, version. */
function spanView(
  row: { technician_id: string; note: string; version: number },
  names: Names,
  [start, end]: readonly [string, string | null],
  now: string,
) {
  return {
    technicianId: row.technician_id,
    technicianName: names.get(row.technician_id) ?? '',
    seconds: secondsBetween(start, end ?? now),
    note: row.note,
    version: row.version,
  };
}

export function toUtc(value: string): string {
  return new Date(value).toISOString();
}

/**
 * What the parts of the time clock share: who is being clocked (a technician clocks only
 * themself), stopping an entry and opening a shift (audited), the API shapes of entries and
 * shifts, and the jobClockChanged announcement.
 */
export class TimeclockRecords {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly technicians: TechniciansService,
  ) {}

  /**
   * Whose clock: a technician's own (found by their account; naming someone else is refused),
   * or, for owner and advisor, the active technician they name.
   */
  async resolveTechnician(
    db: Db,
    who: Clocker,
    technicianId: string | undefined,
  ): Promise<ResolvedTechnician> {
    if (who.role === 'technician') {
      const own = await this.technicians.findByUser(db, who.actor.userId ?? '');
      if (own === undefined || !own.active)
        throw problems.validation([
          {
            path: 'technicianId',
            message: 'your account is not linked to an active technician: ask the owner to link it',
          },
        ]);
      if (technicianId !== undefined && technicianId !== own.id)
        throw problems.forbidden('A technician clocks only themself.', 'clock-only-yourself');
      return { id: own.id, name: own.name };
    }
    if (technicianId === undefined)
      throw problems.validation([{ path: 'technicianId', message: 'is required: which technician?' }]);
    const technician = await this.technicians.get(db, technicianId);
    if (technician === undefined || !technician.active)
      throw problems.validation([{ path: 'technicianId', message: 'no active technician has this id' }]);
    return { id: technician.id, name: technician.name };
  }

  async stopEntry(
    tx: Db,
    actor: Actor,
    entry: EntryRow,
    at: string,
    why: 'clocked-off' | 'switched-job' | 'clocked-out' | 'job-completed',
  ): Promise<void> {
    const ok = await updateEntryIfVersion(tx, entry.id, entry.version, {
      ended_at: at,
      ended_by: actor.userId,
      updated_at: at,
    });
    if (!ok) throw staleVersionProblem('clock entry', entry.version + 1);
    await this.audit.record(tx, actor, {
      action: 'timeclock.clocked_off',
      entityType: 'job_clock_entry',
      entityId: entry.id,
      data: {
        jobId: entry.job_id,
        technicianId: entry.technician_id,
        at,
        why,
        seconds: secondsBetween(entry.started_at, at),
      },
    });
  }

  async startShift(
    tx: Db,
    actor: Actor,
    technician: ResolvedTechnician,
    at: string,
    automatic: boolean,
  ): Promise<string> {
    const id = newId();
    await insertShift(tx, {
      id,
      technician_id: technician.id,
      clock_in_at: at,
      clock_out_at: null,
      clocked_in_by: actor.userId,
      clocked_out_by: null,
      ...(automatic ? { note: 'Clocked in automatically by clocking on a job' } : {}),
      created_at: at,
      updated_at: at,
    });
    await this.audit.record(tx, actor, {
      action: 'timeclock.shift_clocked_in',
      entityType: 'technician_shift',
      entityId: id,
      data: { technicianId: technician.id, at, automatic },
    });
    return id;
  }

  async names(ids: readonly string[], db: Db = this.db): Promise<Names> {
    const names: Names = new Map();
    for (const id of new Set(ids)) names.set(id, (await this.technicians.get(db, id))?.name ?? '');
    return names;
  }

  toEntry(row: EntryRow, names: Names, now: string): ClockEntry {
    return {
      id: row.id,
      jobId: row.job_id,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      running: row.ended_at === null,
      ...spanView(row, names, [row.started_at, row.ended_at], now),
    };
  }

  toShift(row: ShiftRow, names: Names, now: string = this.now()): Shift {
    return {
      id: row.id,
      clockInAt: row.clock_in_at,
      clockOutAt: row.clock_out_at,
      open: row.clock_out_at === null,
      ...spanView(row, names, [row.clock_in_at, row.clock_out_at], now),
    };
  }

  announce(touched: readonly { jobId: string; repairOrderId: string }[], at: string): void {
    for (const { jobId, repairOrderId } of touched)
      this.events.emit('jobClockChanged', { jobId, repairOrderId, at });
  }

  now(): string {
    return this.clock.now().toISOString();
  }
}
