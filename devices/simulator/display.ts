import type { MqttClient } from 'mqtt';
import { Value } from '@sinclair/typebox/value';
import { BayStateSchema, mqttTopic, type BayState } from '../../server/contracts/mqtt.js';
import { DeviceClient } from './device-client.js';

/**
 * A bay TV on MQTT: it subscribes to its bay's retained state (`ase/v1/bay/<bayId>/state`), which
 * the broker hands over at once on subscribing and again on every change, and shows it; here it
 * prints what it would show. It needs its bay's id: the pairing's `bayId`.
 */
export class Display extends DeviceClient {
  readonly kind = 'display' as const;
  protected readonly model = 'ASE simulated bay display';
  readonly seen: BayState[] = [];

  protected override async onConnected(client: MqttClient): Promise<void> {
    const bayId = this.pairing.bayId;
    if (bayId == null) {
      this.log('no bay in its pairing (bayId): nothing to show');
      return;
    }
    const topic = mqttTopic.bayState(bayId);
    client.on('message', (received, payload) => {
      if (received === topic) this.show(payload.toString('utf8'));
    });
    await client.subscribeAsync(topic, { qos: 1 });
  }

  private show(text: string): void {
    let state: unknown;
    try {
      state = JSON.parse(text);
    } catch {
      state = undefined;
    }
    if (!Value.Check(BayStateSchema, state)) {
      this.log(`bay state it cannot show: ${text.slice(0, 120)}`);
      return;
    }
    this.seen.push(state);
    const job =
      state.repairOrderNumber !== null
        ? ` RO ${state.repairOrderNumber} ${state.jobTitle ?? ''}`.trimEnd()
        : '';
    this.log(state.occupied ? `shows: occupied since ${state.since ?? '?'}${job}` : `shows: empty${job}`);
  }
}
