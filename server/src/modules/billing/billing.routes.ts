import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  AgingQuery,
  AgingSchema,
  ChargeToAccountBody,
  CreditNoteBody,
  DepositListSchema,
  IdempotencyHeaders,
  InvoiceListQuery,
  InvoicePageSchema,
  InvoiceSchema,
  IssueInvoiceBody,
  PaymentBody,
  PaymentSchema,
  ReasonBody,
  RefundBody,
} from './billing.schemas.js';
import type { BillingService } from './billing.service.js';
import { InvoiceDocumentSchema } from './invoice-document.schemas.js';
import type { PaymentsService, StoredResult } from './payments.service.js';
import type { Actor } from '../audit/audit.service.js';
import { idempotencyKeyOf } from './idempotency.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['billing'];
const PaymentResultSchema = Type.Object({ payment: PaymentSchema, invoice: InvoiceSchema });

export const billingRoutes: FastifyPluginAsyncTypebox<{
  service: BillingService;
  payments: PaymentsService;
}> = async (app, { service, payments }) => {
  tagRoutes(app, tags);
  /**
   * A money POST on `:id` that runs once per idempotency key: the key comes from the
   * `Idempotency-Key` header or the body's `idempotencyKey` (one is required, both must agree), and
   * a retry or double click gets the first answer again, status and body, from the service.
   */
  function idempotentMoneyPost<B extends TObject, R extends TSchema>(
    url: string,
    doc: { summary: string; body: B },
    answer: { status: 200 | 201; schema: R },
    run: (actor: Actor, id: string, body: Static<B>, key: string) => Promise<StoredResult<Static<R>>>,
  ): void {
    app.post(
      url,
      {
        schema: {
          summary: `${doc.summary}. Idempotency-Key required`,
          params: IdParams,
          headers: IdempotencyHeaders,
          body: doc.body,
          // Widened to plain schemas: fastify cannot type a reply against a generic schema.
          response: withProblems<Record<number, TSchema>>({ [answer.status]: answer.schema }),
        },
      },
      async (request, reply) => {
        const body = request.body as Static<B> & { idempotencyKey?: string };
        const key = idempotencyKeyOf(request.headers['idempotency-key'], body.idempotencyKey);
        const result = await run(actorOf(request), request.params.id, body, key);
        return reply.code(result.statusCode).send(result.body);
      },
    );
  }

  app.post(
    '/api/invoices',
    {
      schema: {
        summary: "Issue the invoice of a repair order's approved work (locks the work, applies deposits)",
        body: IssueInvoiceBody,
        response: withProblems({ 201: InvoiceSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.issue(actorOf(request), request.body)),
  );

  app.get(
    '/api/invoices',
    {
      schema: {
        summary: 'Invoices, newest first, by repair order, customer or status',
        querystring: InvoiceListQuery,
        response: withProblems({ 200: InvoicePageSchema }),
      },
    },
    async (request) => service.list(request.query),
  );

  app.get(
    '/api/invoices/:id',
    {
      schema: {
        summary:
          'One invoice with lines, totals, payments, credit notes and balance (the print page reads this)',
        params: IdParams,
        response: withProblems({ 200: InvoiceSchema }),
      },
    },
    async (request) => service.get(request.params.id),
  );

  app.get(
    '/api/invoices/:id/document',
    {
      schema: {
        summary:
          'What the paper invoice carries: the invoice, shop registration numbers, odometer in/out, technicians and 3C, part numbers, declined work, warranty and legal text (the print page reads this)',
        params: IdParams,
        response: withProblems({ 200: InvoiceDocumentSchema }),
      },
    },
    async (request) => service.document(request.params.id),
  );

  app.get(
    '/api/invoices/:id/pdf',
    {
      schema: {
        summary: 'The invoice as a PDF',
        params: IdParams,
        response: withProblems({ 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) }),
      },
    },
    async (request, reply) => {
      const { number, pdf } = await service.pdf(request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="invoice-${number}.pdf"`)
        .send(pdf);
    },
  );

  idempotentMoneyPost(
    '/api/invoices/:id/payments',
    { summary: 'Take a payment (cash, card, check); never more than the balance', body: PaymentBody },
    { status: 201, schema: PaymentResultSchema },
    (actor, invoiceId, body, key) => payments.pay(actor, invoiceId, body, key),
  );

  idempotentMoneyPost(
    '/api/invoices/:id/refunds',
    { summary: 'Refund (part of) a payment of this invoice, with a reason', body: RefundBody },
    { status: 201, schema: PaymentResultSchema },
    (actor, invoiceId, body, key) => payments.refund(actor, invoiceId, body, key),
  );

  app.post(
    '/api/invoices/:id/credit-notes',
    {
      schema: {
        summary: 'Correct an invoice by a credit note (its own number); never below zero owed',
        params: IdParams,
        body: CreditNoteBody,
        response: withProblems({ 201: InvoiceSchema }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.creditNote(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/invoices/:id/void',
    {
      schema: {
        summary: 'Void an invoice with nothing paid on it (the repair order reopens)',
        params: IdParams,
        body: ReasonBody,
        response: withProblems({ 200: InvoiceSchema }),
      },
    },
    async (request) => service.voidInvoice(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/invoices/:id/charge-to-account',
    {
      schema: {
        summary: 'Business and fleet customers: leave the balance on account, due after the terms',
        params: IdParams,
        body: ChargeToAccountBody,
        response: withProblems({ 200: InvoiceSchema }),
      },
    },
    async (request) => service.chargeToAccount(actorOf(request), request.params.id, request.body.termsDays),
  );

  idempotentMoneyPost(
    '/api/repair-orders/:id/deposits',
    { summary: 'Take a deposit before the invoice; applied when it is issued', body: PaymentBody },
    { status: 201, schema: PaymentSchema },
    (actor, repairOrderId, body, key) => payments.deposit(actor, repairOrderId, body, key),
  );

  app.get(
    '/api/repair-orders/:id/deposits',
    {
      schema: {
        summary: "A repair order's deposits: not yet applied (invoiceId null) and applied to its invoice",
        params: IdParams,
        response: withProblems({ 200: DepositListSchema }),
      },
    },
    async (request) => ({ items: await payments.depositsOf(request.params.id) }),
  );

  idempotentMoneyPost(
    '/api/payments/:id/void',
    { summary: 'Void a payment recorded by mistake, with a reason', body: ReasonBody },
    { status: 200, schema: PaymentSchema },
    (actor, paymentId, body, key) => payments.voidPayment(actor, paymentId, body, key),
  );

  app.get(
    '/api/accounts-receivable/aging',
    {
      schema: {
        summary: 'Open balances by days past due: current, 1–30, 31–60, 61–90, over 90',
        querystring: AgingQuery,
        response: withProblems({ 200: AgingSchema }),
      },
    },
    async (request) => service.aging(request.query.asOf),
  );
};
