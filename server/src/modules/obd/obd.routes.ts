import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, Uuid, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import type { DongleReports } from './obd-dongles.service.js';
import {
  AttachBody,
  AttachResultSchema,
  ObdClearBody,
  ObdClearResultSchema,
  ObdScanBody,
  ObdScanResultSchema,
  UnmatchedListSchema,
  VehicleObdSchema,
} from './obd.schemas.js';
import type { ObdService } from './obd.service.js';

const tags = ['obd'];

export const obdRoutes: FastifyPluginAsyncTypebox<{ service: ObdService; dongles: DongleReports }> = async (
  app,
  { service, dongles },
) => {
  app.get(
    '/api/vehicles/:id/obd',
    {
      schema: {
        tags,
        summary:
          "The vehicle's OBD scans (codes with descriptions) and odometer readings waiting for a confirmation",
        params: IdParams,
        response: withProblems({ 200: VehicleObdSchema }),
      },
    },
    async (request) => service.forVehicle(request.params.id),
  );
  app.post(
    '/api/vehicles/:id/obd-scan',
    {
      schema: {
        tags,
        summary:
          "Scan the car with the server's ELM327 adapter and store the scan (on the open repair order)",
        params: IdParams,
        body: ObdScanBody,
        response: withProblems({ 201: ObdScanResultSchema }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.scan(actorOf(request), request.params.id, request.body ?? {})),
  );
  app.post(
    '/api/vehicles/:id/obd-clear',
    {
      schema: {
        tags,
        summary: "Clear the car's codes (mode 04) with the server's adapter; needs confirm: true",
        params: IdParams,
        body: ObdClearBody,
        response: withProblems({ 200: ObdClearResultSchema }),
      },
    },
    async (request) => service.clear(actorOf(request), request.params.id, request.body.confirm),
  );
  app.post(
    '/api/obd/odometer-holds/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm an OBD odometer reading lower than the last one (replaced cluster): it is recorded',
        params: IdParams,
        response: withProblems({ 200: Type.Object({ vehicleId: Uuid, readingKm: Type.Integer() }) }),
      },
    },
    async (request) => service.confirmOdometerHold(actorOf(request), request.params.id),
  );
  app.get(
    '/api/obd/unmatched',
    {
      schema: {
        tags,
        summary: 'Dongle reports whose VIN matches no vehicle, waiting to be attached',
        response: withProblems({ 200: UnmatchedListSchema }),
      },
    },
    async () => ({ items: await dongles.unmatched() }),
  );
  app.post(
    '/api/obd/unmatched/:id/attach',
    {
      schema: {
        tags,
        summary: "Attach a waiting report (and that dongle's other reports of the same VIN) to a vehicle",
        params: IdParams,
        body: AttachBody,
        response: withProblems({ 200: AttachResultSchema }),
      },
    },
    async (request) => dongles.attach(actorOf(request), request.params.id, request.body.vehicleId),
  );
};
