import { join } from 'node:path';
import {
  DTC_DESCRIPTIONS_FILE,
  loadFirstDtcDescriptions,
  SHARED_DTC_DESCRIPTIONS_FILE,
} from '../../../../devices/obd/dtc-descriptions.js';
import { appRoot } from '../../lib/app-root.js';
import { COUNTER, FLOOR, type Access } from '../../plugins/route-permissions.js';
import { defineModule } from '../module.js';
import { DongleReports, type DongleMessage, type DtcReport, type Telemetry } from './obd-dongles.service.js';
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

/** OBD: scans with the server's ELM327 adapter, dongle reports over MQTT (via deviceGateway), DTC descriptions. */
export const obdModule = defineModule({
  name: 'obd',
  needs: ['audit', 'vehicles', 'repairOrders', 'deviceGateway'],
  gives: [],
  create: ({ config, db, clock, events, log, tuning }, { audit, vehicles, repairOrders, deviceGateway }) => {
    const descriptions: { table: ReadonlyMap<string, string>; problem: string | null } = {
      table: new Map(),
      problem: 'not loaded yet',
    };
    const service = new ObdService({
      db,
      clock,
      events,
      audit,
      vehicles,
      repairOrders,
      descriptions,
      serial: { path: config.obdSerialPath, baudRate: config.obdSerialBaudRate, ...tuning.obdSerial },
    });
    const dongles = new DongleReports({
      db,
      clock,
      events,
      vehicles,
      repairOrders,
      rawTelemetryDays: config.obdTelemetryRawDays,
    });
    let unsubscribe: Array<() => void> = [];
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
        const files = config.obdDtcDescriptionsFile
          ? [config.obdDtcDescriptionsFile]
          : [join(appRoot(), DTC_DESCRIPTIONS_FILE), join(appRoot(), SHARED_DTC_DESCRIPTIONS_FILE)];
        const loaded = await loadFirstDtcDescriptions(files);
        descriptions.table = loaded.descriptions;
        descriptions.problem = loaded.problem;
        if (loaded.problem !== null) log.warn(`DTC descriptions unavailable: ${loaded.problem}`);
        // A handler that throws is counted by the gateway as that dongle's bad message, with its text.
        // The gateway validated each payload against the contract's schema. The handlers take it as
        // `unknown` and cast: DevicePayload is too deep for TypeScript to compare with the schema's Static.
        const onDongle = <P>(
          channel: 'telemetry' | 'dtc',
          ingest: (m: DongleMessage<P>) => Promise<unknown>,
        ) =>
          deviceGateway.onMessage('obd-dongle', channel, async (m: DongleMessage<unknown>) => {
            await ingest({ device: m.device, payload: m.payload as P, receivedAt: m.receivedAt });
          });
        unsubscribe = [
          onDongle<Telemetry>('telemetry', (m) => dongles.ingestTelemetry(m)),
          onDongle<DtcReport>('dtc', (m) => dongles.ingestDtc(m)),
        ];
        // Once at start; then as telemetry arrives (DongleReports prunes hourly while it does).
        await prune();
      },
      stop: () => {
        for (const off of unsubscribe) off();
      },
    };
  },
});
