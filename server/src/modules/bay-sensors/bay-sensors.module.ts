import { defineModule } from '../module.js';
import { FLOOR, type Access } from '../../plugins/route-permissions.js';
import { baySensorsRoutes } from './bay-sensors.routes.js';
import { BaySensorsService } from './bay-sensors.service.js';

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

/** Bay sensors: occupancy, the job a bay maps to, time in bay, overrun alerts, retained bay state. */
export const baySensorsModule = defineModule({
  name: 'bay-sensors',
  needs: ['bays', 'jobs', 'settings', 'notifications', 'displays', 'deviceGateway'],
  gives: ['baySensors'],
  create: (
    { db, clock, events, log, tuning },
    { bays, jobs, settings, notifications, displays, deviceGateway },
  ) => {
    const gateway = deviceGateway;
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
    // The bay TVs' board shows what the sensors say (see DisplayService.useBaySensors).
    displays.useBaySensors(baySensors);
    let timer: ReturnType<typeof setInterval> | undefined;
    let unsubscribe: (() => void) | undefined;
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
        bus.on('device.changed', ({ deviceId }) => {
          void baySensors
            .onDeviceChanged(deviceId)
            .catch((error: unknown) => log.warn({ err: error }, 'announcing a bay sensor’s state failed'));
        }),
      ],
      start: async () => {
        unsubscribe = gateway.onMessage('bay-sensor', 'occupancy', async (message) => {
          await baySensors.handleOccupancy(message);
        });
        await baySensors.publishStates();
        timer = setInterval(() => {
          void baySensors
            .checkOverruns()
            .catch((error: unknown) => log.warn({ err: error }, 'checking bay overruns failed'));
        }, tuning.bayOverrunCheckMs ?? OVERRUN_CHECK_MS);
        timer.unref();
      },
      stop: () => {
        unsubscribe?.();
        clearInterval(timer);
      },
    };
  },
});
