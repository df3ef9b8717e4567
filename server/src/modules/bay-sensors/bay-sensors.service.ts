import type { FastifyBaseLogger } from 'fastify';
import type { Selectable } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { BayState, OccupancySchema } from '../../../contracts/mqtt.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';
import type { Db } from '../../db/database.js';
import type {
  BaySensorAction,
  BaySensorEventsTable,
  BaySuggestionKind,
  BaySuggestionsTable,
  BayVisitsTable,
} from '../../db/tables/bay-sensors.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, problems } from '../../lib/problem.js';
import { camelKeys } from '../../lib/row-view.js';
import { SerialQueue } from '../../lib/serial-queue.js';
import type { Actor } from '../audit/audit.service.js';
import type { BaysService } from '../bays/bays.service.js';
import type { DeviceGateway } from '../devices/device-gateway.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { JobsService } from '../repair-orders/jobs.service.js';
import type { BoardItem, Job } from '../repair-orders/repair-orders.schemas.js';
import type { SettingsService } from '../settings/settings.service.js';
import {
  closeVisit,
  findSuggestion,
  insertEventIfNew,
  insertSuggestion,
  insertVisit,
  lastSeqOfDevice,
  latestEventPerBay,
  listEventsOfBay,
  listOpenSuggestions,
  listOpenVisits,
  listVisits,
  markOverrunAlerted,
  resolveSuggestion,
  updateEvent,
} from './bay-sensors.repository.js';
import type {
  BayFloor,
  Floor,
  RepairOrderTimeInBay,
  SensorEvent,
  Suggestion,
} from './bay-sensors.schemas.js';
import { bookSeconds, classifyEvent, eventTime, placedJob, secondsInBay, shopTime } from './occupancy.js';
import { orNotFound } from '../../lib/versioning.js';

/** What this module uses of the device gateway (devices module). */
export type BaySensorGateway = Pick<DeviceGateway, 'publishBayState' | 'devicesOfKind'>;

/** An occupancy report as the device gateway hands it over (a DeviceMessage, already validated). */
export interface OccupancyMessage {
  device: { id: string; kind: 'bay-sensor'; name: string; bayId: string | null };
  payload: Static<typeof OccupancySchema>;
  receivedAt: string;
}

export interface BaySensorsDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
  log: FastifyBaseLogger;
  bays: BaysService;
  jobs: JobsService;
  settings: SettingsService;
  notifications: NotificationsService;
  gateway: BaySensorGateway;
}

/** What handling one event came to (tests and the log read it). */
export type OccupancyResult =
  | { stored: false; reason: 'duplicate' }
  | { stored: true; eventId: string; outcome: SensorEvent['outcome']; action: BaySensorAction | null };

type EventRow = Selectable<BaySensorEventsTable>;
type VisitRow = Selectable<BayVisitsTable>;
type SuggestionRow = Selectable<BaySuggestionsTable>;

/** The job status a suggestion of each kind moves to, and the status it needs the job in. */
const SUGGESTION_MOVES: Record<BaySuggestionKind, { to: 'In_Progress' | 'Completed'; from: string[] }> = {
  start: { to: 'In_Progress', from: ['Pending', 'Blocked'] },
  complete: { to: 'Completed', from: ['In_Progress'] },
};

/** The audit's "who": the sensor itself, so the log says a device did it, not a person. */
function deviceActor(device: OccupancyMessage['device']): Actor {
  return { userId: null, label: `bay-sensor "${device.name}" (device ${device.id})` };
}

/** The API's view of an event: every column but the stamps. */
function toEvent({ created_at: _created, updated_at: _updated, ...row }: EventRow): SensorEvent {
  return camelKeys(row);
}

/** The board's view of a suggestion: who resolved it and from which event stay on the server. */
function toSuggestion({
  event_id: _event,
  resolved_by: _by,
  updated_at: _updated,
  ...row
}: SuggestionRow): Suggestion {
  return camelKeys(row);
}

/**
 * Bay sensors: every "car in / car out" a sensor reports is stored once (by device and sequence
 * number), moves the bay's occupancy when it is the newest, and acts on the job placed in the bay
 * as the shop's setting says: a suggestion for the advisor, or the job started and completed by
 * the sensor itself. It also answers "how long has it been in the bay" for the board, the bay TVs
 * and the repair order, tells the advisor when a job passes its book hours, and keeps each bay's
 * retained MQTT state true for the displays.
 */
export class BaySensorsService {
  /** Events are handled one at a time: the job actions of an 'in' finish before its 'out' starts. */
  readonly #queue = new SerialQueue();
  /** The last state published per bay (without its time), so only changes go out. */
  readonly #published = new Map<string, string>();
  #publishing: Promise<void> | null = null;
  #publishAgain = false;
  /** Each bay sensor's last known online state, so only a change is announced. */
  readonly #sensorOnline = new Map<string, boolean>();

  constructor(private readonly deps: BaySensorsDeps) {}

  /** The device gateway's handler for `occupancy` reports. */
  handleOccupancy(message: OccupancyMessage): Promise<OccupancyResult> {
    return this.#queue.run(() => this.#handle(message));
  }

  async #handle(message: OccupancyMessage): Promise<OccupancyResult> {
    const { device, payload, receivedAt } = message;
    const bayId = device.bayId;
    const at = this.deps.clock.now().toISOString();
    // Read before the transaction (the board is the jobs service's cached read); events are
    // handled one at a time, so nothing of ours moves in between.
    const placed =
      bayId !== null && payload.event === 'in' ? placedJob(await this.deps.jobs.board({ bayId })) : null;
    const stored = await inTransaction(this.deps.db, async (tx) => {
      const lastSeq = await lastSeqOfDevice(tx, device.id);
      const open = bayId === null ? undefined : (await listOpenVisits(tx, bayId)).at(0);
      const outcome =
        lastSeq === payload.seq
          ? null
          : classifyEvent(payload.event, payload.seq, lastSeq, open !== undefined, bayId !== null);
      if (outcome === null) return null;
      const id = newId();
      const inserted = await insertEventIfNew(tx, {
        id,
        device_id: device.id,
        bay_id: bayId,
        event: payload.event,
        seq: payload.seq,
        sensor_at: payload.at,
        received_at: receivedAt,
        outcome,
        action: null,
        job_id: null,
        detail: null,
        created_at: at,
        updated_at: at,
      });
      if (!inserted) return null;
      if (outcome !== 'applied' || bayId === null) return { id, outcome, visit: null, when: null };
      const when = eventTime(payload.at, receivedAt);
      if (payload.event === 'in') {
        const job = placed;
        const visit: VisitRow = {
          id: newId(),
          bay_id: bayId,
          job_id: job?.jobId ?? null,
          repair_order_id: job?.repairOrderId ?? null,
          in_at: when,
          out_at: null,
          in_event_id: id,
          out_event_id: null,
          overrun_alerted_at: null,
          created_at: at,
          updated_at: at,
        };
        await insertVisit(tx, visit);
        afterCommit(tx, () => this.#announceOccupancy(bayId, visit));
        return { id, outcome, visit, when };
      }
      // classifyEvent applies an 'out' only to an occupied bay.
      if (open === undefined) throw new Error('an applied out needs the open stay');
      await closeVisit(tx, open.id, when, id, at);
      afterCommit(tx, () => this.#announceOccupancy(bayId, null, open));
      return { id, outcome, visit: open, when };
    });
    if (stored === null) return { stored: false, reason: 'duplicate' };
    if (stored.visit === null || stored.when === null || bayId === null) {
      return { stored: true, eventId: stored.id, outcome: stored.outcome, action: null };
    }
    const action = await this.#actOnJob(message, stored.id, bayId, stored.visit, stored.when);
    void this.publishStates();
    return { stored: true, eventId: stored.id, outcome: stored.outcome, action };
  }

  /**
   * What an applied event does to the bay's job. The job's own service moves it (with its rules:
   * work follows approval, cause and correction, stock), so a sensor can do no more than a person
   * could; a refusal is kept on the event, for the advisor to see.
   */
  async #actOnJob(
    message: OccupancyMessage,
    eventId: string,
    bayId: string,
    visit: VisitRow,
    when: string,
  ): Promise<BaySensorAction> {
    const settings = await this.deps.settings.get();
    const bay = await this.deps.bays.get(this.deps.db, bayId);
    const bayName = bay?.name ?? 'the bay';
    const entering = message.payload.event === 'in';
    const job = visit.job_id === null ? undefined : await this.deps.jobs.read(this.deps.db, visit.job_id);
    let action: BaySensorAction;
    let detail: string | null = null;
    let kind: BaySuggestionKind | null = null;
    if (job === undefined) {
      action = 'no_job';
      detail = entering ? `Car in ${bayName}, no job placed` : `Car left ${bayName}, no job placed`;
    } else if (entering && (job.status === 'Pending' || job.status === 'Blocked')) {
      // A blocked job waits for something a person named: the sensor never resumes it by itself.
      kind = 'start';
    } else if (!entering && job.status === 'In_Progress') {
      kind = 'complete';
    } else {
      action = 'none';
    }
    if (kind !== null && job !== undefined) {
      const automatic =
        settings.baySensorMode === 'automatic' && !(kind === 'start' && job.status === 'Blocked');
      if (automatic) {
        const moved = await this.#moveJob(deviceActor(message.device), job, kind);
        action = moved === null ? (kind === 'start' ? 'started' : 'completed') : 'refused';
        detail = moved;
      } else {
        action = 'suggested';
        const message = suggestionText(kind, job, bayName, shopTime(when, settings.timezone), entering);
        await this.#suggest(bayId, job, eventId, kind, message);
      }
    }
    await updateEvent(this.deps.db, eventId, {
      action: action!,
      job_id: job?.id ?? null,
      detail,
      updated_at: this.deps.clock.now().toISOString(),
    });
    return action!;
  }

  /** Moves the job as a suggestion of `kind` would; null when done, else why it was refused. */
  async #moveJob(actor: Actor, job: Job, kind: BaySuggestionKind): Promise<string | null> {
    try {
      await this.deps.jobs.changeStatus(actor, job.id, {
        status: SUGGESTION_MOVES[kind].to,
        version: job.version,
      });
      return null;
    } catch (error) {
      if (error instanceof HttpProblem) return error.message;
      throw error;
    }
  }

  async #suggest(bayId: string, job: Job, eventId: string, kind: BaySuggestionKind, message: string) {
    const at = this.deps.clock.now().toISOString();
    const id = newId();
    await inTransaction(this.deps.db, async (tx) => {
      // A newer suggestion for the same job replaces the older one (the car came back in).
      for (const old of await listOpenSuggestions(tx, job.id)) {
        await resolveSuggestion(tx, old.id, ['open'], 'expired', null, at);
        afterCommit(tx, () => this.#announceSuggestion(old, 'expired', at));
      }
      const row: SuggestionRow = {
        id,
        bay_id: bayId,
        job_id: job.id,
        event_id: eventId,
        kind,
        status: 'open',
        message,
        resolved_at: null,
        resolved_by: null,
        created_at: at,
        updated_at: at,
      };
      await insertSuggestion(tx, row);
      afterCommit(tx, () => this.#announceSuggestion(row, 'created', at));
    });
  }

  /**
   * A device changed (devices module): when it is a bay sensor that went online or offline, the
   * board and the bay TVs hear of it at once (they show "sensor offline").
   */
  async onDeviceChanged(deviceId: string): Promise<void> {
    const sensor = (await this.#sensors()).find((device) => device.id === deviceId);
    if (sensor === undefined || sensor.bayId === null) return;
    if (this.#sensorOnline.get(deviceId) === sensor.online) return;
    this.#sensorOnline.set(deviceId, sensor.online);
    this.deps.events.emit('baySensorChanged', {
      bayId: sensor.bayId,
      deviceId,
      online: sensor.online,
      at: this.deps.clock.now().toISOString(),
    });
  }

  /** The advisor accepts: the job moves through its own service, as if they pressed Start/Complete. */
  async acceptSuggestion(actor: Actor, id: string): Promise<Suggestion> {
    const suggestion = await this.#requireSuggestion(id);
    if (suggestion.status !== 'open')
      throw problems.conflict(`This suggestion was already ${suggestion.status}.`, 'suggestion-resolved', {
        status: suggestion.status,
      });
    const job = await this.deps.jobs.get(suggestion.job_id);
    // The job's own rules answer (illegal move, approval required, cause and correction, stock).
    await this.deps.jobs.changeStatus(actor, job.id, {
      status: SUGGESTION_MOVES[suggestion.kind].to,
      version: job.version,
    });
    const at = this.deps.clock.now().toISOString();
    // The job's status change may have expired it already (onJobStatusChanged): accepted wins.
    await resolveSuggestion(this.deps.db, id, ['open', 'expired'], 'accepted', actor.userId, at);
    this.#announceSuggestion(suggestion, 'accepted', at);
    return toSuggestion((await findSuggestion(this.deps.db, id))!);
  }

  async dismissSuggestion(actor: Actor, id: string): Promise<Suggestion> {
    const suggestion = await this.#requireSuggestion(id);
    const at = this.deps.clock.now().toISOString();
    if (!(await resolveSuggestion(this.deps.db, id, ['open'], 'dismissed', actor.userId, at)))
      throw problems.conflict(`This suggestion was already ${suggestion.status}.`, 'suggestion-resolved', {
        status: suggestion.status,
      });
    this.#announceSuggestion(suggestion, 'dismissed', at);
    return toSuggestion((await findSuggestion(this.deps.db, id))!);
  }

  /** A job that moved by other means no longer needs the board to ask about it. */
  async onJobStatusChanged(jobId: string): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await inTransaction(this.deps.db, async (tx) => {
      for (const open of await listOpenSuggestions(tx, jobId))
        if (await resolveSuggestion(tx, open.id, ['open'], 'expired', null, at))
          afterCommit(tx, () => this.#announceSuggestion(open, 'expired', at));
    });
  }

  async #requireSuggestion(id: string): Promise<SuggestionRow> {
    const row = orNotFound(await findSuggestion(this.deps.db, id), 'bay-sensor suggestion', id);
    return row;
  }

  /** Every active bay as the sensors see it, with its job, time in bay and open suggestions. */
  async floor(): Promise<Floor> {
    const [bays, board, settings, visits, latest, suggestions, sensors] = await Promise.all([
      this.deps.bays.list(),
      this.deps.jobs.board({}),
      this.deps.settings.get(),
      listOpenVisits(this.deps.db),
      latestEventPerBay(this.deps.db),
      listOpenSuggestions(this.deps.db),
      this.#sensors(),
    ]);
    const now = this.deps.clock.now();
    const nowMs = now.getTime();
    const openByBay = new Map(visits.map((visit) => [visit.bay_id, visit]));
    const jobsByBay = new Map<string, BoardItem[]>();
    for (const item of board)
      if (item.bay !== null) jobsByBay.set(item.bay.id, [...(jobsByBay.get(item.bay.id) ?? []), item]);
    const boardById = new Map(board.map((item) => [item.jobId, item]));
    // The job of a bay: the one the car came in for while it is there, else the one placed next.
    const jobOf = (bayId: string): BoardItem | null => {
      const visitJob = openByBay.get(bayId)?.job_id;
      const current = visitJob == null ? undefined : boardById.get(visitJob);
      return current ?? placedJob(jobsByBay.get(bayId) ?? []);
    };
    const active = bays.filter((bay) => bay.active);
    const bayJobs = active.map((bay) => jobOf(bay.id));
    const jobIds = bayJobs.flatMap((job) => (job === null ? [] : [job.jobId]));
    const [jobVisits, jobDetails] = await Promise.all([
      listVisits(this.deps.db, { jobIds }),
      Promise.all(jobIds.map((id) => this.deps.jobs.read(this.deps.db, id))),
    ]);
    const bookOf = new Map(
      jobDetails.flatMap((job) => (job === undefined ? [] : [[job.id, bookSeconds(job.lines)] as const])),
    );
    const latestByBay = new Map(latest.map((row) => [row.bay_id, row]));
    return {
      mode: settings.baySensorMode,
      generatedAt: now.toISOString(),
      bays: active.map((bay, index): BayFloor => {
        const open = openByBay.get(bay.id);
        const job = bayJobs[index] ?? null;
        const baySensors = sensors.filter((sensor) => sensor.bayId === bay.id);
        const last = latestByBay.get(bay.id);
        const inBay =
          job === null
            ? 0
            : secondsInBay(
                jobVisits.filter((v) => v.job_id === job.jobId),
                nowMs,
              );
        const book = job === null ? 0 : (bookOf.get(job.jobId) ?? 0);
        return {
          bayId: bay.id,
          bayName: bay.name,
          occupied: open !== undefined,
          since: open?.in_at ?? null,
          secondsInBay: open === undefined ? 0 : secondsInBay([open], nowMs),
          job:
            job === null
              ? null
              : {
                  jobId: job.jobId,
                  repairOrderId: job.repairOrderId,
                  repairOrderNumber: job.repairOrderNumber,
                  title: job.title,
                  status: job.status,
                  bookSeconds: book,
                  secondsInBay: inBay,
                  overrun: isOverrun(job.status, inBay, book),
                },
          noJobPlaced: open !== undefined && (open.job_id === null || job === null),
          sensors: baySensors.map((sensor) => ({
            deviceId: sensor.id,
            name: sensor.name,
            online: sensor.online,
          })),
          sensorOffline: baySensors.some((sensor) => !sensor.online),
          lastEvent: last === undefined ? null : toEvent(last),
          suggestions: suggestions.filter((row) => row.bay_id === bay.id).map(toSuggestion),
        };
      }),
    };
  }

  async events(bayId: string, limit: number): Promise<SensorEvent[]> {
    return (await listEventsOfBay(this.deps.db, bayId, limit)).map(toEvent);
  }

  /** Time in bay per job of a repair order (only jobs a sensor saw in a bay). */
  async timeInBayOfRepairOrder(repairOrderId: string): Promise<RepairOrderTimeInBay> {
    const visits = await listVisits(this.deps.db, { repairOrderId });
    const nowMs = this.deps.clock.now().getTime();
    const jobIds = [...new Set(visits.flatMap((visit) => (visit.job_id === null ? [] : [visit.job_id])))];
    const jobs = await Promise.all(jobIds.map((id) => this.deps.jobs.read(this.deps.db, id)));
    return {
      repairOrderId,
      jobs: jobIds.map((jobId, index) => {
        const stays = visits.filter((visit) => visit.job_id === jobId);
        const open = stays.find((visit) => visit.out_at === null);
        const job = jobs[index];
        const seconds = secondsInBay(stays, nowMs);
        const book = job === undefined ? 0 : bookSeconds(job.lines);
        return {
          jobId,
          secondsInBay: seconds,
          bookSeconds: book,
          overrun: job !== undefined && isOverrun(job.status, seconds, book),
          inBayNow: open === undefined ? null : { bayId: open.bay_id, since: open.in_at },
          stays: stays.length,
        };
      }),
    };
  }

  /**
   * Tells the advisor, once per stay, that a job in a bay passed its book hours: a live event on
   * the board and a push to the advisors' devices (when the shop has web push on).
   */
  async checkOverruns(): Promise<number> {
    const nowMs = this.deps.clock.now().getTime();
    let alerted = 0;
    for (const visit of await listOpenVisits(this.deps.db)) {
      if (visit.job_id === null || visit.overrun_alerted_at !== null || visit.repair_order_id === null)
        continue;
      const job = await this.deps.jobs.read(this.deps.db, visit.job_id);
      if (job === undefined) continue;
      const book = bookSeconds(job.lines);
      const seconds = secondsInBay(await listVisits(this.deps.db, { jobIds: [job.id] }), nowMs);
      if (!isOverrun(job.status, seconds, book)) continue;
      const at = new Date(nowMs).toISOString();
      const repairOrderId = visit.repair_order_id;
      const bay = await this.deps.bays.get(this.deps.db, visit.bay_id);
      const told = await inTransaction(this.deps.db, async (tx) => {
        if (!(await markOverrunAlerted(tx, visit.id, at))) return false;
        const enqueued = await this.deps.notifications.enqueueForStaff(tx, {
          event: 'bay_overrun',
          repairOrderId,
          idempotencyKey: `bay_overrun:${visit.id}`,
          vars: {
            bayName: bay?.name ?? 'a bay',
            jobTitle: job.title,
            repairOrderNumber: job.repairOrderNumber,
            hoursInBay: (seconds / 3600).toFixed(1),
            bookHours: (book / 3600).toFixed(1),
          },
        });
        afterCommit(tx, () => {
          this.deps.notifications.announce(enqueued, repairOrderId);
          this.deps.events.emit('bayOverrun', {
            bayId: visit.bay_id,
            jobId: job.id,
            repairOrderId,
            secondsInBay: seconds,
            bookSeconds: book,
            at,
          });
        });
        return true;
      });
      if (told) alerted++;
    }
    return alerted;
  }

  /** The retained state of every active bay as the displays should see it. */
  async bayStates(): Promise<BayState[]> {
    const floor = await this.floor();
    return floor.bays.map((bay) => ({
      bayId: bay.bayId,
      occupied: bay.occupied,
      since: bay.since,
      jobId: bay.job?.jobId ?? null,
      repairOrderNumber: bay.job?.repairOrderNumber ?? null,
      jobTitle: bay.job?.title ?? null,
      at: floor.generatedAt,
    }));
  }

  /**
   * Publishes each bay's retained state that changed since it was last published. Calls while
   * one is running coalesce into one more pass, so a burst of job edits is a pass or two.
   */
  publishStates(): Promise<void> {
    if (this.#publishing !== null) {
      this.#publishAgain = true;
      return this.#publishing;
    }
    this.#publishing = (async () => {
      try {
        do {
          this.#publishAgain = false;
          for (const state of await this.bayStates()) {
            const { at: _at, ...content } = state;
            const key = JSON.stringify(content);
            if (this.#published.get(state.bayId) === key) continue;
            await this.deps.gateway.publishBayState(state);
            this.#published.set(state.bayId, key);
          }
        } while (this.#publishAgain);
      } catch (error) {
        this.deps.log.warn({ err: error }, 'publishing the bays’ retained state failed');
      } finally {
        this.#publishing = null;
      }
    })();
    return this.#publishing;
  }

  async #sensors() {
    try {
      return await this.deps.gateway.devicesOfKind('bay-sensor');
    } catch (error) {
      // The floor still shows without the device list; the sensors' state is then unknown.
      this.deps.log.warn({ err: error }, 'could not list the bay sensors');
      return [];
    }
  }

  #announceOccupancy(bayId: string, opened: VisitRow | null, closed?: VisitRow): void {
    const visit = opened ?? closed!;
    this.deps.events.emit('bayOccupancyChanged', {
      bayId,
      occupied: opened !== null,
      since: opened?.in_at ?? null,
      jobId: visit.job_id,
      repairOrderId: visit.repair_order_id,
      at: this.deps.clock.now().toISOString(),
    });
  }

  #announceSuggestion(
    row: SuggestionRow,
    change: 'created' | 'accepted' | 'dismissed' | 'expired',
    at: string,
  ) {
    this.deps.events.emit('baySuggestionChanged', {
      suggestionId: row.id,
      bayId: row.bay_id,
      jobId: row.job_id,
      change,
      at,
    });
  }
}

/** A job still being worked on that has spent longer in bays than its book hours (0: no estimate). */
function isOverrun(status: string, seconds: number, book: number): boolean {
  return book > 0 && seconds > book && status !== 'Completed' && status !== 'Paid';
}

function suggestionText(
  kind: BaySuggestionKind,
  job: Job,
  bayName: string,
  time: string,
  entering: boolean,
): string {
  const verb = kind === 'complete' ? 'complete' : job.status === 'Blocked' ? 'resume' : 'start';
  const where = entering ? `Car entered ${bayName} at ${time}` : `Car left ${bayName} at ${time}`;
  return `${where} — ${verb} “${job.title}” (RO ${job.repairOrderNumber})?`;
}
