import { defineModule } from '../module.js';
import { COUNTER, OWNER, type Access } from '../../plugins/route-permissions.js';
import { SmtpEmailChannel, TwilioSmsChannel, WebPushChannel } from './channels.js';
import { notificationsRoutes } from './notifications.routes.js';
import { NotificationsService } from './notifications.service.js';
import { OutboxWorker } from './outbox-worker.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/notification-settings': OWNER,
  'PATCH /api/notification-settings': OWNER,
  'POST /api/notification-settings/test': OWNER,
  'GET /api/notifications/readiness': COUNTER,
  'GET /api/notifications/problems': COUNTER,
  'POST /api/notifications/messages/:messageId/retry': COUNTER,
  'GET /api/repair-orders/:id/messages': 'staff',
  'POST /api/repair-orders/:id/notify-ready': COUNTER,
  'GET /api/push/public-key': 'staff',
  'POST /api/push-subscriptions': 'staff',
  'DELETE /api/push-subscriptions': 'staff',
  'POST /api/public/sms/inbound': 'public',
};

/**
 * Messages to customers (email, SMS, push) through a durable outbox the worker drains; "your car
 * is ready" once the last job of a repair order is completed.
 */
export const notificationsModule = defineModule({
  name: 'notifications',
  needs: ['audit', 'customers', 'users', 'settings', 'repairOrders', 'appointments'],
  gives: ['notifications'],
  create: (
    { app, db, clock, events, config, log },
    { audit, customers, users, settings, repairOrders, appointments },
  ) => {
    const channels = {
      email: new SmtpEmailChannel(),
      sms: new TwilioSmsChannel(),
      push: new WebPushChannel(),
    };
    const notifications = new NotificationsService({
      db,
      clock,
      audit,
      events,
      customers,
      users,
      settings,
      repairOrders,
      appointments,
      channels,
      log,
    });
    const outbox = new OutboxWorker({
      db,
      clock,
      events,
      service: notifications,
      channels,
      pollSeconds: config.notificationPollSeconds,
      log,
    });
    notifications.setKick(() => outbox.kick());
    app.decorate('outbox', outbox);
    app.decorate('notifications', notifications);
    // The "vehicle ready" checks in flight: closing the app waits for them.
    const vehicleReadyChecks = new Set<Promise<void>>();
    return {
      gives: { notifications },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(notificationsRoutes, { service: notifications }),
      subscriptions: (bus) => [
        // The last job of an RO completed → "your car is ready" (once per RO: keyed by the RO).
        bus.on('jobStatusChanged', (event) => {
          if (event.to !== 'Completed') return;
          const check = notifications
            .onJobCompleted(event.repairOrderId)
            .catch((error: unknown) => log.error({ err: error }, 'vehicle-ready notification failed'))
            .finally(() => vehicleReadyChecks.delete(check));
          vehicleReadyChecks.add(check);
        }),
      ],
      start: () => outbox.start(),
      stop: async () => {
        await Promise.all([...vehicleReadyChecks]);
        await outbox.stop();
      },
    };
  },
});
