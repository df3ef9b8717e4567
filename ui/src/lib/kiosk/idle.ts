/**
 * The kiosk's idle rule: after `idleSeconds` without a touch it asks "Still there?", and after
 * `promptSeconds` more it wipes everything and shows the welcome screen. Pure: the page ticks it.
 */
export const STILL_THERE_SECONDS = 20;
/** The thank-you screen starts over by itself after this long. */
export const THANK_YOU_SECONDS = 10;

export type IdlePhase = { phase: 'active' } | { phase: 'asking'; secondsLeft: number } | { phase: 'expired' };

export function idlePhase(
  nowMs: number,
  lastTouchMs: number,
  idleSeconds: number,
  promptSeconds: number = STILL_THERE_SECONDS,
): IdlePhase {
  const idleMs = Math.max(0, nowMs - lastTouchMs);
  const askAtMs = idleSeconds * 1000;
  const wipeAtMs = askAtMs + promptSeconds * 1000;
  if (idleMs < askAtMs) return { phase: 'active' };
  if (idleMs >= wipeAtMs) return { phase: 'expired' };
  return { phase: 'asking', secondsLeft: Math.ceil((wipeAtMs - idleMs) / 1000) };
}

/** What the kiosk does on its one-second tick. */
export type IdleAction = { do: 'nothing' } | { do: 'ask'; secondsLeft: number } | { do: 'wipe' };

/**
 * The tick's decision for the screen shown. The thank-you screen starts over after
 * THANK_YOU_SECONDS whatever happens; the welcome screen holds nothing of anyone's, so it never
 * asks (only a language left on Spanish goes back to English); waiting on the server ("Checking
 * you in…") is not walking away. Everywhere else: ask, then wipe.
 */
export function idleAction(state: {
  step: string;
  nowMs: number;
  lastTouchMs: number;
  thanksAtMs: number;
  idleSeconds: number;
  busy: boolean;
  language: string;
}): IdleAction {
  if (state.step === 'thanks')
    return state.nowMs - state.thanksAtMs >= THANK_YOU_SECONDS * 1000 ? { do: 'wipe' } : { do: 'nothing' };
  if (state.busy) return { do: 'nothing' };
  const phase = idlePhase(state.nowMs, state.lastTouchMs, state.idleSeconds);
  if (state.step === 'welcome')
    return phase.phase === 'expired' && state.language !== 'en' ? { do: 'wipe' } : { do: 'nothing' };
  if (phase.phase === 'expired') return { do: 'wipe' };
  if (phase.phase === 'asking') return { do: 'ask', secondsLeft: phase.secondsLeft };
  return { do: 'nothing' };
}
