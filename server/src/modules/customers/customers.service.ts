import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CustomersTable } from '../../db/tables/customers.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { normalizePhone } from '../../lib/phone.js';
import { problems, type FieldError } from '../../lib/problem.js';
import { staleVersionProblem, orNotFound } from '../../lib/versioning.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import {
  contactRows,
  EMPTY_CONTACT_INFO,
  readContactInfo,
  readPreferences,
  resolveContactInfo,
  resolvePreferences,
  unionContactInfo,
} from './contact-info.js';
import type { CustomerMergeParticipant } from './customer-merge.js';
import {
  findContactMatches,
  findCustomer,
  insertCustomer,
  listCustomers,
  replaceContacts,
  repointMergedCustomers,
  updateCustomerIfVersion,
} from './customers.repository.js';
import type {
  ContactChannel,
  ContactInfo,
  CreateCustomerInput,
  Customer,
  CustomerListInput,
  Duplicate,
  DuplicatesInput,
  MergeCustomerInput,
  MergeResult,
  UpdateCustomerInput,
} from './customers.schemas.js';
import { afterCommit, inTransaction } from '../../db/after-commit.js';
import { versionedRecordFields } from '../../lib/row-view.js';

type CustomerRow = Selectable<CustomersTable>;

function toCustomer(row: CustomerRow): Customer {
  const contactInfo = readContactInfo(row.contact_info);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    contactInfo,
    preferences: readPreferences(row.preferences, contactInfo),
    notes: row.notes,
    mergedIntoId: row.merged_into_id,
    ...versionedRecordFields(row),
  };
}

function encodeCursor(row: CustomerRow): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string')
      return { name: value[0], id: value[1] };
  } catch {
    // falls through to the 400 below
  }
  throw problems.validation([{ path: 'query.cursor', message: 'is not a cursor this server gave out' }]);
}

function nameErrors(name: string | undefined): FieldError[] {
  return name !== undefined && name.trim() === '' ? [{ path: 'name', message: 'must not be blank' }] : [];
}

/** A channel complaint caused by a phone or email already refused would only repeat it. */
function channelErrors(
  contactInfo: { errors: FieldError[] },
  preferences: { errors: FieldError[] },
): FieldError[] {
  return contactInfo.errors.length > 0 ? [] : preferences.errors;
}

function duplicateProblem(duplicates: Duplicate[]) {
  const who = duplicates.map((d) => `${d.name} (${d.matchedOn} ${d.value})`).join(', ');
  return problems.conflict(
    `Another customer has the same phone or email: ${who}. Check it is not the same person ` +
      '(merge instead), or send confirmDuplicate: true to create a separate customer anyway.',
    'possible-duplicate',
    { duplicates },
  );
}

function mergedProblem(row: CustomerRow, role: string) {
  return problems.conflict(
    `${role} ${row.name} was already merged into customer ${row.merged_into_id}; use that customer.`,
    'already-merged',
    { mergedIntoId: row.merged_into_id },
  );
}

/** The kept customer's notes, then the merged one's under a heading, so neither is lost. */
function mergedNotes(kept: CustomerRow, source: CustomerRow): string {
  if (source.notes.trim() === '') return kept.notes;
  const section = `[Merged from ${source.name}]\n${source.notes}`;
  return kept.notes.trim() === '' ? section : `${kept.notes}\n\n${section}`;
}

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

  /**
   * Whether the customer exists and can take new records; `db` may be the caller's transaction.
   * A customer merged into another cannot: new work belongs to the kept customer.
   */
  async exists(db: Db, id: string): Promise<boolean> {
    return (await findCustomer(db, id))?.merged_into_id === null;
  }

  /** One customer for another module (merged ones included: see mergedIntoId). */
  async find(db: Db, id: string): Promise<Customer | undefined> {
    const row = await findCustomer(db, id);
    return row === undefined ? undefined : toCustomer(row);
  }

  async get(id: string): Promise<Customer> {
    const customer = orNotFound(await this.find(this.db, id), 'customer', id);
    return customer;
  }

  async list(input: CustomerListInput): Promise<{ items: Customer[]; nextCursor: string | null }> {
    if (input.cursor !== undefined && input.offset !== undefined)
      throw problems.validation([{ path: 'query.cursor', message: 'use either offset or cursor, not both' }]);
    const rows = await listCustomers(this.db, {
      limit: input.limit + 1, // one more tells whether there is a next page
      offset: input.offset ?? 0,
      after: input.cursor === undefined ? null : decodeCursor(input.cursor),
      kind: input.kind,
      includeMerged: input.includeMerged,
    });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: page.map(toCustomer),
      nextCursor: rows.length > input.limit && last !== undefined ? encodeCursor(last) : null,
    };
  }

  /** The live "this may be an existing customer" check while the advisor types. */
  async findDuplicates(input: DuplicatesInput): Promise<Duplicate[]> {
    if (input.phone === undefined && input.email === undefined)
      throw problems.validation([{ path: 'query.phone', message: 'give a phone or an email to check' }]);
    let phones: string[] = [];
    if (input.phone !== undefined) {
      const normalized = normalizePhone(input.phone);
      if (normalized === null)
        throw problems.validation([{ path: 'query.phone', message: 'is not a phone number' }]);
      phones = [normalized.e164];
    }
    const emails = input.email === undefined ? [] : [input.email.trim().toLowerCase()];
    return this.duplicatesOf(
      this.db,
      { phones, emails },
      input.excludeId === undefined ? [] : [input.excludeId],
    );
  }

  async create(actor: Actor, input: CreateCustomerInput): Promise<Customer> {
    const { customer } = await inTransaction(this.db, (tx) => this.createInTransaction(tx, actor, input));
    return customer;
  }

  /**
   * The same inside the caller's transaction (the kiosk's check-in). With confirmDuplicate the
   * customer is created even when another has the same phone or email, and `duplicates` names
   * them, for the caller to flag for the advisor: a duplicate is never merged silently.
   * customerChanged goes out after commit.
   */
  async createInTransaction(
    tx: Db,
    actor: Actor,
    input: CreateCustomerInput,
  ): Promise<{ customer: Customer; duplicates: Duplicate[] }> {
    const contactInfo = resolveContactInfo(input.contactInfo, EMPTY_CONTACT_INFO);
    const preferences = resolvePreferences(input.preferences, null, contactInfo.value);
    const errors = [
      ...nameErrors(input.name),
      ...contactInfo.errors,
      ...channelErrors(contactInfo, preferences),
    ];
    if (errors.length > 0) throw problems.validation(errors);

    const duplicates = await this.duplicatesOf(tx, this.contactValues(contactInfo.value), []);
    if (duplicates.length > 0 && input.confirmDuplicate !== true) throw duplicateProblem(duplicates);
    const at = this.clock.now().toISOString();
    const id = newId();
    await insertCustomer(tx, {
      id,
      name: input.name.trim(),
      kind: input.kind ?? 'person',
      contact_info: JSON.stringify(contactInfo.value),
      preferences: JSON.stringify(preferences.value),
      notes: input.notes ?? '',
      merged_into_id: null,
      created_at: at,
      updated_at: at,
    });
    await replaceContacts(tx, id, contactRows(id, contactInfo.value, at));
    await this.audit.record(tx, actor, {
      action: 'customer.created',
      entityType: 'customer',
      entityId: id,
      data: duplicates.length > 0 ? { confirmedDuplicateOf: [...new Set(duplicates.map((d) => d.id))] } : {},
    });
    const customer = toCustomer((await findCustomer(tx, id))!);
    afterCommit(tx, () =>
      this.events.emit('customerChanged', { customerId: id, change: 'created', at: customer.updatedAt }),
    );
    return { customer, duplicates };
  }

  /**
   * How the customer wants to be reached and in which language, as they said it themselves (the
   * kiosk), inside the caller's transaction. A channel the customer has no address for is a 400
   * naming `preferences.contactChannel`.
   */
  async setContactPreferencesInTransaction(
    tx: Db,
    actor: Actor,
    id: string,
    input: { contactChannel: ContactChannel; language: string },
  ): Promise<Customer> {
    const current = await this.requireActive(tx, id);
    const before = toCustomer(current);
    const preferences = resolvePreferences(input, before.preferences, before.contactInfo);
    if (preferences.errors.length > 0) throw problems.validation(preferences.errors);
    const changed =
      preferences.value.contactChannel !== before.preferences.contactChannel ||
      preferences.value.language !== before.preferences.language;
    if (!changed) return before;
    const at = this.clock.now().toISOString();
    const ok = await updateCustomerIfVersion(tx, id, current.version, {
      preferences: JSON.stringify(preferences.value),
      updated_at: at,
    });
    if (!ok) throw staleVersionProblem('customer', current.version + 1);
    await this.audit.recordUpdate(tx, actor, 'customer', id, { preferences: input });
    afterCommit(tx, () => this.events.emit('customerChanged', { customerId: id, change: 'updated', at }));
    return toCustomer((await findCustomer(tx, id))!);
  }

  async update(actor: Actor, id: string, input: UpdateCustomerInput): Promise<Customer> {
    const customer = await inTransaction(this.db, async (tx) => {
      const current = await this.requireActive(tx, id);
      if (current.version !== input.version)
        throw staleVersionProblem('customer', current.version, toCustomer(current));
      const before = toCustomer(current);
      const contactInfo = resolveContactInfo(input.contactInfo, before.contactInfo);
      const preferences = resolvePreferences(input.preferences, before.preferences, contactInfo.value);
      const errors = [
        ...nameErrors(input.name),
        ...contactInfo.errors,
        ...channelErrors(contactInfo, preferences),
      ];
      if (errors.length > 0) throw problems.validation(errors);

      const at = this.clock.now().toISOString();
      const ok = await updateCustomerIfVersion(tx, id, input.version, {
        ...(input.name === undefined ? {} : { name: input.name.trim() }),
        ...(input.kind === undefined ? {} : { kind: input.kind }),
        ...(input.notes === undefined ? {} : { notes: input.notes }),
        ...(input.contactInfo === undefined ? {} : { contact_info: JSON.stringify(contactInfo.value) }),
        ...(input.contactInfo === undefined && input.preferences === undefined
          ? {}
          : { preferences: JSON.stringify(preferences.value) }),
        updated_at: at,
      });
      if (!ok) throw staleVersionProblem('customer', current.version + 1);
      if (input.contactInfo !== undefined)
        await replaceContacts(tx, id, contactRows(id, contactInfo.value, at));
      await this.audit.recordUpdate(tx, actor, 'customer', id, input);
      return toCustomer((await findCustomer(tx, id))!);
    });
    this.events.emit('customerChanged', { customerId: id, change: 'updated', at: customer.updatedAt });
    return customer;
  }

  /**
   * Merges a duplicate (`sourceCustomerId`) into the customer kept (`keptId`), in one transaction:
   * every participant moves its records, contact info is united, both notes kept, and the
   * duplicate stays as a tombstone pointing at the kept customer so old links still resolve.
   */
  async merge(actor: Actor, keptId: string, input: MergeCustomerInput): Promise<MergeResult> {
    if (input.sourceCustomerId === keptId)
      throw problems.validation([
        {
          path: 'sourceCustomerId',
          message: 'is the customer being kept; a customer cannot be merged into itself',
        },
      ]);
    const result = await inTransaction(this.db, async (tx) => {
      const kept = orNotFound(await findCustomer(tx, keptId), 'customer', keptId);
      const source = await findCustomer(tx, input.sourceCustomerId);
      if (source === undefined)
        throw problems.validation([{ path: 'sourceCustomerId', message: 'no customer has this id' }]);
      if (kept.merged_into_id !== null) throw mergedProblem(kept, 'The customer to keep,');
      if (source.merged_into_id !== null) throw mergedProblem(source, 'The customer to merge,');
      if (kept.version !== input.version)
        throw staleVersionProblem('customer', kept.version, toCustomer(kept));

      const at = this.clock.now().toISOString();
      const moved: Record<string, number> = {};
      for (const participant of this.#mergeParticipants)
        moved[participant.name] = await participant.moveCustomerRecords(tx, source.id, kept.id);

      const contacts = unionContactInfo(toCustomer(kept).contactInfo, toCustomer(source).contactInfo);
      const keptOk = await updateCustomerIfVersion(tx, kept.id, kept.version, {
        contact_info: JSON.stringify(contacts.value),
        notes: mergedNotes(kept, source),
        updated_at: at,
      });
      if (!keptOk) throw staleVersionProblem('customer', kept.version + 1);
      await replaceContacts(tx, kept.id, contactRows(kept.id, contacts.value, at));
      await updateCustomerIfVersion(tx, source.id, source.version, {
        merged_into_id: kept.id,
        updated_at: at,
      });
      const repointed = await repointMergedCustomers(tx, source.id, kept.id, at);

      await this.audit.record(tx, actor, {
        action: 'customer.merged',
        entityType: 'customer',
        entityId: kept.id,
        data: {
          sourceCustomerId: source.id,
          sourceName: source.name,
          moved,
          contactsAdded: contacts.added,
          earlierMergesRepointed: repointed,
        },
      });
      await this.audit.record(tx, actor, {
        action: 'customer.merged_into',
        entityType: 'customer',
        entityId: source.id,
        data: { keptCustomerId: kept.id, moved },
      });
      return { customer: toCustomer((await findCustomer(tx, kept.id))!), mergedCustomerId: source.id, moved };
    });
    const at = result.customer.updatedAt;
    this.events.emit('customerChanged', { customerId: keptId, change: 'merged', at });
    this.events.emit('customerChanged', { customerId: input.sourceCustomerId, change: 'merged', at });
    return result;
  }

  private async requireActive(tx: Db, id: string): Promise<CustomerRow> {
    const row = orNotFound(await findCustomer(tx, id), 'customer', id);
    if (row.merged_into_id !== null) throw mergedProblem(row, 'Customer');
    return row;
  }

  private contactValues(contactInfo: ContactInfo): { phones: string[]; emails: string[] } {
    return {
      phones: contactInfo.phones.map((p) => p.number),
      emails: contactInfo.emails.map((e) => e.address),
    };
  }

  private async duplicatesOf(
    db: Db,
    values: { phones: string[]; emails: string[] },
    excludeIds: string[],
  ): Promise<Duplicate[]> {
    if (values.phones.length === 0 && values.emails.length === 0) return [];
    const rows = await findContactMatches(db, values.phones, values.emails, excludeIds);
    const seen = new Set<string>();
    return rows.flatMap((row) => {
      const key = `${row.id} ${row.kind} ${row.value}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ id: row.id, name: row.name, matchedOn: row.kind, value: row.value }];
    });
  }
}
