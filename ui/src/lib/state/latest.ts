/**
 * Latest load wins: when a newer request starts (another keystroke, another day), the answer to
 * an older one still in flight must not overwrite the screen. `begin()` hands out a ticket; the
 * function it returns says whether that ticket is still the newest.
 *
 *   const current = searches.begin();
 *   const found = await fetch(...);
 *   if (!current()) return; // a newer search won
 */
export class LatestOnly {
  #newest = 0;

  begin(): () => boolean {
    const ticket = ++this.#newest;
    return () => ticket === this.#newest;
  }

  /** Makes every ticket handed out so far stale (the screen was cleared or destroyed). */
  drop(): void {
    this.#newest += 1;
  }
}
