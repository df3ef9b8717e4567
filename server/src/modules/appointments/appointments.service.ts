import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { AuditService } from '../audit/audit.service.js';
import type { BaysService } from '../bays/bays.service.js';
import type { CustomerMergeParticipant } from '../customers/customer-merge.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { TechniciansService } from '../technicians/technicians.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';

/** Appointments: booking with bay/technician conflict checks, and conversion to a repair order. */
export class AppointmentsService implements CustomerMergeParticipant {
  readonly name = 'appointments';

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly customers: CustomersService,
    private readonly vehicles: VehiclesService,
    private readonly repairOrders: RepairOrdersService,
    private readonly technicians: TechniciansService,
    private readonly bays: BaysService,
  ) {}

  async moveCustomerRecords(_tx: Db, _fromCustomerId: string, _toCustomerId: string): Promise<number> {
    return 0;
  }
}
