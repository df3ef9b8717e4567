import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, problems } from '../../lib/problem.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { JobsService } from '../repair-orders/jobs.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import {
  findOpenShift,
  findRunningEntry,
  insertEntry,
  listEntriesOfJob,
  listRunningEntriesOfJob,
} from './timeclock.repository.js';
import type { ClockInput, JobClock } from './timeclock.schemas.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';
import { type Clocker, CLOSED_JOB_STATUSES, type TimeclockRecords } from './timeclock-records.js';
import { orNotFound } from '../../lib/versioning.js';

/**
 * The job clock (production time: who worked on which job, when). Several technicians may share
 * a job, a technician is on one job at a time: clocking onto a job stops their running clock at
 * the same instant, in the same transaction (the unique index on open entries backs this up). A
 * technician not on shift is clocked in for the day automatically (a forgotten clock-in must not
 * lose production time). Clocking on a Pending job starts it right after the clock commits;
 * completing a job stops every clock on it inside the completion's transaction.
 */
export class JobClockService {
  constructor(
    private readonly records: TimeclockRecords,
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly repairOrders: RepairOrdersService,
    private readonly jobs: JobsService,
  ) {}

  async read(jobId: string): Promise<JobClock> {
    return this.readJobClock(this.db, jobId);
  }

  async clockOn(who: Clocker, jobId: string, input: ClockInput): Promise<JobClock> {
    const result = await inTransaction(this.db, async (tx) => {
      const technician = await this.records.resolveTechnician(tx, who, input.technicianId);
      const job = orNotFound(await this.jobs.read(tx, jobId), 'job', jobId);
      const ro = await this.repairOrders.find(tx, job.repairOrderId);
      if (ro === undefined || ro.status !== 'open')
        throw problems.conflict(
          `Repair order ${job.repairOrderNumber} is ${ro?.status ?? 'missing'}: only an open repair order's jobs take clock time.`,
          'repair-order-not-open',
          { repairOrderStatus: ro?.status ?? null },
        );
      if (CLOSED_JOB_STATUSES.has(job.status))
        throw problems.conflict(`This job is ${job.status}: nobody can clock on it any more.`, 'job-closed', {
          jobStatus: job.status,
        });
      // Clocking on a Pending job starts it: when work may not start yet (nothing approved and no
      // diagnosis allowance left), the clock is refused with the same answer the board gives.
      if (job.status === 'Pending') {
        const gate = await this.jobs.workGateOf(tx, job);
        if (!gate.start)
          throw problems.conflict(gate.reason ?? 'This job cannot be started yet.', 'approval-required', {
            gate: gate.state,
          });
      }
      const running = await findRunningEntry(tx, technician.id);
      if (running?.job_id === jobId)
        throw problems.conflict(
          `${technician.name} is already clocked on this job (since ${running.started_at}).`,
          'already-clocked-on',
        );
      const at = this.records.now();
      const touched: { jobId: string; repairOrderId: string }[] = [
        { jobId, repairOrderId: job.repairOrderId },
      ];
      if (running !== undefined) {
        await this.records.stopEntry(tx, who.actor, running, at, 'switched-job');
        const other = await this.jobs.read(tx, running.job_id);
        if (other !== undefined) touched.push({ jobId: other.id, repairOrderId: other.repairOrderId });
      }
      if ((await findOpenShift(tx, technician.id)) === undefined)
        await this.records.startShift(tx, who.actor, technician, at, true);
      const id = newId();
      await insertEntry(tx, {
        id,
        job_id: jobId,
        technician_id: technician.id,
        started_at: at,
        ended_at: null,
        started_by: who.actor.userId,
        ended_by: null,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, who.actor, {
        action: 'timeclock.clocked_on',
        entityType: 'job_clock_entry',
        entityId: id,
        data: { jobId, repairOrderId: job.repairOrderId, technicianId: technician.id, at },
      });
      return { job, touched, at };
    });
    this.records.announce(result.touched, result.at);
    if (result.job.status === 'Pending') await this.startJob(who.actor, jobId, result.job.version);
    return this.readJobClock(this.db, jobId);
  }

  async clockOff(who: Clocker, jobId: string, input: ClockInput): Promise<JobClock> {
    const result = await inTransaction(this.db, async (tx) => {
      const technician = await this.records.resolveTechnician(tx, who, input.technicianId);
      const job = orNotFound(await this.jobs.read(tx, jobId), 'job', jobId);
      const running = await findRunningEntry(tx, technician.id);
      if (running === undefined || running.job_id !== jobId)
        throw problems.conflict(`${technician.name} is not clocked on this job.`, 'not-clocked-on');
      const at = this.records.now();
      await this.records.stopEntry(tx, who.actor, running, at, 'clocked-off');
      return { touched: [{ jobId, repairOrderId: job.repairOrderId }], at };
    });
    this.records.announce(result.touched, result.at);
    return this.readJobClock(this.db, jobId);
  }

  /**
   * The job-completion participant (app.ts registers it): inside the status change's transaction,
   * every clock still running on the job stops at the completion time; screens hear of it once
   * the completion commits.
   */
  async stopClocksOfCompletedJob(
    tx: Db,
    actor: Actor,
    completion: { jobId: string; repairOrderId: string | null },
  ): Promise<void> {
    const { jobId, repairOrderId } = completion;
    const running = await listRunningEntriesOfJob(tx, jobId);
    if (running.length === 0) return;
    const at = this.records.now();
    for (const entry of running) await this.records.stopEntry(tx, actor, entry, at, 'job-completed');
    if (repairOrderId !== null) afterCommit(tx, () => this.records.announce([{ jobId, repairOrderId }], at));
  }

  /**
   * Pending → In_Progress through the repair-orders service (its audit and events). It runs after
   * the clock committed: that service has no variant taking our transaction. A job moved meanwhile
   * by someone else (stale version) is read again once; a job no longer Pending is left as it is.
   */
  private async startJob(actor: Actor, jobId: string, version: number): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.jobs.changeStatus(actor, jobId, { status: 'In_Progress', version });
        return;
      } catch (error) {
        if (!(error instanceof HttpProblem) || error.status !== 409) throw error;
        const job = await this.jobs.read(this.db, jobId);
        if (job?.status !== 'Pending') return;
        version = job.version;
      }
    }
  }

  private async readJobClock(db: Db, jobId: string): Promise<JobClock> {
    const job = orNotFound(await this.jobs.read(db, jobId), 'job', jobId);
    const rows = await listEntriesOfJob(db, jobId);
    const names = await this.records.names(
      rows.map((r) => r.technician_id),
      db,
    );
    const now = this.records.now();
    const entries = rows.map((row) => this.records.toEntry(row, names, now));
    return {
      jobId,
      repairOrderId: job.repairOrderId,
      jobStatus: job.status,
      entries,
      onNow: entries
        .filter((e) => e.running)
        .map((e) => ({
          entryId: e.id,
          technicianId: e.technicianId,
          technicianName: e.technicianName,
          startedAt: e.startedAt,
        })),
      totalSeconds: entries.reduce((sum, e) => sum + e.seconds, 0),
      now,
    };
  }
}
