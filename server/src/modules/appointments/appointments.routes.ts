import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppointmentsService } from './appointments.service.js';

export const appointmentsRoutes: FastifyPluginAsyncTypebox<{ service: AppointmentsService }> = async () => {};
