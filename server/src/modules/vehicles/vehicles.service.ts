import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { CustomerMergeParticipant } from '../customers/customer-merge.js';
import type { CustomersService } from '../customers/customers.service.js';
import { findVehicleOwnerId, moveVehiclesToCustomer } from './vehicles.repository.js';

export interface OdometerReadingInput {
  vehicleId: string;
  reading: number;
  unit?: 'mi' | 'km';
  source: 'check-in' | 'manual' | 'obd' | 'appointment';
  repairOrderId?: string | null;
}

/** Vehicles: VIN, decoded details, plates, odometer history, ownership. */
export class VehiclesService implements CustomerMergeParticipant {
  readonly name = 'vehicles';

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly customers: CustomersService,
    /** Folder for the offline VIN database (vPIC), inside the data dir. */
    private readonly vinDataDir: string,
  ) {}

  /** The owner's customer id, or undefined when there is no such vehicle. `db` may be a transaction. */
  getOwnerId(db: Db, vehicleId: string): Promise<string | undefined> {
    return findVehicleOwnerId(db, vehicleId);
  }

  /** Records an odometer reading inside the caller's transaction (check-in does this). */
  async recordOdometer(_tx: Db, _actor: Actor, _input: OdometerReadingInput): Promise<void> {
    // Filled in by the vehicles module work: odometer_readings table.
  }

  moveCustomerRecords(tx: Db, fromCustomerId: string, toCustomerId: string): Promise<number> {
    return moveVehiclesToCustomer(tx, fromCustomerId, toCustomerId);
  }
}
