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
