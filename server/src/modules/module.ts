import type { SerialBinding } from '../../../devices/obd/elm327-link.js';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/config.schema.js';
import type { Database, Db } from '../db/database.js';
import type { WriteStamp } from '../db/write-stamp.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../lib/clock.js';
import type { Access } from '../plugins/route-permissions.js';
import type { Services } from './services.js';

/**
 * The module recipe (README, "Adding a module"). A module is a folder under server/src/modules
 * with one `<name>.module.ts` that exports a definition made by `defineModule`: the services it
 * needs from other modules (by name), what it gives them, and, from `create`, its routes with
 * their rows of the route × role table, its event subscriptions and its background work.
 * Constructors do no I/O; `start` and `stop` do (zigbee2mqtt's extensions work the same way).
 */

/** The OBD adapter's serialport binding and deadlines: tests play an ELM327 back on binding-mock. */
export interface ObdSerialTuning {
  binding?: SerialBinding;
  commandTimeoutMs?: number;
  searchTimeoutMs?: number;
}

/** What every module gets: the app's shared, module-free parts. */
export interface Kernel {
  config: AppConfig;
  database: Database;
  db: Db;
  clock: Clock;
  events: EventBus;
  log: FastifyBaseLogger;
  /** For decorations other parts read (main.ts: app.lanHttps, tests: app.outbox) and hooks. */
  app: FastifyInstance;
  /** One write stamp for every read cache (sessions, repair orders, the board): see write-stamp.ts. */
  writeStamp: WriteStamp;
  version: string;
  /** Knobs tests turn (a shorter WebSocket heartbeat); production leaves them unset. */
  tuning: {
    realtimeHeartbeatMs?: number;
    /** Where the MQTT broker binds instead of config (tests: port 0 = any free port, null = off). */
    mqtt?: { host: string; mqtt: number | null; mqtts: number | null };
    /** How long the broker waits for CONNECT on a new socket (tests shorten it). */
    mqttConnectTimeoutMs?: number;
    /** How often jobs in bays are checked against their book hours (tests shorten it). */
    bayOverrunCheckMs?: number;
    /** The OBD adapter's serialport binding (tests: binding-mock) and deadlines. */
    obdSerial?: ObdSerialTuning;
  };
}

/** What a module instance brings to the app. Every part is optional. */
export interface ModuleParts<Gives extends Partial<Services>> {
  /** The services other modules may need from this one. */
  gives: Gives;
  /** This module's rows of the route × role table ("METHOD /url" → who may call it). */
  permissions?: Readonly<Record<string, Access>>;
  /** Registers the module's routes (thin: validate, call the service). */
  routes?: (app: FastifyInstance) => Promise<unknown>;
  /** Listeners on the event bus: subscribed before start, unsubscribed after stop. */
  subscriptions?: (events: EventBus) => Array<() => void>;
  /** Background work (workers, timers, listeners): started once the app is ready, in list order. */
  start?: () => Promise<void> | void;
  /** Stops what start began; called in reverse list order when the app closes. */
  stop?: () => Promise<void> | void;
  /** Work that needs a listening server (not in inject-only tests): started after listen. */
  startListening?: () => Promise<void> | void;
}

export interface ModuleDefinition<
  Needs extends keyof Services = keyof Services,
  Gives extends keyof Services = keyof Services,
> {
  readonly name: string;
  readonly needs: readonly Needs[];
  readonly gives: readonly Gives[];
  readonly create: (
    kernel: Kernel,
    needs: Pick<Services, Needs>,
  ) => ModuleParts<Pick<Services, Gives>> | Promise<ModuleParts<Pick<Services, Gives>>>;
}

/** Declares a module; `needs` and `gives` are checked against the services' types. */
export function defineModule<Needs extends keyof Services = never, Gives extends keyof Services = never>(
  definition: ModuleDefinition<Needs, Gives>,
): ModuleDefinition<Needs, Gives> {
  return definition;
}

/** Any module, as the app's list holds them (each entry keeps its own types where it is defined). */
export interface AnyModuleDefinition {
  readonly name: string;
  readonly needs: readonly (keyof Services)[];
  readonly gives: readonly (keyof Services)[];
  readonly create: (
    kernel: Kernel,
    needs: never,
  ) => ModuleParts<Partial<Services>> | Promise<ModuleParts<Partial<Services>>>;
}
