import { describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import {
  discoveryMessages,
  HomeAssistantDiscovery,
  type FloorForDiscovery,
} from '../../src/modules/devices/home-assistant.js';

/**
 * What reaches the broker as Home Assistant pairs, the floor changes and Home Assistant is
 * unpaired. The broker side is a list of (topic, payload) retained publishes: the broker itself is
 * exercised in integration/home-assistant.test.ts.
 */

const floor: FloorForDiscovery = {
  shopName: 'Main Street Auto',
  version: '1.2.3',
  bays: [
    { id: 'bay-1', name: 'Bay 1' },
    { id: 'bay-2', name: 'Bay 2' },
  ],
  printers: [{ id: 'printer-1', name: 'Counter printer' }],
};

function harness() {
  const published: Array<[string, string]> = [];
  const state = { enabled: true, floor };
  const discovery = new HomeAssistantDiscovery({
    enabled: async () => state.enabled,
    floor: async () => state.floor,
    publish: async (topic, payload) => {
      published.push([topic, payload]);
    },
    log: pino({ level: 'silent' }),
  });
  return { published, state, discovery };
}

describe('discoveryMessages', () => {
  it('has one occupancy sensor per bay, two entities per printer and the server', () => {
    const topics = discoveryMessages(floor).map((m) => m.topic);
    expect(topics).toEqual([
      'homeassistant/binary_sensor/ase_bay_bay-1/config',
      'homeassistant/binary_sensor/ase_bay_bay-2/config',
      'homeassistant/binary_sensor/ase_printer_printer-1/config',
      'homeassistant/sensor/ase_printer_printer-1_queued/config',
      'homeassistant/binary_sensor/ase_server/config',
    ]);
    const unique = discoveryMessages(floor).map(
      (m) => (JSON.parse(m.payload) as { unique_id: string }).unique_id,
    );
    expect(new Set(unique).size).toBe(unique.length);
  });
});

describe('HomeAssistantDiscovery', () => {
  it('publishes what changed only, and clears what is gone', async () => {
    const { published, state, discovery } = harness();
    await discovery.sync();
    expect(published).toHaveLength(5);
    published.length = 0;
    await discovery.sync();
    expect(published).toEqual([]);
    state.floor = { ...floor, bays: [{ id: 'bay-1', name: 'Bay 1 (lift)' }] };
    await discovery.sync();
    expect(published.map(([topic, payload]) => [topic, payload === '' ? 'cleared' : 'set'])).toEqual([
      ['homeassistant/binary_sensor/ase_bay_bay-1/config', 'set'],
      ['homeassistant/binary_sensor/ase_bay_bay-2/config', 'cleared'],
    ]);
  });

  it('clears every entity when no Home Assistant is paired any more', async () => {
    const { published, state, discovery } = harness();
    await discovery.sync();
    published.length = 0;
    state.enabled = false;
    await discovery.sync();
    expect(published).toHaveLength(5);
    expect(published.every(([, payload]) => payload === '')).toBe(true);
  });

  it('sends everything again when Home Assistant announces itself', async () => {
    const { published, discovery } = harness();
    await discovery.sync();
    await discovery.announceAgain();
    expect(published).toHaveLength(10);
  });

  it('coalesces calls made while a pass runs into one more pass', async () => {
    const { published, discovery } = harness();
    await Promise.all([discovery.sync(), discovery.sync(), discovery.sync()]);
    expect(published).toHaveLength(5);
  });

  it('a burst of device changes is one pass after the delay, and none once cancelled', async () => {
    vi.useFakeTimers();
    try {
      const { published, state, discovery } = harness();
      for (let i = 0; i < 200; i++) discovery.syncSoon(1_000);
      await vi.advanceTimersByTimeAsync(999);
      expect(published).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(published).toHaveLength(5);
      published.length = 0;
      state.enabled = false; // a pass now would clear all five
      discovery.syncSoon(1_000);
      discovery.cancelSoon();
      await vi.advanceTimersByTimeAsync(2_000);
      expect(published).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
