import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppConfig } from './config/config.schema.js';
import { reportAfterCommitErrors } from './db/after-commit.js';
import type { Database } from './db/database.js';
import { prepareWriteStamp } from './db/write-stamp.js';
import { HOUR_MS, systemClock, type Clock } from './lib/clock.js';
import { fastifyTrustProxy } from './lib/network.js';
import { problems } from './lib/problem.js';
import { readAppVersion } from './lib/version.js';
import { join } from 'node:path';
import { EventBus } from './events/event-bus.js';
import { appointmentsRoutes } from './modules/appointments/appointments.routes.js';
import { approvalsRoutes } from './modules/approvals/approvals.routes.js';
import { billingRoutes } from './modules/billing/billing.routes.js';
import { BillingService } from './modules/billing/billing.service.js';
import { InvoiceLedger } from './modules/billing/invoice-ledger.js';
import { PaymentsService } from './modules/billing/payments.service.js';
import { ApprovalsService } from './modules/approvals/approvals.service.js';
import { AppointmentsService } from './modules/appointments/appointments.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { AuditService } from './modules/audit/audit.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { AuthService } from './modules/auth/auth.service.js';
import { LoginThrottle } from './modules/auth/login-throttle.js';
import { SessionsService } from './modules/auth/sessions.service.js';
import { backupRoutes } from './modules/backup/backup.routes.js';
import { BackupService } from './modules/backup/backup.service.js';
import { findLitestreamBinary } from './modules/backup/litestream.js';
import { baysRoutes } from './modules/bays/bays.routes.js';
import { BaysService } from './modules/bays/bays.service.js';
import { displayRoutes } from './modules/display/display.routes.js';
import { DisplayService } from './modules/display/display.service.js';
import { SmtpEmailChannel, TwilioSmsChannel, WebPushChannel } from './modules/notifications/channels.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';
import { OutboxWorker } from './modules/notifications/outbox-worker.js';
import { inspectionsRoutes } from './modules/inspections/inspections.routes.js';
import { offsiteFilesRoutes } from './modules/offsite-files/offsite-files.routes.js';
import { OffsiteFilesService } from './modules/offsite-files/offsite-files.service.js';
import { InspectionsService } from './modules/inspections/inspections.service.js';
import { MediaStore } from './modules/inspections/media-store.js';
import { RealtimeHub } from './modules/realtime/realtime.hub.js';
import { realtimeRoutes } from './modules/realtime/realtime.routes.js';
import { RealtimeService } from './modules/realtime/realtime.service.js';
import { inventoryRoutes } from './modules/inventory/inventory.routes.js';
import { InventoryService } from './modules/inventory/inventory.service.js';
import { purchasingRoutes } from './modules/inventory/purchasing.routes.js';
import { PurchasingService } from './modules/inventory/purchasing.service.js';
import { customersRoutes } from './modules/customers/customers.routes.js';
import { CustomersService } from './modules/customers/customers.service.js';
import { LanHttps } from './modules/remote-access/lan-https.js';
import { LocalCertificates } from './modules/remote-access/local-ca.js';
import { remoteAccessRoutes } from './modules/remote-access/remote-access.routes.js';
import { RemoteAccessService } from './modules/remote-access/remote-access.service.js';
import { TunnelTokenFile } from './modules/remote-access/tunnel.js';
import { repairOrdersRoutes } from './modules/repair-orders/repair-orders.routes.js';
import { RepairOrdersService } from './modules/repair-orders/repair-orders.service.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { SearchService } from './modules/search/search.service.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { SettingsService } from './modules/settings/settings.service.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { SystemService } from './modules/system/system.service.js';
import { timeclockRoutes } from './modules/timeclock/timeclock.routes.js';
import { TimeclockService } from './modules/timeclock/timeclock.service.js';
import { BillingReportFacts } from './modules/billing/billing-report-facts.js';
import { InventoryReportFacts } from './modules/inventory/inventory-report-facts.js';
import { RepairOrdersReportFacts } from './modules/repair-orders/repair-orders-report-facts.js';
import { DayCacheWarmer } from './modules/reports/day-cache-warmer.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { ReportsService } from './modules/reports/reports.service.js';
import { TechniciansReportFacts } from './modules/technicians/technicians-report-facts.js';
import { TimeclockReportFacts } from './modules/timeclock/timeclock-report-facts.js';
import { techniciansRoutes } from './modules/technicians/technicians.routes.js';
import { TechniciansService } from './modules/technicians/technicians.service.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { UsersService } from './modules/users/users.service.js';
import { vehiclesRoutes } from './modules/vehicles/vehicles.routes.js';
import { VehiclesService } from './modules/vehicles/vehicles.service.js';
import { installAuthentication } from './plugins/authentication.js';
import { installAuthorization } from './plugins/authorization.js';
import { installErrorHandler } from './plugins/error-handler.js';
import { installOpenApi } from './plugins/openapi.js';
import { installOriginCheck } from './plugins/origin-check.js';
import { installSecurityHeaders } from './plugins/security-headers.js';
import { installStaticUi } from './plugins/static-ui.js';
import { installSerializers } from './plugins/serializers.js';
import { installValidators } from './plugins/validation.js';

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
  /** The built staff app to serve at /; defaults to ui/build. */
  uiDir?: string;
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered (HEAD twins included); the authorization-matrix test walks it. */
    registeredRoutes: RegisteredRoute[];
    /** The in-process event bus the services emit on. */
    events: EventBus;
    /** Fills the report day caches after listen; benchmarks await its first pass before measuring. */
    reportDayCacheWarmer: DayCacheWarmer;
  }
}

/**
 * The one place where ASE is wired together: services get their collaborators here, routes get
 * their service. No module-level state, so any number of apps can run side by side in tests.
 */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const { config, database } = ctx;
  const clock = ctx.clock ?? systemClock;
  const version = readAppVersion();
  const db = database.kysely;

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

  // services
  const audit = new AuditService(db, clock);
  // One write stamp for every read cache (sessions, repair orders, the board): see write-stamp.ts.
  const writeStamp = prepareWriteStamp(database.sqlite);
  // Before the services that announce changes on it (sessions: sign-outs, access changes).
  const events =
    ctx.events ??
    new EventBus((error, event) => app.log.error({ err: error, event }, 'event listener failed'));
  app.decorate('events', events);
  // A side effect that fails after its transaction committed (db/after-commit.ts) is logged here.
  reportAfterCommitErrors(db, (error) => app.log.error({ err: error }, 'after-commit effect failed'));
  const sessions = new SessionsService(database, clock, config, writeStamp, events);
  const users = new UsersService(db, clock, audit, sessions);
  const settings = new SettingsService(db, clock, audit);
  const auth = new AuthService(db, clock, users, sessions, new LoginThrottle(clock, config), audit, settings);
  // <storage-watch>: health writes a probe row now and then and watches free space (issue 14).
  const system = new SystemService(db, clock, version, {
    dataDir: config.dataDir,
    lowSpace: { freeBytes: config.lowDiskFreeBytes, freePercent: config.lowDiskFreePercent },
    log: app.log,
  });
  app.addHook('onReady', async () => system.start());
  app.addHook('onClose', async () => system.stop());
  // </storage-watch>
  const technicians = new TechniciansService(db, clock, audit, users);
  const bays = new BaysService(db, clock, audit);
  const customers = new CustomersService(db, clock, audit, events);
  const vehicles = new VehiclesService(db, clock, audit, events, customers, join(config.dataDir, 'vin'));
  const repairOrders = new RepairOrdersService(
    db,
    clock,
    audit,
    events,
    customers,
    vehicles,
    settings,
    technicians,
    bays,
    writeStamp,
  );
  const appointments = new AppointmentsService(
    db,
    clock,
    audit,
    events,
    customers,
    vehicles,
    repairOrders,
    technicians,
    bays,
    settings,
  );
  repairOrders.setAppointmentLookup((tx, id) => appointments.exists(tx, id));
  // Trust (issue 5). Order matters: notifications first (others enqueue messages), then
  // inspections (photos), then approvals (uses both and the repair orders).
  // <notifications-services>
  const notificationChannels = {
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
    channels: notificationChannels,
  });
  const outbox = new OutboxWorker({
    db,
    clock,
    events,
    service: notifications,
    channels: notificationChannels,
    pollSeconds: config.notificationPollSeconds,
    log: app.log,
  });
  notifications.setKick(() => outbox.kick());
  app.decorate('outbox', outbox);
  app.decorate('notifications', notifications);
  let stopVehicleReady: (() => void) | null = null;
  const vehicleReadyChecks = new Set<Promise<void>>();
  app.addHook('onReady', async () => {
    // The last job of an RO completed → "your car is ready" (once per RO: keyed by the RO).
    stopVehicleReady = events.on('jobStatusChanged', (event) => {
      if (event.to !== 'Completed') return;
      const check = notifications
        .onJobCompleted(event.repairOrderId)
        .catch((error: unknown) => app.log.error({ err: error }, 'vehicle-ready notification failed'))
        .finally(() => vehicleReadyChecks.delete(check));
      vehicleReadyChecks.add(check);
    });
    outbox.start();
  });
  app.addHook('onClose', async () => {
    stopVehicleReady?.();
    await Promise.all([...vehicleReadyChecks]);
    await outbox.stop();
  });
  // </notifications-services>
  // <inspections-services>
  const inspectionMedia = new MediaStore(config.dataDir);
  // Temp files of uploads a crash or kill cut off: removed before the server takes any request.
  const staleUploads = await inspectionMedia.clearTempFiles();
  if (staleUploads > 0) app.log.info({ removed: staleUploads }, 'removed temp files of unfinished uploads');
  const inspections = new InspectionsService(
    db,
    clock,
    audit,
    events,
    repairOrders,
    technicians,
    inspectionMedia,
  );
  // </inspections-services>
  // <approvals-services>
  const approvals = new ApprovalsService(
    db,
    clock,
    audit,
    events,
    repairOrders,
    vehicles,
    settings,
    inspections,
    notifications,
  );
  // </approvals-services>
  // Money and parts (issue 6): inventory first (billing prices parts and issues stock), then billing.
  // <inventory-services>
  const inventory = new InventoryService(db, clock, audit, events, users);
  const purchasing = new PurchasingService(db, clock, audit, inventory);
  repairOrders.addJobCompletionParticipant((tx, actor, completion) =>
    inventory.issueForCompletedJob(tx, actor, completion),
  );
  // A stock part added to a job without a price: its sell price, else the matrix on its cost.
  repairOrders.setPartPricer((tx, itemId) => inventory.priceFor(tx, itemId));
  // </inventory-services>
  // <billing-services>
  const invoiceLedger = new InvoiceLedger(clock, audit, repairOrders, users, events);
  const billing = new BillingService(db, clock, audit, repairOrders, customers, settings, invoiceLedger);
  const payments = new PaymentsService(db, clock, audit, repairOrders, invoiceLedger);
  // </billing-services>
  // <timeclock-services>
  const timeclock = new TimeclockService(db, clock, audit, events, technicians, repairOrders);
  // Completing a job stops every clock on it, in the completion's transaction.
  repairOrders.addJobCompletionParticipant((tx, actor, completion) =>
    timeclock.stopClocksOfCompletedJob(tx, actor, completion),
  );
  // </timeclock-services>
  // <reports-services>
  // Reports read other modules' tables only through the facts classes each module publishes.
  const reports = new ReportsService(db, clock, settings, customers, {
    billing: new BillingReportFacts(db),
    repairOrders: new RepairOrdersReportFacts(db),
    inventory: new InventoryReportFacts(db),
    technicians: new TechniciansReportFacts(db),
    timeclock: new TimeclockReportFacts(db, () => clock.now().toISOString()),
  });
  // The day caches are filled in the background once the server listens (not in inject-only
  // tests); closing the app waits for the day being computed.
  const reportDayCacheWarmer = new DayCacheWarmer(reports, app.log);
  app.decorate('reportDayCacheWarmer', reportDayCacheWarmer);
  app.addHook('onListen', async () => reportDayCacheWarmer.start());
  app.addHook('onClose', async () => reportDayCacheWarmer.stop());
  // </reports-services>
  // The appliance (issue 7): off-site copies of the database (Litestream) and the files, remote access.
  // <backup-services>
  const backup = new BackupService({
    db,
    clock,
    audit,
    log: app.log,
    dbPath: database.path,
    dataDir: config.dataDir,
    litestreamBinary: findLitestreamBinary(),
  });
  system.setReplicationSource(() => backup.health());
  app.decorate('backup', backup);
  app.addHook('onReady', async () => backup.start());
  app.addHook('onClose', async () => backup.stop());
  // </backup-services>
  // <offsite-files-services>
  const offsiteFiles = new OffsiteFilesService({
    db,
    clock,
    dataDir: config.dataDir,
    // The files go where the owner's backup settings send the database.
    targetProvider: () => backup.currentTarget(),
    // Content-Type of the uploaded object: media_files.mime, read through the inspections service.
    mimeOf: async (hash) => (await inspections.openMedia(hash)).mime,
    log: app.log,
  });
  app.decorate('offsiteFiles', offsiteFiles);
  // A new bucket or folder holds none of the files yet: send them all again.
  const stopRequeueOnTargetChange = backup.onTargetChanged(() => {
    offsiteFiles
      .requeueAll()
      .catch((error: unknown) => app.log.error({ err: error }, 'requeueing files failed'));
  });
  app.addHook('onClose', async () => stopRequeueOnTargetChange());
  app.addHook('onReady', async () => offsiteFiles.start());
  app.addHook('onClose', async () => offsiteFiles.stop());
  // </offsite-files-services>
  // <remote-access-services>
  // The local CA and HTTPS beside HTTP: nothing is generated or bound until main.ts calls
  // app.lanHttps.listen() (or GET /api/remote-access, /api/tls/ca.crt make the CA on first use).
  const certificates = new LocalCertificates({
    dir: join(config.dataDir, 'tls'),
    clock,
    shopName: async () => (await settings.get()).shopName,
  });
  const lanHttps = new LanHttps({ app, certificates, refreshMs: HOUR_MS, log: app.log });
  app.decorate('lanHttps', lanHttps);
  app.addHook('onClose', async () => lanHttps.close());
  const remoteAccess = new RemoteAccessService({
    db,
    clock,
    audit,
    notifications,
    certificates,
    https: lanHttps,
    tunnelFile: new TunnelTokenFile(join(config.dataDir, 'tunnel')),
    metricsAddress: config.tunnelMetricsAddress,
    httpsPort: config.httpsPort,
  });
  // </remote-access-services>
  const search = new SearchService(db);
  const displays = new DisplayService(db, clock, audit, bays, repairOrders, settings, events);
  const hub = new RealtimeHub(events, clock);
  const realtime = new RealtimeService(hub, sessions, displays, events);
  app.addHook('onReady', async () => realtime.start());
  app.addHook('onClose', async () => realtime.stop());
  // A customer merge moves what these modules keep for the customer, in the merge's transaction.
  for (const participant of [vehicles, repairOrders, appointments])
    customers.addMergeParticipant(participant);

  // cross-cutting plugins, in the order requests meet them
  installValidators(app);
  installSerializers(app);
  // A full or read-only disk: 507/503 with a clear message, and health hears of it at once.
  installErrorHandler(app, { noticeStorageFault: (fault) => system.noticeStorageFault(fault) });
  // Before the auth hooks: its own onRequest hook marks upgrade requests, so that a refused
  // upgrade (401/403 from authorization) still has its socket closed after the response.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  // Next, before sign-in is read: SameSite=Lax still sends the staff cookie from a sibling subdomain
  // or another port on the box, so changes and /ws must come from the shop's own pages.
  installOriginCheck(app, {
    publicBaseUrl: () => notifications.customerLinkBase(),
    httpPort: config.port,
    httpsPort: () => lanHttps.state().boundPort,
  });
  installSecurityHeaders(app); // CSP, nosniff, no-store on API JSON, Referrer-Policy: every response
  await installAuthentication(app, sessions, displays);
  installAuthorization(app);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      problems.tooManyRequests(
        `Too many attempts from this address. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
        context.ttl / 1000,
        'rate-limited',
      ),
  });
  await installOpenApi(app, version);
  await installStaticUi(app, ctx.uiDir ?? (config.uiDir === '' ? undefined : config.uiDir));

  // modules
  await app.register(systemRoutes, { service: system });
  await app.register(authRoutes, {
    service: auth,
    sessionMaxAgeSeconds: sessions.maxAgeSeconds,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
  });
  await app.register(usersRoutes, { service: users });
  await app.register(auditRoutes, { service: audit });
  await app.register(settingsRoutes, { service: settings });
  await app.register(techniciansRoutes, { service: technicians });
  await app.register(baysRoutes, { service: bays });
  await app.register(customersRoutes, { service: customers });
  await app.register(vehiclesRoutes, { service: vehicles });
  await app.register(repairOrdersRoutes, { service: repairOrders });
  await app.register(appointmentsRoutes, { service: appointments });
  await app.register(searchRoutes, { service: search });
  // <notifications-routes>
  await app.register(notificationsRoutes, { service: notifications });
  // </notifications-routes>
  // <inspections-routes>
  await app.register(inspectionsRoutes, {
    service: inspections,
    imageMaxBytes: inspectionMedia.limits.imageMaxBytes,
  });
  // </inspections-routes>
  // <approvals-routes>
  await app.register(approvalsRoutes, { service: approvals });
  // </approvals-routes>
  // <inventory-routes>
  await app.register(inventoryRoutes, { service: inventory });
  await app.register(purchasingRoutes, { service: purchasing });
  // </inventory-routes>
  // <billing-routes>
  await app.register(billingRoutes, { service: billing, payments });
  // </billing-routes>
  // <timeclock-routes>
  await app.register(timeclockRoutes, { service: timeclock });
  // </timeclock-routes>
  // <reports-routes>
  await app.register(reportsRoutes, { service: reports });
  // </reports-routes>
  // <backup-routes>
  await app.register(backupRoutes, { service: backup });
  // </backup-routes>
  // <offsite-files-routes>
  await app.register(offsiteFilesRoutes, { service: offsiteFiles });
  // </offsite-files-routes>
  // <remote-access-routes>
  await app.register(remoteAccessRoutes, { service: remoteAccess });
  // </remote-access-routes>
  await app.register(displayRoutes, { service: displays });
  await app.register(realtimeRoutes, {
    service: realtime,
    ...(ctx.realtimeHeartbeatMs === undefined ? {} : { heartbeatMs: ctx.realtimeHeartbeatMs }),
  });

  return app;
}
