import type { Db } from '../../db/database.js';
import type { WriteStamp } from '../../db/write-stamp.js';
import { sharedWhileUnchanged } from '../../lib/shared-read.js';
import type { EventBus } from '../../events/event-bus.js';
import { MINUTE_MS, type Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { randomToken, sha256Hex } from '../../lib/passwords.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { BaysService } from '../bays/bays.service.js';
import type { JobsService } from '../repair-orders/jobs.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { BayFloor } from '../bay-sensors/bay-sensors.schemas.js';
import type { DisplayBoard } from './display.schemas.js';
import {
  findDisplayToken,
  findDisplayTokenByHash,
  insertDisplayToken,
  listDisplayTokens,
  revokeDisplayToken,
  touchDisplayToken,
} from './display.repository.js';
import { inTransaction } from '../../db/after-commit.js';
import { orNotFound } from '../../lib/versioning.js';

/** What a request signed with a display token may be: a screen, nothing more. */
export interface DisplayContext {
  tokenId: string;
  name: string;
}

/** Where the board reads the bays' sensor state (the bay-sensors service). */
export interface BaySensorReader {
  floor(): Promise<{ bays: BayFloor[] }>;
}

/** What a bay TV card shows of a bay's sensor (no job names: the card has them). */
function sensorOf(bay: BayFloor | undefined): DisplayBoard['bays'][number]['sensor'] {
  return {
    occupied: bay?.occupied ?? false,
    since: bay?.since ?? null,
    hasSensor: (bay?.sensors.length ?? 0) > 0,
    sensorOffline: bay?.sensorOffline ?? false,
    noJobPlaced: bay?.noJobPlaced ?? false,
    overrun: bay?.job?.overrun ?? false,
  };
}

/**
 * How long a computed board is handed out again while nothing was written or announced: the TVs
 * refetch within milliseconds of each other, and a second is nothing on a card that shows minutes.
 */
export const BOARD_KEEP_MS = 1000;

/** Display tokens start with this, so a token pasted in the wrong place is recognisable. */
export const DISPLAY_TOKEN_PREFIX = 'dt_';

/**
 * Read-only tokens for the TVs over the bays: no login, no keyboard. A token can read the board
 * and nothing else; the owner creates and revokes them.
 */
export class DisplayService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly bays: BaysService,
    private readonly jobs: JobsService,
    private readonly settings: SettingsService,
    private readonly events: EventBus,
    writeStamp: WriteStamp,
  ) {
    // Every bay TV refetches the board on the same live event: twenty TVs share one computation.
    // Besides the database, the board reads what the devices module holds in memory (a sensor
    // online or not) and the clock: a change of the first is announced by a live event, so the
    // stamp also counts the events; the clock is bounded by BOARD_KEEP_MS.
    events.onAny(() => {
      this.#announced++;
    });
    this.board = sharedWhileUnchanged(
      () => `${writeStamp()}/${this.#announced}`,
      () => this.#computeBoard(),
      { keepMs: BOARD_KEEP_MS, nowMs: () => this.clock.now().getTime() },
    );
  }

  /** Live events emitted so far: a TV refetches on one, and must not get a board from before it. */
  #announced = 0;

  /** The bay TV's picture of the floor: each active bay with the open jobs placed in it. */
  readonly board: () => Promise<DisplayBoard>;

  /** What the bay sensors say of each bay; the bay-sensors module hands it over when it is wired. */
  #baySensors: BaySensorReader | null = null;

  /**
   * The bay-sensors module starts after the device gateway, which needs this service: so it is
   * registered here afterwards instead of being a need of this module.
   */
  useBaySensors(reader: BaySensorReader): void {
    this.#baySensors = reader;
  }

  async #computeBoard(): Promise<DisplayBoard> {
    const [bays, jobs, settings, floor] = await Promise.all([
      this.bays.list(),
      this.jobs.board({}),
      this.settings.get(),
      this.#baySensors?.floor() ?? { bays: [] },
    ]);
    const sensed = new Map(floor.bays.map((bay) => [bay.bayId, bay]));
    const statusRank: Record<string, number> = { In_Progress: 0, Blocked: 1, Pending: 2, Completed: 3 };
    const byBay = new Map<string, DisplayBoard['bays'][number]['jobs']>();
    let waiting = 0;
    for (const job of jobs) {
      if (job.bay === null) {
        if (job.status !== 'Completed') waiting++;
        continue;
      }
      const list = byBay.get(job.bay.id) ?? [];
      list.push({
        jobId: job.jobId,
        repairOrderNumber: job.repairOrderNumber,
        title: job.title,
        status: job.status,
        statusChangedAt: job.statusChangedAt,
        blockedReason: job.blockedReason,
        technicianName: job.technician?.name ?? null,
        vehicleSummary: job.vehicleSummary,
        promisedAt: job.promisedAt,
        overdue: job.overdue,
      });
      byBay.set(job.bay.id, list);
    }
    return {
      shopName: settings.shopName,
      timeZone: settings.timezone,
      generatedAt: this.clock.now().toISOString(),
      bays: bays
        .filter((bay) => bay.active)
        .map((bay) => ({
          id: bay.id,
          name: bay.name,
          jobs: (byBay.get(bay.id) ?? []).sort(
            (a, b) => (statusRank[a.status] ?? 9) - (statusRank[b.status] ?? 9),
          ),
          sensor: sensorOf(sensed.get(bay.id)),
        })),
      waiting,
    };
  }

  async list() {
    return (await listDisplayTokens(this.db)).map((row) => ({
      id: row.id,
      name: row.name,
      createdBy: row.created_by,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
      createdAt: row.created_at,
    }));
  }

  async create(actor: Actor, name: string) {
    const token = DISPLAY_TOKEN_PREFIX + randomToken(24);
    const at = this.clock.now().toISOString();
    const id = newId();
    await inTransaction(this.db, async (tx) => {
      await insertDisplayToken(tx, {
        id,
        name: name.trim(),
        token_hash: sha256Hex(token),
        created_by: actor.userId,
        last_used_at: null,
        revoked_at: null,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, actor, {
        action: 'display_token.created',
        entityType: 'display_token',
        entityId: id,
      });
    });
    return {
      id,
      name: name.trim(),
      createdBy: actor.userId,
      lastUsedAt: null,
      revokedAt: null,
      createdAt: at,
      token,
    };
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const row = orNotFound(await findDisplayToken(tx, id), 'display token', id);
      if (row.revoked_at !== null) return;
      await revokeDisplayToken(tx, id, this.clock.now().toISOString());
      await this.audit.record(tx, actor, {
        action: 'display_token.revoked',
        entityType: 'display_token',
        entityId: id,
      });
    });
    // After the commit: the TV's open socket closes now, not at its next heartbeat.
    this.events.emit('displayTokenRevoked', { displayTokenId: id, at: this.clock.now().toISOString() });
  }

  /** The screen a token belongs to, or null when unknown or revoked. */
  async authenticate(token: string): Promise<DisplayContext | null> {
    if (!token.startsWith(DISPLAY_TOKEN_PREFIX)) return null;
    const row = await findDisplayTokenByHash(this.db, sha256Hex(token));
    if (row === undefined || row.revoked_at !== null) return null;
    const now = this.clock.now();
    // Written at most once a minute: a TV polls all day and need not turn every read into a write.
    if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() >= MINUTE_MS) {
      await touchDisplayToken(this.db, row.id, now.toISOString());
    }
    return { tokenId: row.id, name: row.name };
  }
}
