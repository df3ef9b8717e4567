import { persistedDraft } from '$lib/state/draft.svelte';
import { RecordEdit, type RecordEditOptions } from './record-edit';

/**
 * A record's edit form (see RecordEdit), its typing kept on this device under `key` and its busy
 * and error state reactive. Called while the form component is created.
 */
export function recordEdit<R, F extends object, P>(
  key: string,
  options: RecordEditOptions<R, F, P>,
): RecordEdit<R, F, P> {
  const state = $state({ busy: false, error: null });
  return new RecordEdit(options, persistedDraft(key, options.formOf(options.record)), state);
}
