import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { JobsService } from '../repair-orders/jobs.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import { ClockCorrectionsService } from './clock-corrections.service.js';
import { JobClockService } from './job-clock.service.js';
import { ShiftsService } from './shifts.service.js';
import { TimeclockRecords } from './timeclock-records.js';

export type { Clocker } from './timeclock-records.js';

/**
 * The technician time clock (issue 6). Two clocks: the job clock (production: who worked on which
 * job, when: job-clock.service.ts) and shifts (attendance: when a technician was in the shop and
 * available: shifts.service.ts); the history and its corrections are clock-corrections.service.ts.
 */
export class TimeclockService {
  readonly jobClock: JobClockService;
  readonly shifts: ShiftsService;
  readonly corrections: ClockCorrectionsService;

  constructor(
    db: Db,
    clock: Clock,
    audit: AuditService,
    events: EventBus,
    technicians: TechniciansService,
    repairOrders: RepairOrdersService,
    jobs: JobsService,
  ) {
    const records = new TimeclockRecords(db, clock, audit, events, technicians);
    this.jobClock = new JobClockService(records, db, audit, repairOrders, jobs);
    this.shifts = new ShiftsService(records, db, audit, technicians, jobs);
    this.corrections = new ClockCorrectionsService(records, db, audit, jobs);
  }

  /** The job-completion participant (app.ts registers it): see JobClockService. */
  stopClocksOfCompletedJob(
    tx: Db,
    actor: Actor,
    completion: { jobId: string; repairOrderId: string | null },
  ): Promise<void> {
    return this.jobClock.stopClocksOfCompletedJob(tx, actor, completion);
  }
}
