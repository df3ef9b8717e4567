import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  KioskPairBody,
  KioskPairedSchema,
  KioskSelfSchema,
  KioskStaffExitBody,
} from '../../../contracts/kiosk.js';
import { IdParams, NoContent, withProblems } from '../../lib/schema.js';
import { noContent } from '../../lib/replies.js';
import { tagRoutes } from '../../lib/route-tags.js';
import { actorOf, kioskOf } from '../../plugins/authentication.js';
import { KioskDeviceSchema, KioskPairingCodeSchema, KioskPrinterBody } from './kiosks.schemas.js';
import type { KiosksService } from './kiosks.service.js';

const kioskOnly = [{ kioskToken: [] }];

export const kiosksRoutes: FastifyPluginAsyncTypebox<{ service: KiosksService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, ['kiosks']);
  app.post(
    '/api/devices/:id/kiosk-pairing-code',
    {
      schema: {
        summary:
          'A pairing code for a kiosk tablet (8 digits, 10 minutes, single use; replaces an unused one)',
        params: IdParams,
        response: withProblems({ 201: KioskPairingCodeSchema }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.createPairingCode(
            actorOf(request),
            request.params.id,
            `${request.protocol}://${request.host}`,
          ),
        ),
  );
  app.get(
    '/api/devices/:id/kiosk',
    {
      schema: {
        summary: "A kiosk device's pairing state, label printer and pending code",
        params: IdParams,
        response: withProblems({ 200: KioskDeviceSchema }),
      },
    },
    async (request) => service.kioskDevice(request.params.id),
  );
  app.put(
    '/api/devices/:id/kiosk',
    {
      schema: {
        summary: "Set the kiosk's label printer (its key tags print there), or none",
        params: IdParams,
        body: KioskPrinterBody,
        response: withProblems({ 200: KioskDeviceSchema }),
      },
    },
    async (request) =>
      service.setLabelPrinter(actorOf(request), request.params.id, request.body.labelPrinterDeviceId),
  );
  app.post(
    '/api/kiosk/pair',
    {
      schema: {
        summary:
          'The tablet trades a pairing code for its kiosk token (wrong codes are rate-limited per address)',
        security: [],
        body: KioskPairBody,
        response: withProblems({ 200: KioskPairedSchema }),
      },
    },
    async (request) => service.pair(request.body, request.ip),
  );
  app.get(
    '/api/kiosk/self',
    {
      schema: {
        summary: 'What the kiosk shows of itself and its shop',
        security: kioskOnly,
        response: withProblems({ 200: KioskSelfSchema }),
      },
    },
    async (request) => service.self(kioskOf(request)),
  );
  app.post(
    '/api/kiosk/staff-exit',
    {
      schema: {
        summary:
          "The kiosk's hidden staff exit: 204 for an active staff member's PIN (rate-limited, audited)",
        security: kioskOnly,
        body: KioskStaffExitBody,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) =>
      noContent(reply, service.staffExit(kioskOf(request), request.body.pin, request.origin.ip)),
  );
};
