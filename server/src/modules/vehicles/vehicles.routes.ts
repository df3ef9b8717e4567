import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpProblem } from '../../lib/problem.js';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  CreateVehicleBody,
  ListVehiclesQuery,
  OdometerHistorySchema,
  OdometerReadingSchema,
  RecordOdometerBody,
  TransferVehicleBody,
  UpdateVehicleBody,
  VehicleDetailSchema,
  VehiclePageSchema,
  VinDecodeSchema,
  VinParams,
} from './vehicles.schemas.js';
import type { VehiclesService } from './vehicles.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['vehicles'];

export const vehiclesRoutes: FastifyPluginAsyncTypebox<{ service: VehiclesService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  // The decoder keeps the vPIC database open between requests; release it with the app.
  app.addHook('onClose', async () => service.close());

  app.get(
    '/api/vehicles',
    {
      schema: {
        summary: 'Vehicles, newest first; filter by current owner',
        querystring: ListVehiclesQuery,
        response: withProblems({ 200: VehiclePageSchema }),
      },
    },
    async (request) => service.list(request.query),
  );
  app.post(
    '/api/vehicles',
    {
      schema: {
        summary: 'Add a vehicle (make, model and year are filled from the VIN when left out)',
        body: CreateVehicleBody,
        response: withProblems({ 201: VehicleDetailSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );
  app.get(
    '/api/vehicles/:id',
    {
      schema: {
        summary: 'One vehicle with its current owner and ownership history',
        params: IdParams,
        response: withProblems({ 200: VehicleDetailSchema }),
      },
    },
    async (request) => service.get(request.params.id),
  );
  app.patch(
    '/api/vehicles/:id',
    {
      schema: {
        summary: 'Change a vehicle (send the version you read; null clears a field)',
        params: IdParams,
        body: UpdateVehicleBody,
        response: withProblems({ 200: VehicleDetailSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/vehicles/:id/odometer',
    {
      schema: {
        summary: 'Odometer readings, newest first',
        params: IdParams,
        response: withProblems({ 200: OdometerHistorySchema }),
      },
    },
    async (request) => ({ items: await service.odometerHistory(request.params.id) }),
  );
  app.post(
    '/api/vehicles/:id/odometer',
    {
      schema: {
        summary: 'Record an odometer reading (a lower one needs confirmLower)',
        params: IdParams,
        body: RecordOdometerBody,
        response: withProblems({ 201: OdometerReadingSchema }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.addOdometerReading(actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/vehicles/:id/transfer',
    {
      schema: {
        summary: 'Give the vehicle a new owner; its history stays with it',
        params: IdParams,
        body: TransferVehicleBody,
        response: withProblems({ 200: VehicleDetailSchema }),
      },
    },
    async (request) => service.transfer(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/vin/:vin/decode',
    {
      schema: {
        summary: 'Check a VIN and decode it offline (NHTSA vPIC data): year, make, model, trim, engine, body',
        params: VinParams,
        response: withProblems({ 200: VinDecodeSchema }),
      },
    },
    async (request) => {
      try {
        return await service.decodeVin(request.params.vin);
      } catch (error) {
        if (error instanceof HttpProblem && error.status === 503)
          request.log.error({ err: error.cause }, 'offline VIN database unavailable');
        throw error;
      }
    },
  );
};
