import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { BaysService } from '../bays/bays.service.js';
import type { CustomerMergeParticipant } from '../customers/customer-merge.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';
import type { CreateRepairOrderInput } from './repair-orders.schemas.js';

/** Repair orders, their service jobs (status machine), line items, approvals, totals, canned jobs. */
export class RepairOrdersService implements CustomerMergeParticipant {
  readonly name = 'repair orders';

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly customers: CustomersService,
    private readonly vehicles: VehiclesService,
    private readonly settings: SettingsService,
    private readonly technicians: TechniciansService,
    private readonly bays: BaysService,
  ) {}

  /** Opens a repair order; returns its id and human number. Appointments call this on arrival. */
  async create(_actor: Actor, _input: CreateRepairOrderInput): Promise<{ id: string; number: number }> {
    throw new Error('not implemented yet');
  }

  async moveCustomerRecords(_tx: Db, _fromCustomerId: string, _toCustomerId: string): Promise<number> {
    return 0;
  }
}
