import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf, requireAuth } from '../../plugins/authentication.js';
import {
  ClockBody,
  ClockEntrySchema,
  CorrectEntryBody,
  CorrectShiftBody,
  EntriesQuery,
  EntryListSchema,
  JobClockSchema,
  ShiftListSchema,
  ShiftResultSchema,
  ShiftSchema,
  ShiftsQuery,
  TechnicianClockSchema,
} from './timeclock.schemas.js';
import type { Clocker, TimeclockService } from './timeclock.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['timeclock'];

function clockerOf(request: FastifyRequest): Clocker {
  return { actor: actorOf(request), role: requireAuth(request).role };
}

/** The technician job clock and shifts (see TimeclockService for the rules). */
export const timeclockRoutes: FastifyPluginAsyncTypebox<{ service: TimeclockService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/jobs/:id/clock',
    {
      schema: {
        summary: "A job's clock entries and who is clocked on it now",
        params: IdParams,
        response: withProblems({ 200: JobClockSchema }),
      },
    },
    async (request) => service.jobClock.read(request.params.id),
  );

  app.post(
    '/api/jobs/:id/clock/on',
    {
      schema: {
        summary:
          'Clock a technician on a job (stops their other running job clock; clocks them in for the day if needed; starts a Pending job)',
        params: IdParams,
        body: ClockBody,
        response: withProblems({ 200: JobClockSchema }),
      },
    },
    async (request) => service.jobClock.clockOn(clockerOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/jobs/:id/clock/off',
    {
      schema: {
        summary: 'Clock a technician off a job (409 when they are not on it)',
        params: IdParams,
        body: ClockBody,
        response: withProblems({ 200: JobClockSchema }),
      },
    },
    async (request) => service.jobClock.clockOff(clockerOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/timeclock/me',
    {
      schema: {
        summary: "The signed-in technician's running job clock and open shift",
        response: withProblems({ 200: TechnicianClockSchema }),
      },
    },
    async (request) => service.shifts.status(clockerOf(request)),
  );

  app.get(
    '/api/timeclock/technicians/:id',
    {
      schema: {
        summary: "A technician's running job clock and open shift",
        params: IdParams,
        response: withProblems({ 200: TechnicianClockSchema }),
      },
    },
    async (request) => service.shifts.statusOfTechnician(request.params.id),
  );

  app.get(
    '/api/timeclock/entries',
    {
      schema: {
        summary: 'Job clock entries started in [from, to), newest first, for review',
        querystring: EntriesQuery,
        response: withProblems({ 200: EntryListSchema }),
      },
    },
    async (request) => service.corrections.listEntries(request.query),
  );

  app.patch(
    '/api/timeclock/entries/:id',
    {
      schema: {
        summary: 'Correct a job clock entry (send the version you read and a reason)',
        params: IdParams,
        body: CorrectEntryBody,
        response: withProblems({ 200: ClockEntrySchema }),
      },
    },
    async (request) => service.corrections.correctEntry(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/timeclock/shifts/clock-in',
    {
      schema: {
        summary: 'Clock a technician in for the day',
        body: ClockBody,
        response: withProblems({ 200: ShiftResultSchema }),
      },
    },
    async (request) => service.shifts.clockIn(clockerOf(request), request.body),
  );

  app.post(
    '/api/timeclock/shifts/clock-out',
    {
      schema: {
        summary: 'Clock a technician out (stops their running job clock too)',
        body: ClockBody,
        response: withProblems({ 200: ShiftResultSchema }),
      },
    },
    async (request) => service.shifts.clockOut(clockerOf(request), request.body),
  );

  app.get(
    '/api/timeclock/shifts',
    {
      schema: {
        summary: 'Shifts clocked in during [from, to), newest first',
        querystring: ShiftsQuery,
        response: withProblems({ 200: ShiftListSchema }),
      },
    },
    async (request) => service.corrections.listShifts(request.query),
  );

  app.patch(
    '/api/timeclock/shifts/:id',
    {
      schema: {
        summary: 'Correct a shift (send the version you read and a reason)',
        params: IdParams,
        body: CorrectShiftBody,
        response: withProblems({ 200: ShiftSchema }),
      },
    },
    async (request) => service.corrections.correctShift(actorOf(request), request.params.id, request.body),
  );
};
