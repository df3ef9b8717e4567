import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { download } from '../../lib/replies.js';
import { withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  CaCertificateSchema,
  MobileConfigSchema,
  RemoteAccessStatusSchema,
  TunnelTokenBody,
} from './remote-access.schemas.js';
import type { RemoteAccessService } from './remote-access.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

type LocalCaFiles = Awaited<ReturnType<RemoteAccessService['caCertificate']>>;

const tags = ['remote access'];

export const remoteAccessRoutes: FastifyPluginAsyncTypebox<{ service: RemoteAccessService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/remote-access',
    {
      schema: {
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
        summary: 'Remove the tunnel token: remote access ends when the tunnel service stops',
        response: withProblems({ 200: RemoteAccessStatusSchema }),
      },
    },
    async (request) => service.removeTunnel(actorOf(request)),
  );

  // Public: a shop device must fetch the CA before it trusts anything, and it is public data.
  // The same certificate in the two forms devices install: PEM, and an Apple profile.
  const caDownloads = [
    {
      url: '/api/tls/ca.crt',
      summary: "The shop's local CA certificate (PEM) to install on shop devices",
      schema: CaCertificateSchema,
      type: 'application/x-x509-ca-cert',
      filename: 'ase-local-ca.crt',
      body: (ca: LocalCaFiles) => ca.pem,
    },
    {
      url: '/api/tls/ca.mobileconfig',
      summary: 'The CA as an Apple configuration profile (iPad, iPhone, macOS)',
      schema: MobileConfigSchema,
      type: 'application/x-apple-aspen-config',
      filename: 'ase-local-ca.mobileconfig',
      body: (ca: LocalCaFiles) => ca.mobileConfig,
    },
  ];
  for (const file of caDownloads)
    app.get(
      file.url,
      { schema: { summary: file.summary, response: withProblems({ 200: file.schema }) } },
      async (_request, reply) =>
        download(reply, {
          type: file.type,
          filename: file.filename,
          body: file.body(await service.caCertificate()),
        }),
    );
};
