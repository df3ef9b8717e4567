import { persistedDraft } from '$lib/state/draft.svelte';
import { isEmptyPatch } from './customer-form';
import { RecordEdit } from './record-edit';

/** What a record's edit form is given by the page that shows it. */
export interface RecordEditProps<R> {
  onsaved: (saved: R) => void;
  oncancel: () => void;
  /** Fetches the record as the server has it now (after a 409). */
  loadLatest: () => Promise<R>;
}

/** How one kind of record is edited: its form, the patch a form makes, and the request that sends it. */
export interface RecordEditing<R, F extends object, P extends { version: number }> {
  formOf: (record: R) => F;
  /** Tidies the form before it is compared and sent (blank rows dropped, …). */
  tidy?: (form: F) => F;
  patchOf: (form: F, record: R) => P;
  send: (patch: P) => Promise<R>;
}

/**
 * A record's edit form (see RecordEdit), its typing kept on this device under `key` and its busy
 * and error state reactive; a patch with nothing but the version closes the form. Called while the
 * form component is created: the draft is seeded once, from the record as it is then.
 */
export function recordEdit<R, F extends object, P extends { version: number }>(
  key: string,
  record: () => R,
  props: RecordEditProps<R>,
  { formOf, tidy, patchOf, send }: RecordEditing<R, F, P>,
): RecordEdit<R, F, P> {
  const state = $state({ busy: false, error: null });
  const options = {
    get record() {
      return record();
    },
    formOf,
    tidy,
    changes: (form: F) => {
      const patch = patchOf(form, record());
      return isEmptyPatch(patch) ? null : patch;
    },
    send,
    loadLatest: () => props.loadLatest(),
    onsaved: (saved: R) => props.onsaved(saved),
    oncancel: () => props.oncancel(),
  };
  return new RecordEdit(options, persistedDraft(key, formOf(record())), state);
}
