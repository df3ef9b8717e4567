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
    if (inset > 0) revealFocused(visual);
  };
  const onFocus = (): void => {
    if (keyboardInset(window.innerHeight, visual) > 0) revealFocused(visual);
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

/**
 * How far to scroll down so the screen's actions (Continue) come up above the keyboard, without
 * pushing the focused field off the top: both in CSS px relative to the layout viewport's top.
 * 0 when both are in view already.
 */
export function revealDistance(
  field: { top: number; bottom: number },
  actionsBottom: number | null,
  visible: { top: number; bottom: number },
  margin = 12,
): number {
  const wanted = Math.max(field.bottom, actionsBottom ?? field.bottom) + margin - visible.bottom;
  if (wanted <= 0) return field.top < visible.top ? field.top - visible.top - margin : 0;
  // the field stays in view even when the actions then do not quite fit
  return Math.min(wanted, field.top - visible.top - margin);
}

function revealFocused(visual: VisualViewport): void {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || focused === document.body) return;
  const actions = focused.closest('form')?.querySelector<HTMLElement>('.actions');
  const box = focused.getBoundingClientRect();
  const distance = revealDistance(
    { top: box.top, bottom: box.bottom },
    actions ? actions.getBoundingClientRect().bottom : null,
    { top: visual.offsetTop, bottom: visual.offsetTop + visual.height },
  );
  if (distance !== 0) window.scrollBy({ top: distance, behavior: 'instant' });
}
