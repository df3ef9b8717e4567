/**
 * How a record's edit form saves (the customer's, the vehicle's): the typing is kept on this device
 * as a draft until saved; a save sends only what changed (nothing changed closes the form); a save
 * against an older version gets the server's 409 and the choice to load their version, which
 * replaces the typing only when asked.
 */
import type { Draft } from '$lib/state/draft.svelte';

export interface RecordEditOptions<R, F extends object, P> {
  /** The record as it was when editing began: the draft is seeded from it once. */
  record: R;
  formOf: (record: R) => F;
  /** Tidies the form before it is compared and sent (blank rows dropped, …). */
  tidy?: (form: F) => F;
  /** What changed, or null when nothing did. */
  changes: (form: F) => P | null;
  send: (changes: P) => Promise<R>;
  loadLatest: () => Promise<R>;
  onsaved: (saved: R) => void;
  oncancel: () => void;
}

/** Whether a save is under way and how the last one failed (reactive where the form makes it so). */
export interface EditState {
  busy: boolean;
  error: unknown;
}

export class RecordEdit<R, F extends object, P> {
  readonly #options: RecordEditOptions<R, F, P>;

  constructor(
    options: RecordEditOptions<R, F, P>,
    readonly draft: Draft<F>,
    readonly state: EditState,
  ) {
    this.#options = options;
  }

  get busy(): boolean {
    return this.state.busy;
  }

  get error(): unknown {
    return this.state.error;
  }

  async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { tidy, changes, send, onsaved } = this.#options;
    if (tidy) this.draft.value = tidy(this.draft.value);
    const patch = changes(this.draft.value);
    if (patch === null) {
      this.cancel();
      return;
    }
    this.state.busy = true;
    this.state.error = null;
    try {
      const saved = await send(patch);
      this.draft.clear();
      onsaved(saved);
    } catch (e) {
      this.state.error = e;
    } finally {
      this.state.busy = false;
    }
  }

  /** After a 409: their version replaces the typing. */
  async reloadTheirs(): Promise<void> {
    try {
      this.draft.value = this.#options.formOf(await this.#options.loadLatest());
      this.state.error = null;
    } catch (e) {
      this.state.error = e;
    }
  }

  /** The restored typing is dropped for the saved details. */
  startOver(): void {
    this.draft.value = this.#options.formOf(this.#options.record);
  }

  cancel(): void {
    this.draft.clear();
    this.#options.oncancel();
  }
}
