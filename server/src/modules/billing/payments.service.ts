import type { Db } from '../../db/database.js';
import type { PaymentMethod } from '../../db/tables/billing.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { HttpProblem, problems, type FieldError } from '../../lib/problem.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import {
  findIdempotencyKey,
  findInvoice,
  findPayment,
  insertIdempotencyKey,
  insertPayment,
  listDepositsOfRepairOrder,
  refundedOf,
  updatePayment,
  type PaymentRow,
} from './billing.repository.js';
import type { Invoice, Payment, PaymentInput, ReasonInput, RefundInput } from './billing.schemas.js';
import { requestHash } from './idempotency.js';
import { balanceOf, overpayment, type InvoiceLedger } from './invoice-ledger.js';
import { inTransaction } from '../../db/after-commit.js';
import { orNotFound } from '../../lib/versioning.js';

/** An idempotent request's answer: replayed as is for the same key. */
export interface StoredResult<T> {
  statusCode: number;
  body: T;
}

export interface PaymentResult {
  payment: Payment;
  invoice: Invoice;
}

/**
 * Payments, deposits, refunds and payment voids. Each runs once per idempotency key (a double
 * click or a retry replays the first answer), never takes more than the balance, and is audited
 * in its transaction; the payment that settles an invoice moves its jobs to Paid.
 */
export class PaymentsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly repairOrders: RepairOrdersService,
    private readonly ledger: InvoiceLedger,
  ) {}

  // ------------------------------------------------------------------ payments

  /** A payment on an invoice: never more than the balance; the last cent settles the invoice. */
  async pay(
    actor: Actor,
    invoiceId: string,
    input: PaymentInput,
    key: string,
  ): Promise<StoredResult<PaymentResult>> {
    return this.idempotent(key, requestHash('pay', invoiceId, input), async (tx) => {
      this.checkMethodFields(input);
      const row = await this.ledger.openInvoice(tx, invoiceId);
      const balance = balanceOf(row);
      if (input.amountCents > balance) throw overpayment(input.amountCents, balance);
      const payment = await this.insertMoney(tx, actor, key, {
        kind: 'payment',
        invoiceId,
        repairOrderId: row.repair_order_id,
        customerId: row.customer_id,
        input,
      });
      await this.ledger.changeInvoice(tx, row, { paid_cents: row.paid_cents + input.amountCents });
      await this.audit.record(tx, actor, {
        action: 'payment.recorded',
        entityType: 'invoice',
        entityId: invoiceId,
        data: {
          number: row.number,
          paymentId: payment.id,
          method: input.method,
          amountCents: input.amountCents,
        },
      });
      this.ledger.announce(tx, invoiceId, row.repair_order_id, 'payment');
      await this.ledger.settleIfPaid(tx, actor, (await findInvoice(tx, invoiceId))!);
      return this.recordedOnInvoice(tx, payment, invoiceId);
    });
  }

  /** A deposit on a repair order before its invoice; applied when the invoice is issued. */
  async deposit(
    actor: Actor,
    repairOrderId: string,
    input: PaymentInput,
    key: string,
  ): Promise<StoredResult<Payment>> {
    return this.idempotent(key, requestHash('deposit', repairOrderId, input), async (tx) => {
      this.checkMethodFields(input);
      const ro = orNotFound(await this.repairOrders.find(tx, repairOrderId), 'repair order', repairOrderId);
      if (ro.status !== 'open' && ro.status !== 'estimate')
        throw problems.conflict(
          `Repair order ${ro.number} is ${ro.status}: take a payment on its invoice instead.`,
          'repair-order-status',
          { repairOrderStatus: ro.status },
        );
      const payment = await this.insertMoney(tx, actor, key, {
        kind: 'deposit',
        invoiceId: null,
        repairOrderId,
        customerId: ro.customer.id,
        input,
      });
      await this.audit.record(tx, actor, {
        action: 'payment.deposit_recorded',
        entityType: 'repair_order',
        entityId: repairOrderId,
        data: {
          number: ro.number,
          paymentId: payment.id,
          method: input.method,
          amountCents: input.amountCents,
        },
      });
      this.ledger.announce(tx, null, repairOrderId, 'deposit');
      return { statusCode: 201, body: await this.ledger.toPayment(tx, payment) };
    });
  }

  /** Money back on a payment of this invoice, at most what is left of that payment. */
  async refund(
    actor: Actor,
    invoiceId: string,
    input: RefundInput,
    key: string,
  ): Promise<StoredResult<PaymentResult>> {
    return this.idempotent(key, requestHash('refund', invoiceId, input), async (tx) => {
      const row = orNotFound(await findInvoice(tx, invoiceId), 'invoice', invoiceId);
      if (row.status === 'void') throw this.ledger.voidProblem(row);
      const original = await findPayment(tx, input.paymentId);
      if (original === undefined || original.invoice_id !== invoiceId || original.kind === 'refund')
        throw problems.validation([{ path: 'paymentId', message: 'is not a payment of this invoice' }]);
      if (original.status !== 'recorded')
        throw problems.conflict('That payment is void.', 'payment-void', { paymentId: original.id });
      const refundable = original.amount_cents - (await refundedOf(tx, original.id));
      if (input.amountCents > refundable) throw overpayment(input.amountCents, refundable);
      const refund = await this.insertMoney(tx, actor, key, {
        kind: 'refund',
        invoiceId,
        repairOrderId: row.repair_order_id,
        customerId: row.customer_id,
        input: { method: original.method, amountCents: input.amountCents },
        refundOf: original.id,
        reason: input.reason.trim(),
      });
      await this.ledger.changeInvoice(tx, row, {
        paid_cents: row.paid_cents - input.amountCents,
        ...(row.status === 'paid' ? { status: 'issued' as const, paid_at: null } : {}),
      });
      await this.audit.record(tx, actor, {
        action: 'payment.refunded',
        entityType: 'invoice',
        entityId: invoiceId,
        data: {
          number: row.number,
          paymentId: refund.id,
          refundOf: original.id,
          amountCents: input.amountCents,
          reason: input.reason.trim(),
        },
      });
      this.ledger.announce(tx, invoiceId, row.repair_order_id, 'refund');
      return this.recordedOnInvoice(tx, refund, invoiceId);
    });
  }

  /** Voids a payment or deposit recorded by mistake: its amount is owed again. */
  async voidPayment(
    actor: Actor,
    paymentId: string,
    input: ReasonInput,
    key: string,
  ): Promise<StoredResult<Payment>> {
    return this.idempotent(key, requestHash('void-payment', paymentId, input), async (tx) => {
      const payment = orNotFound(await findPayment(tx, paymentId), 'payment', paymentId);
      if (payment.status === 'void')
        throw problems.conflict('That payment is already void.', 'payment-void', { paymentId });
      if (payment.kind !== 'refund' && (await refundedOf(tx, paymentId)) > 0)
        throw problems.conflict('That payment has refunds: it can no longer be voided.', 'payment-refunded');
      const at = this.now();
      if (payment.invoice_id !== null) {
        const row = (await findInvoice(tx, payment.invoice_id))!;
        if (row.status === 'void') throw this.ledger.voidProblem(row);
        const delta = payment.kind === 'refund' ? payment.amount_cents : -payment.amount_cents;
        if (delta > 0 && delta > balanceOf(row)) throw overpayment(delta, balanceOf(row));
        await this.ledger.changeInvoice(tx, row, {
          paid_cents: row.paid_cents + delta,
          ...(row.status === 'paid' && delta < 0 ? { status: 'issued' as const, paid_at: null } : {}),
        });
      }
      await updatePayment(tx, paymentId, {
        status: 'void',
        void_reason: input.reason.trim(),
        voided_at: at,
        updated_at: at,
      });
      await this.audit.record(tx, actor, {
        action: 'payment.voided',
        entityType: 'payment',
        entityId: paymentId,
        data: {
          invoiceId: payment.invoice_id,
          kind: payment.kind,
          amountCents: payment.amount_cents,
          reason: input.reason.trim(),
        },
      });
      this.ledger.announce(tx, payment.invoice_id, payment.repair_order_id, 'payment_voided');
      if (payment.invoice_id !== null)
        await this.ledger.settleIfPaid(tx, actor, (await findInvoice(tx, payment.invoice_id))!);
      return {
        statusCode: 200,
        body: await this.ledger.toPayment(tx, (await findPayment(tx, paymentId))!),
      };
    });
  }

  /** The deposits of a repair order: waiting for its invoice (invoiceId null) or applied to one. */
  async depositsOf(repairOrderId: string): Promise<Payment[]> {
    if ((await this.repairOrders.find(this.db, repairOrderId)) === undefined)
      throw problems.notFound(`No repair order with id ${repairOrderId}.`);
    return this.ledger.toPayments(this.db, await listDepositsOfRepairOrder(this.db, repairOrderId));
  }

  // ------------------------------------------------------------------ internals

  /**
   * Runs `work` once per idempotency key: the first successful answer is stored in the same
   * transaction and replayed for the same key and request; the same key with a different request
   * is a 409. A refused request (4xx) stores nothing, so it can be corrected and retried.
   */
  private async idempotent<T>(
    key: string,
    hash: string,
    work: (tx: Db) => Promise<StoredResult<T>>,
  ): Promise<StoredResult<T>> {
    return inTransaction(this.db, async (tx) => {
      const stored = await findIdempotencyKey(tx, key);
      if (stored !== undefined) {
        if (stored.request_hash !== hash)
          throw new HttpProblem({
            status: 409,
            title: 'Conflict',
            slug: 'idempotency-key-reused',
            detail: 'This Idempotency-Key was used for a different request.',
            errors: [{ path: 'Idempotency-Key', message: 'was used for a different request' }],
          });
        return { statusCode: stored.status_code, body: JSON.parse(stored.response_body) as T };
      }
      const answer = await work(tx);
      const at = this.now();
      await insertIdempotencyKey(tx, {
        key,
        request_hash: hash,
        status_code: answer.statusCode,
        response_body: JSON.stringify(answer.body),
        created_at: at,
        updated_at: at,
      });
      return answer;
    });
  }

  /** 201: the money recorded on an invoice, and the invoice as it stands now. */
  private async recordedOnInvoice(
    tx: Db,
    payment: PaymentRow,
    invoiceId: string,
  ): Promise<StoredResult<PaymentResult>> {
    return {
      statusCode: 201,
      body: {
        payment: await this.ledger.toPayment(tx, payment),
        invoice: (await this.ledger.read(tx, invoiceId))!,
      },
    };
  }

  private async insertMoney(
    tx: Db,
    actor: Actor,
    key: string,
    money: {
      kind: 'payment' | 'deposit' | 'refund';
      invoiceId: string | null;
      repairOrderId: string;
      customerId: string;
      input: { method: PaymentMethod; amountCents: number; cardReference?: string; checkNumber?: string };
      refundOf?: string;
      reason?: string;
    },
  ): Promise<PaymentRow> {
    const at = this.now();
    const id = newId();
    await insertPayment(tx, {
      id,
      kind: money.kind,
      invoice_id: money.invoiceId,
      repair_order_id: money.repairOrderId,
      customer_id: money.customerId,
      method: money.input.method,
      amount_cents: money.input.amountCents,
      card_reference: money.input.cardReference?.trim() ?? null,
      check_number: money.input.checkNumber?.trim() ?? null,
      refund_of: money.refundOf ?? null,
      reason: money.reason ?? null,
      void_reason: null,
      voided_at: null,
      idempotency_key: key,
      received_by: actor.userId,
      received_at: at,
      created_at: at,
      updated_at: at,
    });
    return (await findPayment(tx, id))!;
  }

  private checkMethodFields(input: PaymentInput): void {
    const errors: FieldError[] = [];
    if (input.method === 'card' && input.cardReference === undefined)
      errors.push({ path: 'cardReference', message: 'is required for a card payment (terminal reference)' });
    if (input.method === 'check' && input.checkNumber === undefined)
      errors.push({ path: 'checkNumber', message: 'is required for a check' });
    if (input.method !== 'card' && input.cardReference !== undefined)
      errors.push({ path: 'cardReference', message: 'is only for card payments' });
    if (input.method !== 'check' && input.checkNumber !== undefined)
      errors.push({ path: 'checkNumber', message: 'is only for checks' });
    if (errors.length > 0) throw problems.validation(errors);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
