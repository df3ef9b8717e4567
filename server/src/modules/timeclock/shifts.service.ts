import type { Db } from '../../db/database.js';
import { problems } from '../../lib/problem.js';
import { staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { AuditService } from '../audit/audit.service.js';
import type { JobsService } from '../repair-orders/jobs.service.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import {
  findEntry,
  findOpenShift,
  findRunningEntry,
  findShift,
  updateShiftIfVersion,
} from './timeclock.repository.js';
import type { ClockEntry, ClockInput, ShiftResult, TechnicianClock } from './timeclock.schemas.js';
import { inTransaction } from '../../db/after-commit.js';
import { type Clocker, type Names, secondsBetween, type TimeclockRecords } from './timeclock-records.js';

/**
 * Shifts (attendance: when a technician was in the shop and available) and a technician's own
 * view of their clocks. Clocking out of the shift stops the running job clock.
 */
export class ShiftsService {
  constructor(
    private readonly records: TimeclockRecords,
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly technicians: TechniciansService,
    private readonly jobs: JobsService,
  ) {}

  async status(who: Clocker): Promise<TechnicianClock> {
    const technician = await this.technicians.findByUser(this.db, who.actor.userId ?? '');
    if (technician === undefined || !technician.active)
      return { technician: null, running: null, shift: null, now: this.records.now() };
    return this.statusOf(technician);
  }

  async statusOfTechnician(technicianId: string): Promise<TechnicianClock> {
    const technician = orNotFound(
      await this.technicians.get(this.db, technicianId),
      'technician',
      technicianId,
    );
    return this.statusOf(technician);
  }

  async clockIn(who: Clocker, input: ClockInput): Promise<ShiftResult> {
    return inTransaction(this.db, async (tx) => {
      const technician = await this.records.resolveTechnician(tx, who, input.technicianId);
      const open = await findOpenShift(tx, technician.id);
      if (open !== undefined)
        throw problems.conflict(
          `${technician.name} is already clocked in (since ${open.clock_in_at}).`,
          'already-clocked-in',
        );
      const id = await this.records.startShift(tx, who.actor, technician, this.records.now(), false);
      const names: Names = new Map([[technician.id, technician.name]]);
      return { shift: this.records.toShift((await findShift(tx, id))!, names), stoppedEntry: null };
    });
  }

  async clockOut(who: Clocker, input: ClockInput): Promise<ShiftResult> {
    const result = await inTransaction(this.db, async (tx) => {
      const technician = await this.records.resolveTechnician(tx, who, input.technicianId);
      const open = await findOpenShift(tx, technician.id);
      if (open === undefined)
        throw problems.conflict(`${technician.name} is not clocked in.`, 'not-clocked-in');
      const at = this.records.now();
      const names: Names = new Map([[technician.id, technician.name]]);
      const running = await findRunningEntry(tx, technician.id);
      const touched: { jobId: string; repairOrderId: string }[] = [];
      let stoppedEntry: ClockEntry | null = null;
      if (running !== undefined) {
        await this.records.stopEntry(tx, who.actor, running, at, 'clocked-out');
        stoppedEntry = this.records.toEntry((await findEntry(tx, running.id))!, names, at);
        const job = await this.jobs.read(tx, running.job_id);
        if (job !== undefined) touched.push({ jobId: job.id, repairOrderId: job.repairOrderId });
      }
      const ok = await updateShiftIfVersion(tx, open.id, open.version, {
        clock_out_at: at,
        clocked_out_by: who.actor.userId,
        updated_at: at,
      });
      if (!ok) throw staleVersionProblem('shift', open.version + 1);
      await this.audit.record(tx, who.actor, {
        action: 'timeclock.shift_clocked_out',
        entityType: 'technician_shift',
        entityId: open.id,
        data: { technicianId: technician.id, at, seconds: secondsBetween(open.clock_in_at, at) },
      });
      const shift = this.records.toShift((await findShift(tx, open.id))!, names);
      return { value: { shift, stoppedEntry }, touched, at };
    });
    this.records.announce(result.touched, result.at);
    return result.value;
  }

  private async statusOf(technician: { id: string; name: string }): Promise<TechnicianClock> {
    const now = this.records.now();
    const names: Names = new Map([[technician.id, technician.name]]);
    const [running, shift] = await Promise.all([
      findRunningEntry(this.db, technician.id),
      findOpenShift(this.db, technician.id),
    ]);
    let runningView: TechnicianClock['running'] = null;
    if (running !== undefined) {
      const job = await this.jobs.read(this.db, running.job_id);
      runningView = {
        entry: this.records.toEntry(running, names, now),
        jobTitle: job?.title ?? '',
        repairOrderId: job?.repairOrderId ?? running.job_id,
        repairOrderNumber: job?.repairOrderNumber ?? 0,
      };
    }
    return {
      technician: { id: technician.id, name: technician.name },
      running: runningView,
      shift: shift === undefined ? null : this.records.toShift(shift, names, now),
      now,
    };
  }
}
