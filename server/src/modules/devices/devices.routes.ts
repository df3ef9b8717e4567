import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  BrokerInfoSchema,
  CreateDeviceBody,
  DeviceIdParams,
  DeviceListSchema,
  DeviceSchema,
  PairedDeviceSchema,
  UpdateDeviceBody,
} from './devices.schemas.js';
import type { DevicesService } from './devices.service.js';

const tags = ['devices'];

export const devicesRoutes: FastifyPluginAsyncTypebox<{ service: DevicesService }> = async (
  app,
  { service },
) => {
  app.get(
    '/api/devices',
    {
      schema: {
        tags,
        summary: "Everything on the shop floor: paired devices and the bay TVs' display tokens",
        response: withProblems({ 200: DeviceListSchema }),
      },
    },
    async () => service.list(),
  );
  app.get(
    '/api/devices/broker',
    {
      schema: {
        tags,
        summary: "The MQTT broker's ports, whether each listens, and the CA fingerprint devices pin",
        response: withProblems({ 200: BrokerInfoSchema }),
      },
    },
    async () => service.brokerInfo(),
  );
  app.post(
    '/api/devices',
    {
      schema: {
        tags,
        summary: 'Pair a device: its credentials and pairing string (the password is shown once)',
        body: CreateDeviceBody,
        response: withProblems({ 201: PairedDeviceSchema }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.create(actorOf(request), request.body, request.host)),
  );
  app.patch(
    '/api/devices/:id',
    {
      schema: {
        tags,
        summary: 'Rename a device or move it to another bay (send the version you read)',
        params: DeviceIdParams,
        body: UpdateDeviceBody,
        response: withProblems({ 200: DeviceSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/devices/:id/password',
    {
      schema: {
        tags,
        summary: 'A new password for a device (the old one stops working; its connection is dropped)',
        params: DeviceIdParams,
        response: withProblems({ 200: PairedDeviceSchema }),
      },
    },
    async (request) => service.newPassword(actorOf(request), request.params.id, request.host),
  );
  app.post(
    '/api/devices/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a device: disconnected at once and refused from then on',
        params: DeviceIdParams,
        response: withProblems({ 200: DeviceSchema }),
      },
    },
    async (request) => service.revoke(actorOf(request), request.params.id),
  );
};
