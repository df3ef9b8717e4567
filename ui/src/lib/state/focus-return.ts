import { tick } from 'svelte';

/** What can take the focus back: an element, as far as this needs one. */
interface Focusable {
  focus(): void;
  readonly isConnected: boolean;
}

/** The part of `document` this reads. */
export interface FocusDocument {
  readonly activeElement: unknown;
  readonly body: unknown;
}

/**
 * Gives the focus back to what opened a page's dialog (a row's button, "New appointment") once the
 * dialog is gone: unless the focus already went somewhere on purpose (the browser's own restore,
 * the user moving on), where taking it back would be a surprise, or the opener is gone too.
 */
export class FocusReturn {
  #opener: Focusable | null = null;
  readonly #doc: () => FocusDocument;

  constructor(doc: () => FocusDocument = () => document) {
    this.#doc = doc;
  }

  /** Call as the dialog opens. */
  remember(): void {
    const active = this.#doc().activeElement;
    this.#opener = isFocusable(active) ? active : null;
  }

  /** Call once the dialog's state is cleared: looks after the dialog has left the page. */
  async restore(): Promise<void> {
    await tick();
    const { activeElement, body } = this.#doc();
    const focusLost = activeElement === null || activeElement === body;
    if (focusLost && this.#opener?.isConnected) this.#opener.focus();
  }
}

function isFocusable(value: unknown): value is Focusable {
  return typeof value === 'object' && value !== null && typeof (value as Focusable).focus === 'function';
}
