import { describe, expect, it } from 'vitest';
import { CHIME_MUTED_KEY, CHIME_TONES, chimeOutcome, readMuted, writeMuted } from './kiosk-chime';

/** A Storage that keeps its items in a map, or refuses every call like a locked-down browser. */
function storage(refuse = false): Storage {
  const items = new Map<string, string>();
  const guard = () => {
    if (refuse) throw new DOMException('denied', 'SecurityError');
  };
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => (guard(), items.get(k) ?? null),
    setItem: (k, v) => (guard(), void items.set(k, v)),
    removeItem: (k) => (guard(), void items.delete(k)),
  };
}

describe('the kiosk chime', () => {
  it('is silent until the page had a click or key press, and when muted', () => {
    expect(chimeOutcome({ unlocked: false, muted: false })).toBe('locked');
    expect(chimeOutcome({ unlocked: true, muted: false })).toBe('played');
    expect(chimeOutcome({ unlocked: true, muted: true })).toBe('muted');
  });

  it('remembers the mute choice per browser, and a refusing storage is simply not muted', () => {
    const local = storage();
    expect(readMuted(local)).toBe(false);
    writeMuted(local, true);
    expect(local.getItem(CHIME_MUTED_KEY)).toBe('1');
    expect(readMuted(local)).toBe(true);
    writeMuted(local, false);
    expect(readMuted(local)).toBe(false);
    const refusing = storage(true);
    expect(() => writeMuted(refusing, true)).not.toThrow();
    expect(readMuted(refusing)).toBe(false);
    expect(readMuted(null)).toBe(false);
  });

  it('is short: under half a second, rising', () => {
    const end = Math.max(...CHIME_TONES.map((t) => t.startS + t.durationS));
    expect(end).toBeLessThan(0.5);
    expect(CHIME_TONES[1]!.frequencyHz).toBeGreaterThan(CHIME_TONES[0]!.frequencyHz);
  });
});
