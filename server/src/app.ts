import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppConfig } from './config/config.schema.js';
import type { Database } from './db/database.js';
import { reportAfterCommitErrors } from './db/after-commit.js';
import { prepareWriteStamp } from './db/write-stamp.js';
import { EventBus } from './events/event-bus.js';
import { systemClock, type Clock } from './lib/clock.js';
import { fastifyTrustProxy } from './lib/network.js';
import { problems } from './lib/problem.js';
import { readAppVersion } from './lib/version.js';
import { appointmentsModule } from './modules/appointments/appointments.module.js';
import { approvalsModule } from './modules/approvals/approvals.module.js';
import { auditModule } from './modules/audit/audit.module.js';
import { authModule } from './modules/auth/auth.module.js';
import { sessionsModule } from './modules/auth/sessions.module.js';
import { backupModule } from './modules/backup/backup.module.js';
import { baySensorsModule } from './modules/bay-sensors/bay-sensors.module.js';
import { baysModule } from './modules/bays/bays.module.js';
import { billingModule } from './modules/billing/billing.module.js';
import { customersModule } from './modules/customers/customers.module.js';
import { devicesModule } from './modules/devices/devices.module.js';
import { displayModule } from './modules/display/display.module.js';
import { inspectionsModule } from './modules/inspections/inspections.module.js';
import { inventoryModule } from './modules/inventory/inventory.module.js';
import { kioskCheckInModule } from './modules/kiosk-check-in/kiosk-check-in.module.js';
import { kiosksModule } from './modules/kiosks/kiosks.module.js';
import type { AnyModuleDefinition, Kernel } from './modules/module.js';
import { obdModule } from './modules/obd/obd.module.js';
import { notificationsModule } from './modules/notifications/notifications.module.js';
import { offsiteFilesModule } from './modules/offsite-files/offsite-files.module.js';
import { printingModule } from './modules/printing/printing.module.js';
import { realtimeModule } from './modules/realtime/realtime.module.js';
import { remoteAccessModule } from './modules/remote-access/remote-access.module.js';
import { repairOrdersModule } from './modules/repair-orders/repair-orders.module.js';
import { reportsModule } from './modules/reports/reports.module.js';
import { searchModule } from './modules/search/search.module.js';
import { settingsModule } from './modules/settings/settings.module.js';
import { systemModule } from './modules/system/system.module.js';
import { techniciansModule } from './modules/technicians/technicians.module.js';
import { timeclockModule } from './modules/timeclock/timeclock.module.js';
import { usersModule } from './modules/users/users.module.js';
import { vehiclesModule } from './modules/vehicles/vehicles.module.js';
import { createModules, installLifecycle, registerModuleRoutes, selectModules } from './modules/wiring.js';
import { installAuthentication } from './plugins/authentication.js';
import { installAuthorization } from './plugins/authorization.js';
import { installErrorHandler } from './plugins/error-handler.js';
import { installOpenApi } from './plugins/openapi.js';
import { installOriginCheck } from './plugins/origin-check.js';
import type { RouteTable } from './plugins/route-permissions.js';
import { installSecurityHeaders } from './plugins/security-headers.js';
import { installSerializers } from './plugins/serializers.js';
import { installStaticUi } from './plugins/static-ui.js';
import { installValidators } from './plugins/validation.js';
import type { DayCacheWarmer } from './modules/reports/day-cache-warmer.js';

/**
 * ASE's modules, in start order (they stop in reverse). A module comes after every module whose
 * services it needs; each one's `<name>.module.ts` says what it needs and gives.
 */
export const MODULES: readonly AnyModuleDefinition[] = [
  auditModule,
  systemModule,
  sessionsModule,
  usersModule,
  settingsModule,
  authModule,
  techniciansModule,
  baysModule,
  customersModule,
  vehiclesModule,
  repairOrdersModule,
  appointmentsModule,
  searchModule,
  notificationsModule,
  inspectionsModule,
  approvalsModule,
  inventoryModule,
  billingModule,
  timeclockModule,
  reportsModule,
  backupModule,
  offsiteFilesModule,
  remoteAccessModule,
  displayModule,
  realtimeModule,
  devicesModule,
  obdModule,
  printingModule,
  baySensorsModule,
  kiosksModule,
  kioskCheckInModule,
];

/** The shared plugins need sign-in; every app has the sessions module. */
const ALWAYS = ['sessions'];

/** Everything the app needs from outside; main.ts builds it from config, tests build their own. */
export interface AppContext {
  config: AppConfig;
  database: Database;
  clock?: Clock;
  /** A pino logger to use; when absent one is made at config.logLevel. */
  logger?: FastifyBaseLogger;
  /** The in-process event bus; tests may pass their own to listen in. */
  events?: EventBus;
  /** WebSocket heartbeat (ping + session re-check) interval; tests shorten it. */
  realtimeHeartbeatMs?: number;
  /** Knobs tests turn (the MQTT broker on any free port, a short CONNECT timeout, the OBD adapter's
   * serialport binding); see Kernel.tuning. */
  tuning?: Kernel['tuning'];
  /** The built staff app to serve at /; defaults to ui/build. */
  uiDir?: string;
  /** Only these modules (by name) and what they need; all when absent. Tests build small apps. */
  modules?: readonly string[];
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered (HEAD twins included); the authorization-matrix test walks it. */
    registeredRoutes: RegisteredRoute[];
    /** The route × role table: the shared rows and every module's own. */
    routeTable: RouteTable;
    /** The in-process event bus the services emit on. */
    events: EventBus;
    /** Fills the report day caches after listen; benchmarks await its first pass before measuring. */
    reportDayCacheWarmer: DayCacheWarmer;
  }
}

/** Builds the app: the shared plugins in the order requests meet them, then the modules. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const { config, database } = ctx;

  const app = Fastify({
    ...(ctx.logger ? { loggerInstance: ctx.logger } : { logger: { level: config.logLevel } }),
    bodyLimit: config.bodyLimitBytes,
    // Only the listed proxies' X-Forwarded-* count (request.ip, protocol, rate limits, audit ip);
    // a forged header from any other address is ignored.
    trustProxy: fastifyTrustProxy(config.trustedProxies),
    // Per-request lines only when debugging: 15 LAN clients polling would drown the journal.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  const events =
    ctx.events ??
    new EventBus((error, event) => app.log.error({ err: error, event }, 'event listener failed'));
  app.decorate('events', events);

  const kernel: Kernel = {
    config,
    database,
    db: database.kysely,
    clock: ctx.clock ?? systemClock,
    events,
    log: app.log,
    app,
    writeStamp: prepareWriteStamp(database.sqlite),
    version: readAppVersion(),
    tuning: {
      ...ctx.tuning,
      ...(ctx.realtimeHeartbeatMs === undefined ? {} : { realtimeHeartbeatMs: ctx.realtimeHeartbeatMs }),
    },
  };
  // A side effect that fails after its transaction committed (db/after-commit.ts) is logged here.
  reportAfterCommitErrors(kernel.db, (error) => app.log.error({ err: error }, 'after-commit effect failed'));
  const wanted = ctx.modules === undefined ? undefined : [...ALWAYS, ...ctx.modules];
  const wired = await createModules(selectModules(MODULES, wanted), kernel);
  const { system, sessions, displays, kiosks, notifications, lanHttps, kioskCheckIn } = wired.services;
  if (sessions === undefined) throw new Error('the sessions module is missing');
  // Appointment reminders carry the kiosk's check-in code; that module comes after notifications.
  // Only while a kiosk is paired: a code with no kiosk at the door would only puzzle the customer.
  if (notifications !== undefined && kioskCheckIn !== undefined && kiosks !== undefined)
    notifications.useCheckInCodes({
      reminderCodeFor: async (appointmentId) =>
        (await kiosks.anyPaired()) ? kioskCheckIn.reminderCodeFor(appointmentId) : null,
    });
  app.decorate('routeTable', wired.routeTable);
  installLifecycle(app, wired);

  // shared plugins, in the order requests meet them
  installValidators(app);
  installSerializers(app);
  // A full or read-only disk: 507/503 with a clear message, and health hears of it at once.
  installErrorHandler(app, system ? { noticeStorageFault: (fault) => system.noticeStorageFault(fault) } : {});
  // Before the auth hooks: its own onRequest hook marks upgrade requests, so that a refused
  // upgrade (401/403 from authorization) still has its socket closed after the response.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  // Next, before sign-in is read: SameSite=Lax still sends the staff cookie from a sibling subdomain
  // or another port on the box, so changes and /ws must come from the shop's own pages.
  installOriginCheck(app, {
    publicBaseUrl: async () => (notifications === undefined ? null : notifications.customerLinkBase()),
    httpPort: config.port,
    httpsPort: () => lanHttps?.state().boundPort ?? null,
  });
  installSecurityHeaders(app); // CSP, nosniff, no-store on API JSON, Referrer-Policy: every response
  await installAuthentication(app, sessions, displays ?? null, kiosks ?? null);
  installAuthorization(app, wired.routeTable);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      problems.tooManyRequests(
        `Too many attempts from this address. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
        context.ttl / 1000,
        'rate-limited',
      ),
  });
  await installOpenApi(app, kernel.version);
  await installStaticUi(app, ctx.uiDir ?? (config.uiDir === '' ? undefined : config.uiDir));

  await registerModuleRoutes(app, wired);
  return app;
}
