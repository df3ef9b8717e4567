import { describe, expect, it } from 'vitest';
import { idlePhase } from './idle';

describe('idlePhase', () => {
  const touched = 1_000_000;
  it('is active until idleSeconds pass without a touch', () => {
    expect(idlePhase(touched + 59_999, touched, 60)).toEqual({ phase: 'active' });
  });
  it('asks "Still there?" for the prompt seconds, counting down', () => {
    expect(idlePhase(touched + 60_000, touched, 60)).toEqual({ phase: 'asking', secondsLeft: 20 });
    expect(idlePhase(touched + 75_500, touched, 60)).toEqual({ phase: 'asking', secondsLeft: 5 });
  });
  it('expires (wipe) when the prompt runs out', () => {
    expect(idlePhase(touched + 80_000, touched, 60)).toEqual({ phase: 'expired' });
  });
  it('follows the setting', () => {
    expect(idlePhase(touched + 25_000, touched, 20, 20).phase).toBe('asking');
    expect(idlePhase(touched + 25_000, touched, 600, 20).phase).toBe('active');
  });
  it('a clock going backwards counts as a touch, not as expired', () => {
    expect(idlePhase(touched - 5_000, touched, 60)).toEqual({ phase: 'active' });
  });
});
