import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  AppointmentPageSchema,
  AppointmentSchema,
  ArriveAppointmentBody,
  CloseAppointmentBody,
  CreateAppointmentBody,
  ListAppointmentsQuery,
  UpdateAppointmentBody,
} from './appointments.schemas.js';
import type { AppointmentsService } from './appointments.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['appointments'];

/** The status actions take an optional body: a bare POST from a button means `{}`. */
async function emptyBodyIsObject(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}

export const appointmentsRoutes: FastifyPluginAsyncTypebox<{ service: AppointmentsService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/appointments',
    {
      schema: {
        summary: 'Appointments overlapping a time window (default: today, UTC), by start time',
        querystring: ListAppointmentsQuery,
        response: withProblems({ 200: AppointmentPageSchema }),
      },
    },
    async (request) => service.list(request.query),
  );

  app.post(
    '/api/appointments',
    {
      schema: {
        summary: 'Book an appointment (409 appointment-conflict when the bay or technician is taken)',
        body: CreateAppointmentBody,
        response: withProblems({ 201: AppointmentSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/appointments/:id',
    {
      schema: {
        summary: 'One appointment',
        params: IdParams,
        response: withProblems({ 200: AppointmentSchema }),
      },
    },
    async (request) => service.get(request.params.id),
  );

  app.patch(
    '/api/appointments/:id',
    {
      schema: {
        summary: 'Change or move a booked appointment (send the version you read)',
        params: IdParams,
        body: UpdateAppointmentBody,
        response: withProblems({ 200: AppointmentSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  // The two ways a booked appointment ends without the car: the same request, another outcome.
  for (const { verb, summary, close } of [
    {
      verb: 'cancel',
      summary: 'Cancel a booked appointment: its bay and technician are free again',
      close: service.cancel.bind(service),
    },
    {
      verb: 'no-show',
      summary: 'Mark a booked appointment as a no-show',
      close: service.noShow.bind(service),
    },
  ])
    app.post(
      `/api/appointments/:id/${verb}`,
      {
        preValidation: emptyBodyIsObject,
        schema: {
          summary,
          params: IdParams,
          body: CloseAppointmentBody,
          response: withProblems({ 200: AppointmentSchema }),
        },
      },
      async (request) => close(actorOf(request), request.params.id, request.body),
    );

  app.post(
    '/api/appointments/:id/arrive',
    {
      preValidation: emptyBodyIsObject,
      schema: {
        summary: 'Check the customer in: opens a repair order from the appointment',
        params: IdParams,
        body: ArriveAppointmentBody,
        response: withProblems({ 200: AppointmentSchema }),
      },
    },
    async (request) => service.arrive(actorOf(request), request.params.id, request.body),
  );
};
