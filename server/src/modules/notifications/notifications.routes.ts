import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, NoContent, withProblems } from '../../lib/schema.js';
import { noContent } from '../../lib/replies.js';
import { problems } from '../../lib/problem.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  ChannelReadinessSchema,
  InboundSmsBody,
  MessageIdParams,
  MessageListSchema,
  MessageProblemsQuery,
  MessageSchema,
  NotificationSettingsSchema,
  NotifyReadyResultSchema,
  PushPublicKeySchema,
  PushSubscriptionBody,
  PushSubscriptionSchema,
  PushUnsubscribeBody,
  TestSendBody,
  TestSendResultSchema,
  UpdateNotificationSettingsBody,
} from './notifications.schemas.js';
import { INBOUND_SMS_PATH } from './inbound-sms.js';
import type { NotificationsService } from './notifications.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncTypebox<{ service: NotificationsService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  // Twilio posts its webhooks form-encoded; only the routes of this plugin accept that.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );

  app.get(
    '/api/notification-settings',
    {
      schema: {
        summary: 'SMTP, SMS gateway, web push and per-event switches (secrets shown only as set/not set)',
        response: withProblems({ 200: NotificationSettingsSchema }),
      },
    },
    async () => service.getSettings(),
  );
  app.patch(
    '/api/notification-settings',
    {
      schema: {
        summary: 'Change notification settings (send the version you read; secrets are write-only)',
        body: UpdateNotificationSettingsBody,
        response: withProblems({ 200: NotificationSettingsSchema }),
      },
    },
    async (request) => service.updateSettings(actorOf(request), request.body),
  );
  app.post(
    '/api/notification-settings/test',
    {
      schema: {
        summary: 'Send a test message now on one channel and say what happened',
        body: TestSendBody,
        response: withProblems({ 200: TestSendResultSchema }),
      },
    },
    async (request) => service.testSend(actorOf(request), request.body),
  );
  app.get(
    '/api/notifications/readiness',
    {
      schema: {
        summary: 'Which channels can send now (SMS, email, push), and where to set them up',
        response: withProblems({ 200: ChannelReadinessSchema }),
      },
    },
    async () => service.readiness(),
  );
  app.get(
    '/api/notifications/problems',
    {
      schema: {
        summary: 'Messages that failed or are retrying after an error, newest first',
        querystring: MessageProblemsQuery,
        response: withProblems({ 200: MessageListSchema }),
      },
    },
    async (request) => ({ items: await service.problemMessages(request.query.limit ?? 50) }),
  );
  app.post(
    '/api/notifications/messages/:messageId/retry',
    {
      schema: {
        summary: 'Retry a waiting or failed message now',
        params: MessageIdParams,
        response: withProblems({ 200: MessageSchema }),
      },
    },
    async (request) => service.retryNow(actorOf(request), request.params.messageId),
  );
  app.get(
    '/api/repair-orders/:id/messages',
    {
      schema: {
        summary: 'Delivery status of every message about this repair order',
        params: IdParams,
        response: withProblems({ 200: MessageListSchema }),
      },
    },
    async (request) => ({ items: await service.messagesOfRepairOrder(request.params.id) }),
  );
  app.post(
    '/api/repair-orders/:id/notify-ready',
    {
      schema: {
        summary: 'Tell the customer the vehicle is ready (by their preferred channel)',
        params: IdParams,
        response: withProblems({ 200: NotifyReadyResultSchema }),
      },
    },
    async (request) => service.notifyVehicleReady(actorOf(request), request.params.id),
  );

  // staff devices (web push)
  app.get(
    '/api/push/public-key',
    {
      schema: {
        summary: 'The VAPID public key for subscribing this device, and whether you have a device subscribed',
        response: withProblems({ 200: PushPublicKeySchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.userId === null) throw problems.unauthorized('Sign in first.');
      return service.pushPublicKey(actor.userId);
    },
  );
  app.post(
    '/api/push-subscriptions',
    {
      schema: {
        summary: "Subscribe this device to staff notifications (the browser's PushSubscription JSON)",
        body: PushSubscriptionBody,
        response: withProblems({ 201: PushSubscriptionSchema }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.subscribePush(actorOf(request), request.body, request.headers['user-agent'] ?? null),
        ),
  );
  app.delete(
    '/api/push-subscriptions',
    {
      schema: {
        summary: 'Stop notifications on this device',
        body: PushUnsubscribeBody,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) =>
      noContent(reply, service.unsubscribePush(actorOf(request), request.body.endpoint)),
  );

  // Twilio's inbound-message webhook: STOP / START replies.
  app.post(
    INBOUND_SMS_PATH,
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        summary: 'Inbound SMS webhook (Twilio form body); STOP opts the number out, START back in',
        body: InboundSmsBody,
        response: withProblems({ 200: Type.String({ description: 'TwiML' }) }),
      },
    },
    async (request, reply) => {
      const params = Object.fromEntries(
        Object.entries(request.body as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
      );
      const signature = request.headers['x-twilio-signature'];
      // request.url is the path with its query string, both of which Twilio signs.
      await service.assertInboundSmsSigned(
        request.url,
        params,
        typeof signature === 'string' ? signature : undefined,
      );
      await service.handleInboundSms(request.body.From, request.body.Body);
      return reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    },
  );
};
