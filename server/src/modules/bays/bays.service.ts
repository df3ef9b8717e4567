import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { BaysTable } from '../../db/tables/bays.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems } from '../../lib/problem.js';
import { rowAtVersion, staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { findBay, findBayByName, insertBay, listBays, updateBayIfVersion } from './bays.repository.js';
import type { Bay, CreateBayInput, UpdateBayInput } from './bays.schemas.js';
import { inTransaction } from '../../db/after-commit.js';
import { versionedRecordFields } from '../../lib/row-view.js';

function toBay(row: Selectable<BaysTable>): Bay {
  return {
    id: row.id,
    name: row.name,
    capabilities: JSON.parse(row.capabilities) as string[],
    sortOrder: row.sort_order,
    active: row.active === 1,
    ...versionedRecordFields(row),
  };
}

/** The shop's bays (lifts, alignment rack, ...) that jobs and appointments are placed in. */
export class BaysService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<Bay[]> {
    return (await listBays(this.db)).map(toBay);
  }

  /** Whether an active bay exists; `db` may be the caller's transaction. */
  async isActive(db: Db, id: string): Promise<boolean> {
    return (await findBay(db, id))?.active === 1;
  }

  async get(db: Db, id: string): Promise<Bay | undefined> {
    const row = await findBay(db, id);
    return row === undefined ? undefined : toBay(row);
  }

  async create(actor: Actor, input: CreateBayInput): Promise<Bay> {
    return inTransaction(this.db, async (tx) => {
      await this.ensureNameFree(tx, input.name.trim(), null);
      const at = this.clock.now().toISOString();
      const id = newId();
      await insertBay(tx, {
        id,
        name: input.name.trim(),
        capabilities: JSON.stringify(input.capabilities ?? []),
        sort_order: input.sortOrder ?? 0,
        active: 1,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, actor, { action: 'bay.created', entityType: 'bay', entityId: id });
      return toBay((await findBay(tx, id))!);
    });
  }

  async update(actor: Actor, id: string, input: UpdateBayInput): Promise<Bay> {
    return inTransaction(this.db, async (tx) => {
      const current = rowAtVersion(await findBay(tx, id), 'bay', id, input.version, toBay);
      if (input.name !== undefined) await this.ensureNameFree(tx, input.name.trim(), id);
      const ok = await updateBayIfVersion(tx, id, input.version, {
        ...(input.name === undefined ? {} : { name: input.name.trim() }),
        ...(input.capabilities === undefined ? {} : { capabilities: JSON.stringify(input.capabilities) }),
        ...(input.sortOrder === undefined ? {} : { sort_order: input.sortOrder }),
        ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw staleVersionProblem('bay', current.version + 1);
      await this.audit.recordUpdate(tx, actor, 'bay', id, input);
      return toBay((await findBay(tx, id))!);
    });
  }

  private async ensureNameFree(tx: Db, name: string, exceptId: string | null): Promise<void> {
    const existing = await findBayByName(tx, name);
    if (existing !== undefined && existing.id !== exceptId) {
      throw problems.conflict(`There is already a bay called ${name}.`, 'duplicate', {
        errors: [{ path: 'name', message: 'is already used by another bay' }],
      });
    }
  }
}
