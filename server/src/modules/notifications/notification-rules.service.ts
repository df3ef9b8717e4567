import type { Db } from '../../db/database.js';
import type { Actor } from '../audit/audit.service.js';
import { vehicleWords } from './messages.js';
import { inTransaction } from '../../db/after-commit.js';
import { REMINDER_WINDOW_MS, type EnqueueResult, type NotificationsDeps } from './notifications-deps.js';
import type { OutboxEnqueueService } from './outbox-enqueue.service.js';
import { checkInVars, type CheckInCodes } from './check-in-codes.js';

/** The messages the shop sends on its own: "your car is ready" and appointment reminders. */
export class NotificationRulesService {
  readonly #deps: NotificationsDeps;
  readonly #outbox: OutboxEnqueueService;
  #checkInCodes: CheckInCodes | null = null;

  constructor(deps: NotificationsDeps, outbox: OutboxEnqueueService) {
    this.#deps = deps;
    this.#outbox = outbox;
  }

  /** The kiosk's check-in codes for reminders (see check-in-codes.ts). */
  useCheckInCodes(codes: CheckInCodes): void {
    this.#checkInCodes = codes;
  }

  get #db(): Db {
    return this.#deps.db;
  }

  #now(): string {
    return this.#deps.clock.now().toISOString();
  }

  /** When a job completes and no job of its RO is still open: "your car is ready", once per RO. */
  async onJobCompleted(repairOrderId: string): Promise<void> {
    const ro = await this.#deps.repairOrders.get(repairOrderId);
    if (ro.jobs.length === 0 || !ro.jobs.every((job) => job.status === 'Completed' || job.status === 'Paid'))
      return;
    await this.notifyVehicleReady(null, repairOrderId);
  }

  /** The "Tell the customer it's ready" button (actor) or the automatic rule (null). */
  async notifyVehicleReady(actor: Actor | null, repairOrderId: string): Promise<EnqueueResult> {
    const ro = await this.#deps.repairOrders.get(repairOrderId);
    // The button may be pressed again on purpose (a second reminder); the automatic rule only once.
    const key = actor === null ? `vehicle_ready:${ro.id}` : `vehicle_ready:${ro.id}:manual:${this.#now()}`;
    const result = await inTransaction(this.#db, async (tx) => {
      const queued = await this.#outbox.enqueueForCustomer(tx, {
        event: 'vehicle_ready',
        customerId: ro.customer.id,
        repairOrderId: ro.id,
        idempotencyKey: key,
        vars: { vehicle: vehicleWords(ro.vehicle), repairOrderNumber: ro.number },
      });
      if (actor !== null) {
        await this.#deps.audit.record(tx, actor, {
          action: 'notification.vehicle_ready_sent',
          entityType: 'repair_order',
          entityId: ro.id,
          data: { queued: queued.queued.map((q) => q.channel), skipped: queued.skipped },
        });
      }
      return queued;
    });
    this.#outbox.announce(result, ro.id);
    return result;
  }

  /** Reminders for appointments starting within the next 24 hours (one per appointment time). */
  async queueAppointmentReminders(): Promise<number> {
    const now = this.#deps.clock.now();
    const to = new Date(now.getTime() + REMINDER_WINDOW_MS);
    const shop = await this.#deps.settings.get();
    const page = await this.#deps.appointments.list({
      from: now.toISOString(),
      to: to.toISOString(),
      status: ['booked'],
      limit: 200,
      offset: 0,
    });
    let count = 0;
    for (const appointment of page.items) {
      if (appointment.status !== 'booked') continue;
      if (new Date(appointment.startsAt).getTime() < now.getTime()) continue;
      const when = new Intl.DateTimeFormat('en-US', {
        timeZone: shop.timezone,
        weekday: 'long',
        hour: 'numeric',
        minute: '2-digit',
        month: 'short',
        day: 'numeric',
      }).format(new Date(appointment.startsAt));
      const checkIn = await checkInVars(this.#checkInCodes, appointment.id, this.#deps.log);
      const result = await inTransaction(this.#db, (tx) =>
        this.#outbox.enqueueForCustomer(tx, {
          event: 'appointment_reminder',
          customerId: appointment.customerId,
          repairOrderId: null,
          idempotencyKey: `appointment_reminder:${appointment.id}:${appointment.startsAt}`,
          vars: { vehicle: appointment.vehicleSummary ?? 'your vehicle', when: `on ${when}`, ...checkIn },
        }),
      );
      count += result.queued.length;
      this.#outbox.announce(result, null);
    }
    return count;
  }
}
