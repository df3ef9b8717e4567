/**
 * The kiosk's pairing code as the owner's screen shows it, kept apart from the markup so the rules
 * are tested as plain code.
 */

/** "48213907" → "4821 3907": two groups of four are easier to read out and type on a tablet. */
export function groupedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** Whole seconds left until `expiresAt` (never below zero). */
export function secondsLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now) / 1000));
}

/** 589 → "9:49": the countdown beside the code. */
export function countdown(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Whether a tablet paired since the code on screen was made: the kiosk's pairing moment changed
 * from what it was then (server times on both sides, so the counter PC's clock does not matter).
 */
export function pairedSinceCode(
  state: { paired: boolean; pairedAt: string | null },
  pairedAtWhenCodeMade: string | null,
): boolean {
  return state.paired && state.pairedAt !== null && state.pairedAt !== pairedAtWhenCodeMade;
}
