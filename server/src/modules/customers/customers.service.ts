import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CustomerMergeParticipant } from './customer-merge.js';
import { customerExists } from './customers.repository.js';

/** Customers: contact details, preferences, duplicates and merge. */
export class CustomersService {
  readonly #mergeParticipants: CustomerMergeParticipant[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  /** app.ts registers every module that keeps records pointing at customers. */
  addMergeParticipant(participant: CustomerMergeParticipant): void {
    this.#mergeParticipants.push(participant);
  }

  /** Whether the customer exists; `db` may be the caller's transaction. */
  exists(db: Db, id: string): Promise<boolean> {
    return customerExists(db, id);
  }
}
