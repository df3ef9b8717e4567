import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Role } from '../../db/schema.js';
import type { TechniciansTable } from '../../db/tables/technicians.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems } from '../../lib/problem.js';
import { rowAtVersion, staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { UsersService } from '../users/users.service.js';
import {
  findTechnician,
  findTechnicianByUser,
  insertTechnician,
  listTechnicians,
  updateTechnicianIfVersion,
} from './technicians.repository.js';
import type { CreateTechnicianInput, Technician, UpdateTechnicianInput } from './technicians.schemas.js';
import { inTransaction } from '../../db/after-commit.js';
import { versionedRecordFields } from '../../lib/row-view.js';

function toTechnician(row: Selectable<TechniciansTable>): Technician {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    skills: JSON.parse(row.skills) as string[],
    color: row.color,
    active: row.active === 1,
    payRateCents: row.pay_rate_cents,
    payBasis: row.pay_basis,
    ...versionedRecordFields(row),
  };
}

/**
 * A technician as a staff member of `role` may see it: pay is the owner's business, so everyone
 * else gets the record without it (the board, the clock and the calendar need names, not wages).
 */
export function technicianAsSeenBy(role: Role, technician: Technician): Technician {
  if (role === 'owner') return technician;
  const { payRateCents: _payRateCents, payBasis: _payBasis, ...seen } = technician;
  return seen;
}

/** The people who turn wrenches: who is on the floor, what they can do, which account is theirs. */
export class TechniciansService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  /** Every technician, with only the fields `viewer` may read (see `technicianAsSeenBy`). */
  async list(viewer: Role): Promise<Technician[]> {
    return (await listTechnicians(this.db)).map((row) => technicianAsSeenBy(viewer, toTechnician(row)));
  }

  /** Whether an active technician exists; `db` may be the caller's transaction. */
  async isActive(db: Db, id: string): Promise<boolean> {
    return (await findTechnician(db, id))?.active === 1;
  }

  async get(db: Db, id: string): Promise<Technician | undefined> {
    const row = await findTechnician(db, id);
    return row === undefined ? undefined : toTechnician(row);
  }

  /** The technician record linked to a staff account, if any; `db` may be the caller's transaction. */
  async findByUser(db: Db, userId: string): Promise<Technician | undefined> {
    const row = await findTechnicianByUser(db, userId);
    return row === undefined ? undefined : toTechnician(row);
  }

  async create(actor: Actor, input: CreateTechnicianInput): Promise<Technician> {
    if (input.userId != null) await this.ensureUserExists(input.userId);
    return inTransaction(this.db, async (tx) => {
      if (input.userId != null) await this.ensureUserLinkable(tx, input.userId, null);
      const at = this.clock.now().toISOString();
      const id = newId();
      await insertTechnician(tx, {
        id,
        user_id: input.userId ?? null,
        name: input.name.trim(),
        skills: JSON.stringify(input.skills ?? []),
        color: input.color ?? null,
        active: 1,
        ...(input.payRateCents === undefined ? {} : { pay_rate_cents: input.payRateCents }),
        ...(input.payBasis === undefined ? {} : { pay_basis: input.payBasis }),
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, actor, {
        action: 'technician.created',
        entityType: 'technician',
        entityId: id,
      });
      return toTechnician((await findTechnician(tx, id))!);
    });
  }

  async update(actor: Actor, id: string, input: UpdateTechnicianInput): Promise<Technician> {
    if (input.userId != null) await this.ensureUserExists(input.userId);
    return inTransaction(this.db, async (tx) => {
      const current = rowAtVersion(
        await findTechnician(tx, id),
        'technician',
        id,
        input.version,
        toTechnician,
      );
      if (input.userId != null && input.userId !== current.user_id)
        await this.ensureUserLinkable(tx, input.userId, id);
      const ok = await updateTechnicianIfVersion(tx, id, input.version, {
        ...(input.name === undefined ? {} : { name: input.name.trim() }),
        ...(input.userId === undefined ? {} : { user_id: input.userId }),
        ...(input.skills === undefined ? {} : { skills: JSON.stringify(input.skills) }),
        ...(input.color === undefined ? {} : { color: input.color }),
        ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
        ...(input.payRateCents === undefined ? {} : { pay_rate_cents: input.payRateCents }),
        ...(input.payBasis === undefined ? {} : { pay_basis: input.payBasis }),
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw staleVersionProblem('technician', current.version + 1);
      await this.audit.recordUpdate(tx, actor, 'technician', id, input);
      return toTechnician((await findTechnician(tx, id))!);
    });
  }

  /**
   * Before the transaction, not inside it: UsersService reads through its own handle, and SQLite's
   * one connection is held by an open transaction, so a read from inside would wait for ever.
   */
  private async ensureUserExists(userId: string): Promise<void> {
    if ((await this.users.findById(userId)) === undefined) {
      throw problems.validation([{ path: 'userId', message: 'no staff account has this id' }]);
    }
  }

  private async ensureUserLinkable(tx: Db, userId: string, technicianId: string | null): Promise<void> {
    const linked = await findTechnicianByUser(tx, userId);
    if (linked !== undefined && linked.id !== technicianId) {
      throw problems.validation([
        { path: 'userId', message: `is already linked to technician ${linked.name}` },
      ]);
    }
  }
}
