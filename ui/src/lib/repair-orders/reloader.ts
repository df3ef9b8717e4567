/**
 * Live events can arrive in bursts (an approval of five lines is five events). Reloading for each
 * would race: an older answer could land after a newer one. This runs `load` once at a time and,
 * when asked again meanwhile, once more after it, so the last answer shown is always the newest.
 */
export function coalescedReloader(load: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;

  async function loop(): Promise<void> {
    try {
      do {
        again = false;
        await load();
      } while (again);
    } finally {
      running = null;
    }
  }

  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  };
}
