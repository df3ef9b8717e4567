import { describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../src/events/domain-events.js';
import { EventBus, LiveEventContractError } from '../../src/events/event-bus.js';

describe('the event bus holds every payload to the live-event contract', () => {
  it('delivers a payload that matches its schema', () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.on('jobChanged', (payload) => seen.push(payload));
    bus.emit('jobChanged', { jobId: 'j', repairOrderId: 'r', at: '2026-12-07T10:00:00Z' });
    expect(seen).toHaveLength(1);
  });

  it('reports a payload that does not match, and delivers it to nobody', () => {
    const errors: unknown[] = [];
    const bus = new EventBus((error) => errors.push(error));
    const seen: unknown[] = [];
    bus.on('repairOrderChanged', (payload) => seen.push(payload));
    bus.onAny((name) => seen.push(name));
    const wrong = { repairOrderId: 'r', number: 7, change: 'teleported', at: 'now' };
    bus.emit('repairOrderChanged', wrong as unknown as DomainEvents['repairOrderChanged']);
    expect(seen).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(LiveEventContractError);
    expect(String(errors[0])).toContain('/change');
  });
});
