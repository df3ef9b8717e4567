import { chimeOutcome, playTones, readMuted, writeMuted, type ChimeOutcome } from './kiosk-chime';

/** localStorage when the browser gives it (not in private modes that refuse it). */
function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * The one chime of the staff app (see kiosk-chime.ts). `install()` from the screens that chime:
 * it reads the mute choice and unlocks the sound at the page's first click or key press.
 */
class KioskChime {
  muted = $state(false);
  /** The browser lets this page make sound (a click or key press happened). */
  unlocked = $state(false);
  /** How many chimes sounded on this page: for the e2e tests (data-chimes-played). */
  played = $state(0);

  #context: AudioContext | null = null;
  #screens = 0;
  readonly #unlock = (): void => void this.unlock();

  install(): () => void {
    this.muted = readMuted(browserStorage());
    if (this.#screens++ === 0 && !this.unlocked) {
      window.addEventListener('pointerdown', this.#unlock, true);
      window.addEventListener('keydown', this.#unlock, true);
      // Arrived from another screen of the app: the page already had its click, sound may start.
      if (navigator.userActivation?.hasBeenActive) void this.unlock();
    }
    return () => {
      if (--this.#screens === 0) this.#stopListening();
    };
  }

  /** Called in a user gesture: only then may an AudioContext start. */
  async unlock(): Promise<void> {
    if (this.unlocked || typeof AudioContext === 'undefined') return;
    try {
      this.#context ??= new AudioContext();
      await this.#context.resume();
      this.unlocked = this.#context.state === 'running';
      if (this.unlocked) this.#stopListening();
    } catch {
      // No audio device: stay silent, the mark still shows.
    }
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    writeMuted(browserStorage(), muted);
  }

  play(): ChimeOutcome {
    const outcome = chimeOutcome(this);
    if (outcome === 'played' && this.#context) {
      playTones(this.#context);
      this.played += 1;
    }
    return outcome;
  }

  #stopListening(): void {
    window.removeEventListener('pointerdown', this.#unlock, true);
    window.removeEventListener('keydown', this.#unlock, true);
  }
}

export const kioskChime = new KioskChime();
