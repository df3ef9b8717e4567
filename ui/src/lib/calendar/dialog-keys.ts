/**
 * The appointment dialog's keyboard rules, kept apart from its form: Enter on a select (which does
 * not submit by itself) or Ctrl+Enter in a text area saves; an Esc that a part inside used (to
 * close the search list or a sub-form) does not close the dialog; and a submit counts only after
 * a key or the pointer went down inside the dialog (Enter on a calendar block opens it on keydown,
 * and that key's keypress would otherwise land in the focused field and submit at once).
 */
export class DialogKeys {
  /** Whether a key or the pointer has gone down inside the dialog yet. */
  interacted = false;
  #escapeUsedInside = false;

  /** On keydown (capture): `insideUsesEscape` says whether a part inside will take this Esc. */
  keydownCapture(event: KeyboardEvent, insideUsesEscape: boolean): void {
    this.interacted = true;
    this.#escapeUsedInside = event.key === 'Escape' && insideUsesEscape;
  }

  /** On Esc (the dialog's cancel): whether the dialog itself should close. */
  escapeCloses(): boolean {
    const closes = !this.#escapeUsedInside;
    this.#escapeUsedInside = false;
    return closes;
  }
}

/** Enter on a select, or Ctrl+Enter in a text area, submits the form it is in. */
export function submitOnEnter(event: KeyboardEvent): void {
  if (event.key !== 'Enter' || event.defaultPrevented || event.shiftKey) return;
  const target = event.target as HTMLElement;
  // Inputs submit by themselves; a select does not, and in the notes Ctrl+Enter saves.
  if (target.tagName === 'SELECT' || (target.tagName === 'TEXTAREA' && (event.ctrlKey || event.metaKey))) {
    event.preventDefault();
    target.closest('form')?.requestSubmit();
  }
}
