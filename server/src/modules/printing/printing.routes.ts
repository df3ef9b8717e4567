import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  BinLabelsBody,
  DeviceIdParams,
  PreviewQuery,
  PrintBody,
  PrinterListSchema,
  PrinterSchema,
  PrintJobListQuery,
  PrintJobListSchema,
  PrintJobSchema,
  PutPrinterBody,
} from './printing.schemas.js';
import type { PrintingService } from './printing.service.js';
import { requestOrigin } from '../../lib/network.js';
import { accepted } from '../../lib/replies.js';

const tags = ['printing'];
const Svg = Type.Unsafe<string>({ type: 'string', description: 'image/svg+xml' });
/** 202: the label is in the print queue; its status says when it has printed. */
const Queued = withProblems({ 202: PrintJobSchema });

export const printingRoutes: FastifyPluginAsyncTypebox<{ service: PrintingService }> = async (
  app,
  { service },
) => {
  app.get(
    '/api/printers',
    {
      schema: {
        tags,
        summary: 'Label printers, with reachability and queue length',
        response: withProblems({ 200: PrinterListSchema }),
      },
    },
    async () => service.listPrinters(),
  );
  app.put(
    '/api/printers/:deviceId',
    {
      schema: {
        tags,
        summary: 'How to reach a label-printer device (TCP host/port 9100, or a serial port)',
        params: DeviceIdParams,
        body: PutPrinterBody,
        response: withProblems({ 200: PrinterSchema }),
      },
    },
    async (request) => service.putPrinter(actorOf(request), request.params.deviceId, request.body),
  );

  app.post(
    '/api/repair-orders/:id/key-tag',
    {
      schema: {
        tags,
        summary: "Print the repair order's key tag",
        params: IdParams,
        body: PrintBody,
        response: Queued,
      },
    },
    async (request, reply) =>
      accepted(
        reply,
        service.printKeyTag(
          actorOf(request),
          request.params.id,
          request.body.printerId,
          requestOrigin(request),
        ),
      ),
  );
  app.post(
    '/api/repair-orders/:id/oil-sticker',
    {
      schema: {
        tags,
        summary: 'Print the oil-change windshield sticker',
        params: IdParams,
        body: PrintBody,
        response: Queued,
      },
    },
    async (request, reply) =>
      accepted(reply, service.printOilSticker(actorOf(request), request.params.id, request.body.printerId)),
  );
  app.post(
    '/api/inventory/bin-labels',
    {
      schema: {
        tags,
        summary: 'Print bin labels for inventory items',
        body: BinLabelsBody,
        response: Queued,
      },
    },
    async (request, reply) =>
      accepted(reply, service.printBinLabels(actorOf(request), request.body.itemIds, request.body.printerId)),
  );

  app.get(
    '/api/print-jobs',
    {
      schema: {
        tags,
        summary: 'The print queue, newest first',
        querystring: PrintJobListQuery,
        response: withProblems({ 200: PrintJobListSchema }),
      },
    },
    async (request) => ({ items: await service.listJobs(request.query) }),
  );
  app.get(
    '/api/print-jobs/:id',
    {
      schema: {
        tags,
        summary: 'One print job',
        params: IdParams,
        response: withProblems({ 200: PrintJobSchema }),
      },
    },
    async (request) => service.getJob(request.params.id),
  );
  app.get(
    '/api/print-jobs/:id/preview',
    {
      schema: {
        tags,
        summary: "A job's label as SVG",
        params: IdParams,
        response: withProblems({ 200: Svg }),
      },
    },
    async (request, reply) => reply.type('image/svg+xml').send(await service.jobPreview(request.params.id)),
  );
  app.post(
    '/api/print-jobs/:id/reprint',
    {
      schema: {
        tags,
        summary: 'Print the same label again (a new job, marked as a reprint)',
        params: IdParams,
        response: Queued,
      },
    },
    async (request, reply) => accepted(reply, service.reprint(actorOf(request), request.params.id)),
  );
  app.post(
    '/api/print-jobs/:id/retry',
    { schema: { tags, summary: 'Put a failed job back in the queue', params: IdParams, response: Queued } },
    async (request, reply) => accepted(reply, service.retry(actorOf(request), request.params.id)),
  );

  app.get(
    '/api/labels/preview',
    {
      schema: {
        tags,
        summary: 'A label as SVG, drawn from the document that would be printed',
        querystring: PreviewQuery,
        response: withProblems({ 200: Svg }),
      },
    },
    async (request, reply) =>
      reply.type('image/svg+xml').send(await service.preview(request.query, requestOrigin(request))),
  );
};
