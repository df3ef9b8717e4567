import { join } from 'node:path';
import { DTC_DESCRIPTIONS_FILE, loadDtcDescriptions } from '../../../../devices/obd/dtc-descriptions.js';
import { appRoot } from '../../lib/app-root.js';
import { COUNTER, FLOOR, type Access } from '../../plugins/route-permissions.js';
import { defineModule } from '../module.js';
import { DongleReports } from './obd-dongles.service.js';
import { obdRoutes } from './obd.routes.js';
import { ObdService } from './obd.service.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/vehicles/:id/obd': 'staff',
  'POST /api/vehicles/:id/obd-scan': FLOOR,
  'POST /api/vehicles/:id/obd-clear': FLOOR,
  'POST /api/obd/odometer-holds/:id/confirm': FLOOR,
  'GET /api/obd/unmatched': COUNTER,
  'POST /api/obd/unmatched/:id/attach': COUNTER,
};

/** Raw telemetry older than obdTelemetryRawDays goes this often (and once at start). */
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

/** OBD: scans with the server's ELM327 adapter, dongle reports over MQTT, DTC descriptions. */
export const obdModule = defineModule({
  name: 'obd',
  needs: ['audit', 'vehicles', 'repairOrders'],
  gives: [],
  create: ({ config, db, clock, log, tuning }, { audit, vehicles, repairOrders }) => {
    const descriptions: { table: ReadonlyMap<string, string>; problem: string | null } = {
      table: new Map(),
      problem: 'not loaded yet',
    };
    const service = new ObdService({
      db,
      clock,
      audit,
      vehicles,
      repairOrders,
      descriptions,
      serial: { path: config.obdSerialPath, baudRate: config.obdSerialBaudRate, ...tuning.obdSerial },
    });
    const dongles = new DongleReports({
      db,
      clock,
      vehicles,
      repairOrders,
      rawTelemetryDays: config.obdTelemetryRawDays,
    });
    let pruneTimer: NodeJS.Timeout | undefined;
    const prune = () =>
      dongles
        .pruneTelemetry()
        .then((deleted) => deleted > 0 && log.info({ deleted }, 'old OBD telemetry pruned'))
        .catch((error: unknown) => log.error({ err: error }, 'pruning OBD telemetry failed'));
    return {
      gives: {},
      permissions: PERMISSIONS,
      routes: async (app) => app.register(obdRoutes, { service, dongles }),
      start: async () => {
        const file = config.obdDtcDescriptionsFile || join(appRoot(), DTC_DESCRIPTIONS_FILE);
        const loaded = await loadDtcDescriptions(file);
        descriptions.table = loaded.descriptions;
        descriptions.problem = loaded.problem;
        if (loaded.problem !== null) log.warn(`DTC descriptions unavailable: ${loaded.problem}`);
        void prune();
        pruneTimer = setInterval(() => void prune(), PRUNE_EVERY_MS);
        pruneTimer.unref();
      },
      stop: () => clearInterval(pruneTimer),
    };
  },
});
