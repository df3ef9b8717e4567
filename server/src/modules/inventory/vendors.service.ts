import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { problems } from '../../lib/problem.js';
import { rowAtVersion, staleVersionProblem } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import {
  findVendor,
  findVendorByName,
  insertVendor,
  listVendors,
  updateVendorIfVersion,
} from './inventory.repository.js';
import type { CreateVendorInput, UpdateVendorInput, Vendor } from './inventory.schemas.js';
import { inTransaction } from '../../db/after-commit.js';
import { type AnnounceInventory, toVendor } from './inventory-mappers.js';

/** The shop's parts vendors (unique names, versioned), announced on the inventory topic. */
export class VendorsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly announce: AnnounceInventory,
  ) {}

  async listVendors(): Promise<Vendor[]> {
    return (await listVendors(this.db)).map(toVendor);
  }

  async createVendor(actor: Actor, input: CreateVendorInput): Promise<Vendor> {
    const vendor = await inTransaction(this.db, async (tx) => {
      const name = input.name.trim();
      if (name === '') throw problems.validation([{ path: 'name', message: 'must not be blank' }]);
      await this.ensureVendorNameFree(tx, name, null);
      const at = this.clock.now().toISOString();
      const id = newId();
      await insertVendor(tx, {
        id,
        name,
        contact_name: input.contactName ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        account_number: input.accountNumber ?? null,
        notes: input.notes ?? '',
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, actor, { action: 'vendor.created', entityType: 'vendor', entityId: id });
      return toVendor((await findVendor(tx, id))!);
    });
    this.announce('vendor_changed');
    return vendor;
  }

  async updateVendor(actor: Actor, id: string, input: UpdateVendorInput): Promise<Vendor> {
    const vendor = await inTransaction(this.db, async (tx) => {
      const current = rowAtVersion(await findVendor(tx, id), 'vendor', id, input.version, toVendor);
      const name = input.name?.trim();
      if (name === '') throw problems.validation([{ path: 'name', message: 'must not be blank' }]);
      if (name !== undefined) await this.ensureVendorNameFree(tx, name, id);
      const ok = await updateVendorIfVersion(tx, id, input.version, {
        ...(name === undefined ? {} : { name }),
        ...(input.contactName === undefined ? {} : { contact_name: input.contactName }),
        ...(input.phone === undefined ? {} : { phone: input.phone }),
        ...(input.email === undefined ? {} : { email: input.email }),
        ...(input.accountNumber === undefined ? {} : { account_number: input.accountNumber }),
        ...(input.notes === undefined ? {} : { notes: input.notes }),
        ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw staleVersionProblem('vendor', current.version + 1);
      await this.audit.recordUpdate(tx, actor, 'vendor', id, input);
      return toVendor((await findVendor(tx, id))!);
    });
    this.announce('vendor_changed');
    return vendor;
  }

  private async ensureVendorNameFree(tx: Db, name: string, exceptId: string | null): Promise<void> {
    const existing = await findVendorByName(tx, name);
    if (existing !== undefined && existing.id !== exceptId)
      throw problems.conflict(`There is already a vendor called ${name}.`, 'duplicate', {
        errors: [{ path: 'name', message: 'is already used by another vendor' }],
      });
  }
}
