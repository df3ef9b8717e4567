import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CustomersService } from './customers.service.js';

export const customersRoutes: FastifyPluginAsyncTypebox<{ service: CustomersService }> = async () => {};
