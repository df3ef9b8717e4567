/**
 * A form that is never lost: its values are kept in localStorage while being typed, so a Wi-Fi
 * drop, a reload or a closed tab brings them back. Call `clear()` once the server has saved them.
 *
 *   const draft = persistedDraft('customer-new', { name: '', phone: '' });
 *   <input bind:value={draft.value.name} />
 */
export interface Draft<T> {
  value: T;
  /** True when the values came back from an earlier, unsaved session. */
  readonly restored: boolean;
  clear(): void;
}

const PREFIX = 'ase.draft.';

export function persistedDraft<T extends object>(key: string, initial: T): Draft<T> {
  const storageKey = PREFIX + key;
  const saved = read<T>(storageKey);
  const state = $state({ value: saved ?? structuredClone(initial), restored: saved !== null });

  $effect(() => {
    // Reading the whole value subscribes this effect to every field.
    const snapshot = JSON.stringify(state.value);
    try {
      if (snapshot === JSON.stringify(initial)) localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, snapshot);
    } catch {
      // storage full or disabled: the form still works, it just isn't kept
    }
  });

  return {
    get value() {
      return state.value;
    },
    set value(next: T) {
      state.value = next;
    },
    get restored() {
      return state.restored;
    },
    clear() {
      state.value = structuredClone(initial);
      state.restored = false;
      localStorage.removeItem(storageKey);
    },
  };
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}
