import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { problems } from '../../lib/problem.js';
import { rowAtVersion, staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor } from '../audit/audit.service.js';
import {
  cannedJobInUse,
  deleteCannedJob,
  findCannedJob,
  findCannedJobByName,
  insertCannedJob,
  listCannedJobs,
  updateCannedJobIfVersion,
} from './canned-jobs.repository.js';
import { STARTER_CANNED_JOBS } from './canned-jobs-starter.js';
import { checkLines } from './line-rules.js';
import { nowIso, partPricerOf, type ModuleContext } from './module-context.js';
import { toCannedJob, type StoredCannedLine } from './repair-orders.mappers.js';
import type {
  CannedJob,
  CannedLineInputType,
  CreateCannedJobInput,
  UpdateCannedJobInput,
} from './repair-orders.schemas.js';
import { inTransaction } from '../../db/after-commit.js';

/** Reusable job templates ("Oil change, synthetic") with their lines; copied onto a job when used. */
export class CannedJobsService {
  constructor(private readonly ctx: ModuleContext) {}

  async list(includeInactive: boolean): Promise<CannedJob[]> {
    return (await listCannedJobs(this.ctx.db, includeInactive)).map(toCannedJob);
  }

  async get(id: string): Promise<CannedJob> {
    const row = orNotFound(await findCannedJob(this.ctx.db, id), 'canned job', id);
    return toCannedJob(row);
  }

  async create(actor: Actor, input: CreateCannedJobInput): Promise<CannedJob> {
    return inTransaction(this.ctx.db, async (tx) => {
      await this.ensureNameFree(tx, input.name.trim(), null);
      return this.insert(tx, actor, input);
    });
  }

  /**
   * Adds the starter set (canned-jobs-starter.ts) in one transaction. Once only: a starter job
   * whose name is already taken is left alone, so a second call (setup, then the settings button)
   * adds nothing and never a duplicate. `db` may be the caller's transaction (first-run setup).
   */
  async addStarterSet(actor: Actor, db?: Db): Promise<{ created: CannedJob[] }> {
    const run = async (tx: Db) => {
      const created: CannedJob[] = [];
      for (const input of STARTER_CANNED_JOBS)
        if ((await findCannedJobByName(tx, input.name)) === undefined)
          created.push(await this.insert(tx, actor, input));
      return { created };
    };
    return db === undefined ? inTransaction(this.ctx.db, run) : run(db);
  }

  /** The active canned job of this name (how inspection items find their starter job), if any. */
  async findActiveByName(db: Db, name: string): Promise<CannedJob | undefined> {
    const found = await findCannedJobByName(db, name);
    const row = found === undefined ? undefined : await findCannedJob(db, found.id);
    return row === undefined || row.active !== 1 ? undefined : toCannedJob(row);
  }

  private async insert(tx: Db, actor: Actor, input: CreateCannedJobInput): Promise<CannedJob> {
    const lines = await this.checkedLines(tx, input.lines ?? []);
    const at = nowIso(this.ctx.clock);
    const id = newId();
    await insertCannedJob(tx, {
      id,
      name: input.name.trim(),
      title: input.title.trim(),
      concern: input.concern ?? '',
      lines: JSON.stringify(lines),
      created_at: at,
      updated_at: at,
    });
    await this.ctx.audit.record(tx, actor, {
      action: 'canned_job.created',
      entityType: 'canned_job',
      entityId: id,
      data: { name: input.name.trim(), lines: lines.length },
    });
    return toCannedJob((await findCannedJob(tx, id))!);
  }

  async update(actor: Actor, id: string, input: UpdateCannedJobInput): Promise<CannedJob> {
    return inTransaction(this.ctx.db, async (tx) => {
      const current = rowAtVersion(await findCannedJob(tx, id), 'canned job', id, input.version, toCannedJob);
      const lines = input.lines === undefined ? undefined : await this.checkedLines(tx, input.lines);
      if (input.name !== undefined) await this.ensureNameFree(tx, input.name.trim(), id);
      const ok = await updateCannedJobIfVersion(tx, id, input.version, {
        ...(input.name === undefined ? {} : { name: input.name.trim() }),
        ...(input.title === undefined ? {} : { title: input.title.trim() }),
        ...(input.concern === undefined ? {} : { concern: input.concern }),
        ...(lines === undefined ? {} : { lines: JSON.stringify(lines) }),
        ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
        updated_at: nowIso(this.ctx.clock),
      });
      if (!ok) throw staleVersionProblem('canned job', current.version + 1);
      await this.ctx.audit.recordUpdate(tx, actor, 'canned_job', id, input);
      return toCannedJob((await findCannedJob(tx, id))!);
    });
  }

  /** Deletes an unused template; one that jobs came from is archived instead, so they keep the link. */
  async remove(actor: Actor, id: string, version: number | undefined): Promise<void> {
    await inTransaction(this.ctx.db, async (tx) => {
      const current = rowAtVersion(await findCannedJob(tx, id), 'canned job', id, version, toCannedJob);
      const inUse = await cannedJobInUse(tx, id);
      if (inUse) {
        await updateCannedJobIfVersion(tx, id, current.version, {
          active: 0,
          updated_at: nowIso(this.ctx.clock),
        });
      } else {
        await deleteCannedJob(tx, id);
      }
      await this.ctx.audit.record(tx, actor, {
        action: inUse ? 'canned_job.archived' : 'canned_job.deleted',
        entityType: 'canned_job',
        entityId: id,
        data: { name: current.name },
      });
    });
  }

  private async checkedLines(tx: Db, lines: readonly CannedLineInputType[]): Promise<StoredCannedLine[]> {
    const { drafts } = await checkLines(
      tx,
      partPricerOf(this.ctx),
      lines,
      (i, field) => `lines.${i}.${field}`,
    );
    return drafts;
  }

  private async ensureNameFree(tx: Db, name: string, exceptId: string | null): Promise<void> {
    const existing = await findCannedJobByName(tx, name);
    if (existing !== undefined && existing.id !== exceptId) {
      throw problems.conflict(`There is already a canned job called ${name}.`, 'duplicate', {
        errors: [{ path: 'name', message: 'is already used by another canned job' }],
      });
    }
  }
}
