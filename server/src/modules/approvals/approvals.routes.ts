import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  ApprovalRequestListSchema,
  ApprovalRequestSchema,
  DeferredWorkSchema,
  PublicApprovalSchema,
  RequestParams,
  SendApprovalRequestBody,
  SentApprovalRequestSchema,
  SIGNATURE_MAX_CHARS,
  SubmitApprovalBody,
  SubmittedApprovalSchema,
  TokenMediaParams,
  TokenParams,
} from './approvals.schemas.js';
import type { ApprovalsService, ClientInfo } from './approvals.service.js';
import { tagRoutes } from '../../lib/route-tags.js';
import { requestOrigin } from '../../lib/network.js';

const tags = ['approvals'];

export interface ApprovalsRoutesOptions {
  service: ApprovalsService;
  /** Page loads and submits per minute from one address on the public routes (photos get 10×). */
  publicRateLimitPerMinute?: number;
}

function clientOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent.slice(0, 500) : null };
}

export const approvalsRoutes: FastifyPluginAsyncTypebox<ApprovalsRoutesOptions> = async (
  app,
  { service, publicRateLimitPerMinute = 60 },
) => {
  tagRoutes(app, tags);
  const pageLimit = { max: publicRateLimitPerMinute, timeWindow: '1 minute' };
  const mediaLimit = { max: publicRateLimitPerMinute * 10, timeWindow: '1 minute' };

  // ---------------------------------------------------------------- staff
  app.post(
    '/api/repair-orders/:id/approval-requests',
    {
      schema: {
        summary: 'Send the estimate to the customer: a link /r/<token> (shown once) and the message',
        params: IdParams,
        body: SendApprovalRequestBody,
        response: withProblems({ 201: SentApprovalRequestSchema }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(
          await service.requests.send(
            actorOf(request),
            request.params.id,
            request.body,
            requestOrigin(request),
          ),
        ),
  );

  app.get(
    '/api/repair-orders/:id/approval-requests',
    {
      schema: {
        summary: "The approval links sent for a repair order, newest first, with the customer's answers",
        params: IdParams,
        response: withProblems({ 200: ApprovalRequestListSchema }),
      },
    },
    async (request) => ({ items: await service.requests.list(request.params.id) }),
  );

  app.post(
    '/api/repair-orders/:id/approval-requests/:requestId/revoke',
    {
      schema: {
        summary: 'Withdraw a pending approval link',
        params: RequestParams,
        response: withProblems({ 200: ApprovalRequestSchema }),
      },
    },
    async (request) => service.requests.revoke(actorOf(request), request.params.id, request.params.requestId),
  );

  app.get(
    '/api/vehicles/:id/deferred-work',
    {
      schema: {
        summary: 'Declined and deferred work on the vehicle, newest first, for follow-up',
        params: IdParams,
        response: withProblems({ 200: DeferredWorkSchema }),
      },
    },
    async (request) => service.requests.deferredWork(request.params.id),
  );

  // ---------------------------------------------------------------- the customer's link (public)
  app.get(
    '/api/public/approvals/:token',
    {
      config: { rateLimit: pageLimit },
      schema: {
        summary: "The customer's estimate page behind /r/<token> (no sign-in)",
        security: [],
        params: TokenParams,
        response: withProblems({ 200: PublicApprovalSchema }),
      },
    },
    async (request, reply) => {
      const page = await service.customer.view(request.params.token, clientOf(request));
      return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(page);
    },
  );

  app.get(
    '/api/public/approvals/:token/media/:hash',
    {
      config: { rateLimit: mediaLimit },
      schema: {
        summary: "A photo or video of the link's inspection (only that repair order's)",
        security: [],
        params: TokenMediaParams,
        response: withProblems({}),
      },
    },
    async (request, reply) => {
      const file = await service.customer.media(request.params.token, request.params.hash);
      return (
        reply
          .header('content-type', file.mime)
          .header('content-length', String(file.byteSize))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .header('referrer-policy', 'no-referrer')
          .header('cross-origin-resource-policy', 'same-origin')
          // A file stream is sent as is (never serialized); the schema types only the problems.
          .send(createReadStream(file.path) as never)
      );
    },
  );

  app.post(
    '/api/public/approvals/:token',
    {
      config: { rateLimit: pageLimit },
      // The drawn signature travels as a PNG data URL.
      bodyLimit: SIGNATURE_MAX_CHARS + 64 * 1024,
      schema: {
        summary: "The customer's answer: approve or decline each line, name and drawn signature",
        security: [],
        params: TokenParams,
        body: SubmitApprovalBody,
        response: withProblems({ 200: SubmittedApprovalSchema }),
      },
    },
    async (request, reply) => {
      const result = await service.customer.submit(request.params.token, request.body, clientOf(request));
      return reply.header('cache-control', 'no-store').send(result);
    },
  );
};
