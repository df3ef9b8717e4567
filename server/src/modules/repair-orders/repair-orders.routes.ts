import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { RepairOrdersService } from './repair-orders.service.js';

export const repairOrdersRoutes: FastifyPluginAsyncTypebox<{ service: RepairOrdersService }> = async () => {};
