/**
 * The short sound the board and the calendar make when a customer checks in at the kiosk: two
 * rising tones made with WebAudio (no sound file to ship or cache). Browsers keep a page silent
 * until the user has clicked or typed on it, so the chime is "locked" until then; the advisor can
 * also mute it, remembered per browser.
 */

/** localStorage key of the mute choice ("1" = muted). */
export const CHIME_MUTED_KEY = 'ase.kioskChime.muted';

export function readMuted(storage: Pick<Storage, 'getItem'> | null): boolean {
  try {
    return storage?.getItem(CHIME_MUTED_KEY) === '1';
  } catch {
    return false; // storage refused (private mode): not muted
  }
}

export function writeMuted(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, muted: boolean): void {
  try {
    if (muted) storage?.setItem(CHIME_MUTED_KEY, '1');
    else storage?.removeItem(CHIME_MUTED_KEY);
  } catch {
    // Not remembered: the choice still holds for this page.
  }
}

/** One tone of the chime: when it starts after the first, how long, how high. */
export interface Tone {
  frequencyHz: number;
  startS: number;
  durationS: number;
}

/** A doorbell-like rise (A5 then E6), short enough not to startle a shop on the phone. */
export const CHIME_TONES: readonly Tone[] = [
  { frequencyHz: 880, startS: 0, durationS: 0.16 },
  { frequencyHz: 1318.5, startS: 0.18, durationS: 0.26 },
];

export type ChimeOutcome = 'played' | 'muted' | 'locked';

/** Whether a chime may sound now, and if not, why. */
export function chimeOutcome(state: { unlocked: boolean; muted: boolean }): ChimeOutcome {
  if (state.muted) return 'muted';
  return state.unlocked ? 'played' : 'locked';
}

/** Plays the tones on an AudioContext the page already unlocked. */
export function playTones(context: AudioContext, tones: readonly Tone[] = CHIME_TONES): void {
  const start = context.currentTime + 0.02;
  for (const tone of tones) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = tone.frequencyHz;
    const t0 = start + tone.startS;
    const t1 = t0 + tone.durationS;
    // A quick fade in and out: a bare on/off sine clicks.
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.25, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t1);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(t0);
    oscillator.stop(t1 + 0.02);
  }
}
