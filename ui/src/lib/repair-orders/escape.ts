/**
 * `use:closeOnEscape={cancel}` on a form: Esc anywhere inside it cancels (keyboard-first at the
 * counter), without the key reaching the page (the search box or an outer form).
 */
export function closeOnEscape(node: HTMLElement, handler: () => void) {
  let current = handler;
  const listener = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    current();
  };
  node.addEventListener('keydown', listener);
  return {
    update(next: () => void) {
      current = next;
    },
    destroy() {
      node.removeEventListener('keydown', listener);
    },
  };
}
