/**
 * The on-screen keyboard: on a tablet it shrinks the visual viewport, not the layout one, so a
 * field or the Continue button at the bottom would sit under it. The screen pads its bottom by
 * the keyboard's height and scrolls the focused field, with its Continue, into what is left.
 */

/** How much of the layout viewport's bottom the keyboard (or anything else) covers, in CSS px. */
export function keyboardInset(
  layoutHeight: number,
  visual: { height: number; offsetTop: number } | null,
): number {
  if (visual === null) return 0;
  return Math.max(0, Math.round(layoutHeight - visual.height - visual.offsetTop));
}

/**
 * Keeps `--kiosk-keyboard` on `root` equal to the covered height, and the focused field and the
 * screen's actions in view while the keyboard is up. Returns the function that stops it.
 */
export function followKeyboard(root: HTMLElement): () => void {
  const visual = window.visualViewport;
  if (!visual) return () => undefined;
  const update = (): void => {
    const inset = keyboardInset(window.innerHeight, visual);
    root.style.setProperty('--kiosk-keyboard', `${inset}px`);
    if (inset > 0) revealFocused();
  };
  const onFocus = (): void => {
    if (keyboardInset(window.innerHeight, visual) > 0) revealFocused();
  };
  visual.addEventListener('resize', update);
  visual.addEventListener('scroll', update);
  root.addEventListener('focusin', onFocus);
  update();
  return () => {
    visual.removeEventListener('resize', update);
    visual.removeEventListener('scroll', update);
    root.removeEventListener('focusin', onFocus);
    root.style.removeProperty('--kiosk-keyboard');
  };
}

/** The field first (block: end brings its screen's actions up with it), then the actions. */
function revealFocused(): void {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || focused === document.body) return;
  const actions = focused.closest('form, section')?.querySelector<HTMLElement>('.actions');
  (actions ?? focused).scrollIntoView({ block: 'end' });
  focused.scrollIntoView({ block: 'nearest' });
}
