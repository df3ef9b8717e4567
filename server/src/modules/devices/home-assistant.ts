import type { FastifyBaseLogger } from 'fastify';
import { HOME_ASSISTANT_PREFIX, mqttTopic } from '../../../contracts/mqtt.js';

/** What Home Assistant is told about: the shop's active bays and its label printers. */
export interface FloorForDiscovery {
  shopName: string;
  version: string;
  bays: ReadonlyArray<{ id: string; name: string }>;
  printers: ReadonlyArray<{ id: string; name: string }>;
}

export interface DiscoveryMessage {
  topic: string;
  /** The retained config, as JSON text. */
  payload: string;
}

const SERVER_DEVICE_ID = 'ase_server';

/**
 * Home Assistant's MQTT discovery configs for the floor: per bay an occupancy binary sensor read
 * from ASE's retained bay state, per printer a connectivity binary sensor and a queued-jobs sensor
 * read from its retained printer state. Every entity is unavailable while ASE's own retained
 * server status says offline. Ids are ASE's UUIDs, so a renamed bay stays the same entity.
 * See https://www.home-assistant.io/integrations/mqtt/#mqtt-discovery for the fields.
 */
export function discoveryMessages(floor: FloorForDiscovery): DiscoveryMessage[] {
  const origin = { name: 'ASE', sw: floor.version };
  const availability = {
    availability_topic: mqttTopic.serverStatus,
    payload_available: 'online',
    payload_not_available: 'offline',
  };
  const server = {
    identifiers: [SERVER_DEVICE_ID],
    name: `${floor.shopName} (ASE)`,
    manufacturer: 'ASE',
    model: 'Shop server',
    sw_version: floor.version,
  };
  const messages: DiscoveryMessage[] = [];
  const add = (component: string, objectId: string, config: Record<string, unknown>) =>
    messages.push({
      topic: `${HOME_ASSISTANT_PREFIX}/${component}/${objectId}/config`,
      payload: JSON.stringify({ ...config, ...availability, origin }),
    });
  for (const bay of floor.bays) {
    const state = mqttTopic.bayState(bay.id);
    add('binary_sensor', `ase_bay_${bay.id}`, {
      name: 'Occupied',
      unique_id: `ase_bay_${bay.id}_occupied`,
      device_class: 'occupancy',
      state_topic: state,
      value_template: "{{ 'ON' if value_json.occupied else 'OFF' }}",
      json_attributes_topic: state,
      device: {
        identifiers: [`ase_bay_${bay.id}`],
        name: bay.name,
        manufacturer: 'ASE',
        model: 'Bay',
        via_device: SERVER_DEVICE_ID,
      },
    });
  }
  for (const printer of floor.printers) {
    const state = mqttTopic.printerState(printer.id);
    const device = {
      identifiers: [`ase_printer_${printer.id}`],
      name: printer.name,
      manufacturer: 'ASE',
      model: 'Label printer',
      via_device: SERVER_DEVICE_ID,
    };
    add('binary_sensor', `ase_printer_${printer.id}`, {
      name: 'Online',
      unique_id: `ase_printer_${printer.id}_online`,
      device_class: 'connectivity',
      state_topic: state,
      value_template: "{{ 'ON' if value_json.online else 'OFF' }}",
      json_attributes_topic: state,
      device,
    });
    add('sensor', `ase_printer_${printer.id}_queued`, {
      name: 'Labels waiting',
      unique_id: `ase_printer_${printer.id}_queued`,
      state_topic: state,
      value_template: '{{ value_json.queued }}',
      unit_of_measurement: 'labels',
      icon: 'mdi:printer',
      device,
    });
  }
  // The server itself, so the bays and printers have a parent device to sit under.
  add('binary_sensor', SERVER_DEVICE_ID, {
    name: 'Running',
    unique_id: `${SERVER_DEVICE_ID}_running`,
    device_class: 'running',
    state_topic: mqttTopic.serverStatus,
    payload_on: 'online',
    payload_off: 'offline',
    device: server,
  });
  return messages;
}

export interface HomeAssistantPorts {
  /** Whether a Home Assistant is paired (an unrevoked device of that kind): discovery is on then. */
  enabled(): Promise<boolean>;
  floor(): Promise<FloorForDiscovery>;
  /** Retained publish as the server (an empty payload clears a retained message). */
  publish(topic: string, payload: string): Promise<void>;
  log: FastifyBaseLogger;
}

/**
 * Keeps the retained discovery configs in step with the floor: announces what is new or changed,
 * clears (empty retained payload) what is gone, and clears everything when no Home Assistant is
 * paired any more. Calls while one runs coalesce into one more pass.
 */
export class HomeAssistantDiscovery {
  /** topic → payload as last retained on the broker. */
  readonly #retained = new Map<string, string>();
  #running: Promise<void> | null = null;
  #again = false;
  #soon: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly ports: HomeAssistantPorts) {}

  sync(): Promise<void> {
    if (this.#running !== null) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#pass();
        } while (this.#again);
      } catch (error) {
        this.ports.log.warn({ err: error }, 'Home Assistant discovery could not be published');
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  /**
   * A sync within `delayMs`, however often asked meanwhile: every device's "last seen" raises
   * device.changed (hundreds a second on a busy floor), and discovery needs one pass for all.
   */
  syncSoon(delayMs: number): void {
    if (this.#soon !== null) return;
    this.#soon = setTimeout(() => {
      this.#soon = null;
      void this.sync();
    }, delayMs);
    this.#soon.unref();
  }

  /** No pass after the broker stops. */
  cancelSoon(): void {
    if (this.#soon !== null) clearTimeout(this.#soon);
    this.#soon = null;
  }

  /** Home Assistant (re)started and announced itself: everything is sent again, as it asks. */
  async announceAgain(): Promise<void> {
    this.#retained.clear();
    await this.sync();
  }

  /** The broker restarted: it retains nothing any more. */
  forget(): void {
    this.#retained.clear();
  }

  async #pass(): Promise<void> {
    const wanted = (await this.ports.enabled()) ? discoveryMessages(await this.ports.floor()) : [];
    const keep = new Set<string>();
    for (const { topic, payload } of wanted) {
      keep.add(topic);
      if (this.#retained.get(topic) === payload) continue;
      await this.ports.publish(topic, payload);
      this.#retained.set(topic, payload);
    }
    for (const topic of [...this.#retained.keys()]) {
      if (keep.has(topic)) continue;
      await this.ports.publish(topic, '');
      this.#retained.delete(topic);
    }
  }
}
