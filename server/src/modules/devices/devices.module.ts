import { defineModule } from '../module.js';
import { OWNER, type Access } from '../../plugins/route-permissions.js';
import { DeviceBroker, type BrokerPorts } from './device-broker.js';
import { deviceMessageLimits } from './rate-limits.js';
import { DeviceGateway } from './device-gateway.js';
import { DeviceHealth } from './device-health.js';
import { findDevice, listDevicesOfKind } from './devices.repository.js';
import { HomeAssistantDiscovery } from './home-assistant.js';
import { readAppVersion } from '../../lib/version.js';
import { devicesRoutes } from './devices.routes.js';
import { DevicesService } from './devices.service.js';
import { mqttTopic, type DeviceKind } from '../../../contracts/mqtt.js';
import type { BrokerInfo } from './devices.schemas.js';

/** Who may call this module's routes (its rows of the route × role table). */
const PERMISSIONS: Readonly<Record<string, Access>> = {
  'GET /api/devices': OWNER,
  'GET /api/devices/broker': OWNER,
  'POST /api/devices': OWNER,
  'PATCH /api/devices/:id': OWNER,
  'POST /api/devices/:id/password': OWNER,
  'POST /api/devices/:id/revoke': OWNER,
};

/** A device change reaches Home Assistant's discovery within this (one pass for a burst of them). */
const DISCOVERY_SETTLE_MS = 1_000;

/** How often Home Assistant discovery is compared with the floor (bay renames raise no event). */
const DISCOVERY_RESYNC_MS = 5 * 60_000;

/** How long a socket may stay without sending CONNECT (aedes' default is 30 s). */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The shop floor: the embedded MQTT broker (plain and TLS, the local CA's certificate), device
 * pairing and the floor list, and the `deviceGateway` other modules use for reports, bay state
 * and commands. The broker binds once the app listens (inject-only tests never bind it) and closes
 * with the app.
 */
export const devicesModule = defineModule({
  name: 'devices',
  needs: ['audit', 'bays', 'displays', 'realtime', 'lanHttps', 'settings'],
  gives: ['deviceGateway'],
  create: (
    { app, db, clock, events, log, config, tuning },
    { audit, bays, displays, realtime, lanHttps, settings },
  ) => {
    const ports: BrokerPorts = tuning.mqtt ?? {
      host: config.mqttHost,
      mqtt: config.mqttPort === 0 ? null : config.mqttPort,
      mqtts: config.mqttTlsPort === 0 ? null : config.mqttTlsPort,
    };
    const health = new DeviceHealth(db, clock, events, log);
    // The gateway is made before the broker it hands reports to; the broker's sink calls it late.
    let gateway: DeviceGateway | null = null;
    const broker = new DeviceBroker({
      ports,
      tls: async () => {
        const material = await lanHttps.tlsMaterial();
        return {
          keyPem: material.keyPem,
          certPem: material.certPem,
          caSha256: material.status.caFingerprintSha256,
        };
      },
      findDevice: async (id) => {
        const row = await findDevice(db, id);
        return row === undefined
          ? undefined
          : {
              id: row.id,
              kind: row.kind as DeviceKind,
              name: row.name,
              bayId: row.bay_id,
              passwordHash: row.password_hash,
              revokedAt: row.revoked_at,
            };
      },
      health,
      onReport: (device, channel, payload) => gateway?.deliver(device, channel, payload),
      onHomeAssistantStatus: (state) => {
        if (state === 'online') void homeAssistant.announceAgain();
      },
      log,
      connectTimeoutMs: tuning.mqttConnectTimeoutMs ?? CONNECT_TIMEOUT_MS,
      messageLimits: deviceMessageLimits(config.mqttDeviceMessagesPerSecond),
    });
    gateway = new DeviceGateway(db, clock, broker, health, log);
    const deviceGateway = gateway;
    const version = readAppVersion();
    const homeAssistant = new HomeAssistantDiscovery({
      enabled: async () => (await listDevicesOfKind(db, 'home-assistant')).length > 0,
      floor: async () => {
        const [shop, bayList, printers] = await Promise.all([
          settings.get(),
          bays.list(),
          listDevicesOfKind(db, 'label-printer'),
        ]);
        return {
          shopName: shop.shopName,
          version,
          bays: bayList.filter((bay) => bay.active).map((bay) => ({ id: bay.id, name: bay.name })),
          printers: printers.map((printer) => ({ id: printer.id, name: printer.name })),
        };
      },
      publish: (topic, payload) => broker.publish(topic, payload, { qos: 1, retain: true }),
      log,
    });
    deviceGateway.onNewBay = () => void homeAssistant.sync();
    let resync: ReturnType<typeof setInterval> | undefined;
    const service = new DevicesService({ db, clock, audit, bays, displays, realtime, broker, health });
    app.decorate('deviceBrokerState', () => service.brokerInfo());
    app.decorate('deviceGateway', deviceGateway);
    return {
      gives: { deviceGateway },
      permissions: PERMISSIONS,
      routes: async (app) => app.register(devicesRoutes, { service }),
      // A Home Assistant paired or revoked, a printer added or renamed: discovery follows.
      subscriptions: (bus) => [bus.on('device.changed', () => homeAssistant.syncSoon(DISCOVERY_SETTLE_MS))],
      startListening: async () => {
        await broker.start();
        homeAssistant.forget();
        await broker.publish(mqttTopic.serverStatus, 'online', { qos: 1, retain: true });
        await deviceGateway.republishStates();
        await homeAssistant.sync();
        // Bays renamed or retired raise no event here: a slow pass catches them.
        resync = setInterval(() => void homeAssistant.sync(), DISCOVERY_RESYNC_MS);
        resync.unref();
      },
      stop: async () => {
        clearInterval(resync);
        homeAssistant.cancelSoon();
        // Home Assistant shows the floor unavailable rather than frozen at its last state.
        await broker.publish(mqttTopic.serverStatus, 'offline', { qos: 1, retain: true });
        await broker.stop();
        await health.stop();
      },
    };
  },
});

declare module 'fastify' {
  interface FastifyInstance {
    /** The MQTT broker's ports as bound (tests read the free port it got) and the CA fingerprint. */
    deviceBrokerState: () => BrokerInfo;
    /** The devices module's gateway, for tests that publish bay state or listen to reports. */
    deviceGateway: DeviceGateway;
  }
}
