import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  CaCertificateSchema,
  MobileConfigSchema,
  RemoteAccessStatusSchema,
  TunnelTokenBody,
} from './remote-access.schemas.js';
import type { RemoteAccessService } from './remote-access.service.js';

const tags = ['remote access'];

export const remoteAccessRoutes: FastifyPluginAsyncTypebox<{ service: RemoteAccessService }> = async (
  app,
  { service },
) => {
  app.get(
    '/api/remote-access',
    {
      schema: {
        tags,
        summary: 'Tunnel state (asks cloudflared now), the public base URL, and HTTPS on the shop network',
        response: withProblems({ 200: RemoteAccessStatusSchema }),
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return service.status();
    },
  );
  app.put(
    '/api/remote-access/tunnel',
    {
      schema: {
        tags,
        summary: 'Save the cloudflared tunnel token (write-only; the tunnel service restarts with it)',
        body: TunnelTokenBody,
        response: withProblems({ 200: RemoteAccessStatusSchema }),
      },
    },
    async (request) => service.setTunnelToken(actorOf(request), request.body.token),
  );
  app.delete(
    '/api/remote-access/tunnel',
    {
      schema: {
        tags,
        summary: 'Remove the tunnel token: remote access ends when the tunnel service stops',
        response: withProblems({ 200: RemoteAccessStatusSchema }),
      },
    },
    async (request) => service.removeTunnel(actorOf(request)),
  );

  // Public: a shop device must fetch the CA before it trusts anything, and it is public data.
  app.get(
    '/api/tls/ca.crt',
    {
      schema: {
        tags,
        summary: "The shop's local CA certificate (PEM) to install on shop devices",
        response: withProblems({ 200: CaCertificateSchema }),
      },
    },
    async (_request, reply) => {
      const { pem } = await service.caCertificate();
      return reply
        .type('application/x-x509-ca-cert')
        .header('content-disposition', 'attachment; filename="ase-local-ca.crt"')
        .header('cache-control', 'no-store')
        .send(pem);
    },
  );
  app.get(
    '/api/tls/ca.mobileconfig',
    {
      schema: {
        tags,
        summary: 'The CA as an Apple configuration profile (iPad, iPhone, macOS)',
        response: withProblems({ 200: MobileConfigSchema }),
      },
    },
    async (_request, reply) => {
      const { mobileConfig } = await service.caCertificate();
      return reply
        .type('application/x-apple-aspen-config')
        .header('content-disposition', 'attachment; filename="ase-local-ca.mobileconfig"')
        .header('cache-control', 'no-store')
        .send(mobileConfig);
    },
  );
};
