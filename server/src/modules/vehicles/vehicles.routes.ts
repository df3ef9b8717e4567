import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { VehiclesService } from './vehicles.service.js';

export const vehiclesRoutes: FastifyPluginAsyncTypebox<{ service: VehiclesService }> = async () => {};
