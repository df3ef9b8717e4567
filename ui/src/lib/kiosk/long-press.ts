/**
 * A press held for `ms` (the hidden staff exit on the shop name). Moving off or lifting early
 * cancels it; a context menu (a long touch on some tablets) is suppressed so the press can last.
 */
export function longPress(node: HTMLElement, options: { ms: number; onlong: () => void }) {
  let current = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = (): void => clearTimeout(timer);
  const start = (event: PointerEvent): void => {
    cancel();
    node.setPointerCapture?.(event.pointerId);
    timer = setTimeout(() => current.onlong(), current.ms);
  };
  const noMenu = (event: Event): void => event.preventDefault();
  node.addEventListener('pointerdown', start);
  node.addEventListener('pointerup', cancel);
  node.addEventListener('pointercancel', cancel);
  node.addEventListener('pointerleave', cancel);
  node.addEventListener('contextmenu', noMenu);
  return {
    update(next: { ms: number; onlong: () => void }): void {
      current = next;
    },
    destroy(): void {
      cancel();
      node.removeEventListener('pointerdown', start);
      node.removeEventListener('pointerup', cancel);
      node.removeEventListener('pointercancel', cancel);
      node.removeEventListener('pointerleave', cancel);
      node.removeEventListener('contextmenu', noMenu);
    },
  };
}
