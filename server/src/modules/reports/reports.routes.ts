import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { download } from '../../lib/replies.js';
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
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['reports'];

function csv(reply: FastifyReply, filename: string, body: string) {
  return download(reply, { type: 'text/csv; charset=utf-8', filename, body });
}

/** The `<from>-to-<to>` of a range report's file name. */
function rangeName({ from, to }: { from: string; to: string }): string {
  return `${from}-to-${to}`;
}

/**
 * One report, served in two forms from one definition: the JSON at `url` and the same report,
 * read once, as a CSV download at `url.csv`. The CSV is the JSON turned into rows, so the two can
 * never disagree on what the report says.
 */
interface ReportDefinition<Q extends TObject, R extends TSchema> {
  url: string;
  summary: string;
  csvSummary: string;
  querystring: Q;
  schema: R;
  load(query: Static<Q>): Promise<Static<R>>;
  csv(report: Static<R>): string;
  /** The download's name, without `.csv`. */
  fileName(query: Static<Q>): string;
}

export const reportsRoutes: FastifyPluginAsyncTypebox<{ service: ReportsService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  function report<Q extends TObject, R extends TSchema>(definition: ReportDefinition<Q, R>): void {
    // Widened to plain schemas: fastify cannot type a handler against a generic schema.
    const querystring: TObject = definition.querystring;
    app.get(
      definition.url,
      {
        schema: {
          summary: definition.summary,
          querystring,
          response: withProblems<Record<number, TSchema>>({ 200: definition.schema }),
        },
      },
      async (request) => definition.load(request.query as Static<Q>),
    );
    app.get(
      `${definition.url}.csv`,
      {
        schema: {
          summary: definition.csvSummary,
          querystring,
          response: withProblems({ 200: CsvSchema }),
        },
      },
      async (request, reply) => {
        const query = request.query as Static<Q>;
        return csv(reply, `${definition.fileName(query)}.csv`, definition.csv(await definition.load(query)));
      },
    );
  }

  report({
    url: '/api/reports/kpis',
    summary: "The owner's KPIs per day, ISO week or month (shop time zone), each with its formula and parts",
    csvSummary: 'The KPIs as CSV: one row per metric and bucket, then the total',
    querystring: KpiQuery,
    schema: KpiReportSchema,
    load: (query) => service.kpis(query),
    csv: kpisCsv,
    fileName: (query) => `kpis-${rangeName(query)}`,
  });

  report({
    url: '/api/reports/technicians',
    summary: 'Per technician: billed, clocked and available hours, efficiency, productivity, proficiency',
    csvSummary: 'The technician report as CSV',
    querystring: RangeQuery,
    schema: TechniciansReportSchema,
    load: (query) => service.technicians(query),
    csv: techniciansCsv,
    fileName: (query) => `technicians-${rangeName(query)}`,
  });

  report({
    url: '/api/reports/inventory',
    summary: 'Inventory value now, at the start and end of the period, cost issued, and turns',
    csvSummary: 'The inventory report as CSV',
    querystring: RangeQuery,
    schema: InventoryReportSchema,
    load: (query) => service.inventory(query),
    csv: inventoryCsv,
    fileName: (query) => `inventory-${rangeName(query)}`,
  });

  report({
    url: '/api/reports/end-of-day',
    summary: 'End of day: payments by method, deposits, voids, invoices, A/R, card references, expected cash',
    csvSummary: 'The end-of-day report as CSV',
    querystring: EndOfDayQuery,
    schema: EndOfDayReportSchema,
    load: (query) => service.endOfDay(query),
    csv: endOfDayCsv,
    fileName: (query) => `end-of-day-${query.date}`,
  });

  app.get(
    '/api/reports/accounting.iif',
    {
      schema: {
        summary:
          'QuickBooks Desktop IIF: invoices, payments, refunds and credit notes of the period; each transaction balances',
        querystring: RangeQuery,
        response: withProblems({ 200: IifSchema }),
      },
    },
    async (request, reply) =>
      download(reply, {
        type: 'application/x-iif; charset=utf-8',
        filename: `ase-accounting-${rangeName(request.query)}.iif`,
        body: await service.accountingIif(request.query),
      }),
  );
  app.get(
    '/api/reports/accounting.csv',
    {
      schema: {
        summary:
          'Accounting export as CSV (QuickBooks Online): one row per invoice, payment, refund, credit note',
        querystring: RangeQuery,
        response: withProblems({ 200: CsvSchema }),
      },
    },
    async (request, reply) =>
      csv(
        reply,
        `ase-accounting-${rangeName(request.query)}.csv`,
        await service.accountingCsv(request.query),
      ),
  );
};
