import { defineModule } from '../module.js';
import { FLOOR, type Access } from '../../plugins/route-permissions.js';
import { baySensorsRoutes } from './bay-sensors.routes.js';
import { BaySensorsService, type BaySensorGateway } from './bay-sensors.service.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/bay-sensors/floor': 'staff',
  'GET /api/bay-sensors/events': 'staff',
  'POST /api/bay-sensors/suggestions/:id/accept': FLOOR,
  'POST /api/bay-sensors/suggestions/:id/dismiss': FLOOR,
  'GET /api/bay-sensors/repair-orders/:id': 'staff',
};

/** How often a job's time in bay is checked against its book hours. */
const OVERRUN_CHECK_MS = 30_000;

// Until the device gateway lands (BROKER): nothing is published, no sensor is listed.
const noGateway: BaySensorGateway = { publishBayState: async () => {}, devicesOfKind: async () => [] };

/** Bay sensors: occupancy, the job a bay maps to, time in bay, overrun alerts, retained bay state. */
export const baySensorsModule = defineModule({
  name: 'bay-sensors',
  needs: ['bays', 'jobs', 'settings', 'notifications'],
  gives: ['baySensors'],
  create: ({ db, clock, events, log }, { bays, jobs, settings, notifications }) => {
    const gateway = noGateway;
    const baySensors = new BaySensorsService({
      db,
      clock,
      events,
      log,
      bays,
      jobs,
      settings,
      notifications,
      gateway,
    });
    let timer: ReturnType<typeof setInterval> | undefined;
    const republish = () => void baySensors.publishStates();
    return {
      gives: { baySensors },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(baySensorsRoutes, { service: baySensors }),
      subscriptions: (bus) => [
        bus.on('jobStatusChanged', (change) => {
          void baySensors
            .onJobStatusChanged(change.jobId)
            .catch((error: unknown) => log.warn({ err: error }, 'expiring bay-sensor suggestions failed'));
          republish();
        }),
        // The job a bay maps to moves with these: the displays' retained state follows.
        bus.on('jobChanged', republish),
        bus.on('repairOrderChanged', republish),
      ],
      start: async () => {
        await baySensors.publishStates();
        timer = setInterval(() => {
          void baySensors
            .checkOverruns()
            .catch((error: unknown) => log.warn({ err: error }, 'checking bay overruns failed'));
        }, OVERRUN_CHECK_MS);
        timer.unref();
      },
      stop: () => clearInterval(timer),
    };
  },
});
