import { describe, expect, it } from 'vitest';
import { idleAction, idlePhase } from './idle';

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

describe('idleAction', () => {
  const at = 1_000_000;
  const base = {
    step: 'concerns',
    nowMs: at,
    lastTouchMs: at,
    thanksAtMs: 0,
    idleSeconds: 60,
    busy: false,
    language: 'en',
  };

  it('mid-flow: nothing, then ask, then wipe', () => {
    expect(idleAction(base)).toEqual({ do: 'nothing' });
    expect(idleAction({ ...base, nowMs: at + 61_000 })).toEqual({ do: 'ask', secondsLeft: 19 });
    expect(idleAction({ ...base, nowMs: at + 80_000 })).toEqual({ do: 'wipe' });
  });
  it('the thank-you screen starts over after 10 s, touched or not', () => {
    const thanks = { ...base, step: 'thanks', thanksAtMs: at };
    expect(idleAction({ ...thanks, nowMs: at + 9_999 })).toEqual({ do: 'nothing' });
    expect(idleAction({ ...thanks, nowMs: at + 10_000, lastTouchMs: at + 9_000 })).toEqual({ do: 'wipe' });
  });
  it('the welcome screen never asks; a language left on Spanish goes back to English', () => {
    const welcome = { ...base, step: 'welcome', nowMs: at + 65_000 };
    expect(idleAction(welcome)).toEqual({ do: 'nothing' });
    expect(idleAction({ ...welcome, nowMs: at + 80_000 })).toEqual({ do: 'nothing' });
    expect(idleAction({ ...welcome, nowMs: at + 80_000, language: 'es' })).toEqual({ do: 'wipe' });
  });
  it('waiting on the server is not walking away', () => {
    expect(idleAction({ ...base, step: 'authorize', nowMs: at + 300_000, busy: true })).toEqual({
      do: 'nothing',
    });
  });
});
