import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, withProblems } from '../../lib/schema.js';
import { kioskActorOf, kioskOf } from '../../plugins/authentication.js';
import {
  KioskCheckInBody,
  KioskCheckInListQuery,
  KioskCheckInListSchema,
  KioskCheckInResultSchema,
  KioskCheckInViewSchema,
  KioskCodeLookupBody,
  KioskLookupBody,
  KioskLookupResultSchema,
  KioskVinBody,
  KioskVinSchema,
} from './kiosk-check-in.schemas.js';
import type { KioskCheckInService } from './kiosk-check-in.service.js';
import { requestOrigin } from '../../lib/network.js';

const tags = ['kiosk'];

/** The check-in kiosk's lookups and check-in (kiosk token), and the staff's view of a check-in. */
export const kioskCheckInRoutes: FastifyPluginAsyncTypebox<{ service: KioskCheckInService }> = async (
  app,
  { service },
) => {
  app.post(
    '/api/kiosk/lookup',
    {
      schema: {
        tags,
        summary: "Today's appointment or a returning customer by phone and last name (or plate), masked",
        body: KioskLookupBody,
        response: withProblems({ 200: KioskLookupResultSchema }),
      },
    },
    async (request) => service.lookup(kioskOf(request), request.body),
  );
  app.post(
    '/api/kiosk/lookup-code',
    {
      schema: {
        tags,
        summary: "Today's appointment by the code (or QR) of its reminder, masked",
        body: KioskCodeLookupBody,
        response: withProblems({ 200: KioskLookupResultSchema }),
      },
    },
    async (request) => service.lookupCode(kioskOf(request), request.body),
  );
  app.post(
    '/api/kiosk/vin',
    {
      schema: {
        tags,
        summary: 'A VIN typed or scanned: well formed, check digit, year/make/model (offline)',
        body: KioskVinBody,
        response: withProblems({ 200: KioskVinSchema }),
      },
    },
    async (request) => {
      kioskOf(request);
      return service.vin(request.body);
    },
  );
  app.post(
    '/api/kiosk/check-in',
    {
      schema: {
        tags,
        summary: 'Check in (201); the same requestId again answers 200 with the same result',
        body: KioskCheckInBody,
        response: withProblems({ 200: KioskCheckInResultSchema, 201: KioskCheckInResultSchema }),
      },
    },
    async (request, reply) => {
      const { created, result } = await service.checkIn(
        kioskOf(request),
        kioskActorOf(request),
        request.body,
        requestOrigin(request),
      );
      return reply.code(created ? 201 : 200).send(result);
    },
  );
  app.get(
    '/api/kiosk-check-ins',
    {
      schema: {
        tags,
        summary: 'Check-ins at the kiosk since a time and/or of one repair order (the board marks them)',
        querystring: KioskCheckInListQuery,
        response: withProblems({ 200: KioskCheckInListSchema }),
      },
    },
    async (request) => ({ items: await service.list(request.query) }),
  );
  app.get(
    '/api/repair-orders/:id/kiosk-check-in',
    {
      schema: {
        tags,
        summary: 'How this repair order was checked in at the kiosk (404: not at a kiosk)',
        params: IdParams,
        response: withProblems({ 200: KioskCheckInViewSchema }),
      },
    },
    async (request) => service.ofRepairOrder(request.params.id),
  );
};
