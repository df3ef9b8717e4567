import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/events/event-bus.js';
import { ManualClock } from '../../src/lib/clock.js';
import { RealtimeHub, type RealtimeClient } from '../../src/modules/realtime/realtime.hub.js';

/** A socket as the hub sees it: what it watches, and what it was sent (object and text). */
function client(topics: string[]) {
  const sent: Array<{ message: object; json: string | undefined }> = [];
  const socket: RealtimeClient = {
    topics: new Set(topics),
    mayUse: () => true,
    send: (message, json) => sent.push({ message, json }),
  };
  return { socket, sent };
}

describe('RealtimeHub fan-out', () => {
  it('serializes an event once and hands the same text to every socket watching its topics', () => {
    const events = new EventBus();
    const hub = new RealtimeHub(events, new ManualClock(new Date('2026-03-02T14:00:00Z')));
    hub.start();
    const tvs = [client(['board']), client(['board']), client(['board', 'devices'])];
    const elsewhere = client(['devices']);
    for (const tv of [...tvs, elsewhere]) hub.add(tv.socket);
    events.emit('bayOccupancyChanged', {
      bayId: 'bay-1',
      occupied: true,
      since: '2026-03-02T13:59:00.000Z',
      jobId: null,
      repairOrderId: null,
      at: '2026-03-02T14:00:00.000Z',
    });
    const texts = tvs.map((tv) => {
      expect(tv.sent).toHaveLength(1);
      return tv.sent[0]!.json;
    });
    expect(texts[0]).toBeDefined();
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!)).toEqual(JSON.parse(JSON.stringify(tvs[0]!.sent[0]!.message)));
    expect(JSON.parse(texts[0]!)).toMatchObject({ type: 'event', seq: 1, name: 'bayOccupancyChanged' });
    expect(elsewhere.sent).toEqual([]);
    hub.stop();
  });
});
