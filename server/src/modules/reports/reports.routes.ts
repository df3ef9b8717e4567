import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { withProblems } from '../../lib/schema.js';
import {
  CsvSchema,
  EndOfDayQuery,
  EndOfDayReportSchema,
  IifSchema,
  InventoryReportSchema,
  KpiQuery,
  KpiReportSchema,
  RangeQuery,
  TechniciansReportSchema,
} from './reports.schemas.js';
import type { ReportsService } from './reports.service.js';
import { endOfDayCsv, inventoryCsv, kpisCsv, techniciansCsv } from './reports-csv.js';

const tags = ['reports'];

function attachment(reply: FastifyReply, type: string, filename: string, body: string) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

function csv(reply: FastifyReply, filename: string, body: string) {
  return attachment(reply, 'text/csv; charset=utf-8', filename, body);
}

export const reportsRoutes: FastifyPluginAsyncTypebox<{ service: ReportsService }> = async (
  app,
  { service },
) => {
  app.get(
    '/api/reports/kpis',
    {
      schema: {
        tags,
        summary:
          "The owner's KPIs per day, ISO week or month (shop time zone), each with its formula and parts",
        querystring: KpiQuery,
        response: withProblems({ 200: KpiReportSchema }),
      },
    },
    async (request) => service.kpis(request.query),
  );
  app.get(
    '/api/reports/kpis.csv',
    {
      schema: {
        tags,
        summary: 'The KPIs as CSV: one row per metric and bucket, then the total',
        querystring: KpiQuery,
        response: withProblems({ 200: CsvSchema }),
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      return csv(reply, `kpis-${from}-to-${to}.csv`, kpisCsv(await service.kpis(request.query)));
    },
  );

  app.get(
    '/api/reports/technicians',
    {
      schema: {
        tags,
        summary: 'Per technician: billed, clocked and available hours, efficiency, productivity, proficiency',
        querystring: RangeQuery,
        response: withProblems({ 200: TechniciansReportSchema }),
      },
    },
    async (request) => service.technicians(request.query),
  );
  app.get(
    '/api/reports/technicians.csv',
    {
      schema: {
        tags,
        summary: 'The technician report as CSV',
        querystring: RangeQuery,
        response: withProblems({ 200: CsvSchema }),
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      return csv(
        reply,
        `technicians-${from}-to-${to}.csv`,
        techniciansCsv(await service.technicians(request.query)),
      );
    },
  );

  app.get(
    '/api/reports/inventory',
    {
      schema: {
        tags,
        summary: 'Inventory value now, at the start and end of the period, cost issued, and turns',
        querystring: RangeQuery,
        response: withProblems({ 200: InventoryReportSchema }),
      },
    },
    async (request) => service.inventory(request.query),
  );
  app.get(
    '/api/reports/inventory.csv',
    {
      schema: {
        tags,
        summary: 'The inventory report as CSV',
        querystring: RangeQuery,
        response: withProblems({ 200: CsvSchema }),
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      return csv(
        reply,
        `inventory-${from}-to-${to}.csv`,
        inventoryCsv(await service.inventory(request.query)),
      );
    },
  );

  app.get(
    '/api/reports/end-of-day',
    {
      schema: {
        tags,
        summary:
          'End of day: payments by method, deposits, voids, invoices, A/R, card references, expected cash',
        querystring: EndOfDayQuery,
        response: withProblems({ 200: EndOfDayReportSchema }),
      },
    },
    async (request) => service.endOfDay(request.query),
  );
  app.get(
    '/api/reports/end-of-day.csv',
    {
      schema: {
        tags,
        summary: 'The end-of-day report as CSV',
        querystring: EndOfDayQuery,
        response: withProblems({ 200: CsvSchema }),
      },
    },
    async (request, reply) =>
      csv(reply, `end-of-day-${request.query.date}.csv`, endOfDayCsv(await service.endOfDay(request.query))),
  );

  app.get(
    '/api/reports/accounting.iif',
    {
      schema: {
        tags,
        summary:
          'QuickBooks Desktop IIF: invoices, payments, refunds and credit notes of the period; each transaction balances',
        querystring: RangeQuery,
        response: withProblems({ 200: IifSchema }),
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      return attachment(
        reply,
        'application/x-iif; charset=utf-8',
        `ase-accounting-${from}-to-${to}.iif`,
        await service.accountingIif(request.query),
      );
    },
  );
  app.get(
    '/api/reports/accounting.csv',
    {
      schema: {
        tags,
        summary:
          'Accounting export as CSV (QuickBooks Online): one row per invoice, payment, refund, credit note',
        querystring: RangeQuery,
        response: withProblems({ 200: CsvSchema }),
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      return csv(reply, `ase-accounting-${from}-to-${to}.csv`, await service.accountingCsv(request.query));
    },
  );
};
