import { connection } from '$lib/state/connection.svelte';
import { live } from '$lib/state/realtime.svelte';

/**
 * Keeps a screen that shows jobs current: any event on the `board` topic (a status change, an
 * edit, an approval, a new RO), a resync after a gap, or the server coming back after a drop all
 * call `reload`. Returns the function that stops watching (call it from the $effect cleanup).
 */
export function watchBoard(reload: () => void): () => void {
  const stopLive = live.watch(['board'], { event: () => reload(), resync: () => reload() });
  const stopReconnect = connection.onReconnect(reload);
  return () => {
    stopLive();
    stopReconnect();
  };
}
