/**
 * A drag that works the same with a mouse, a pen or a finger (pointer events, not HTML5 drag and
 * drop, which touch screens do not do). A press that moves less than `threshold` pixels stays a
 * click, so tapping an appointment still opens it. Esc during a drag puts it back.
 */
export interface DragHandlers {
  /** The pointer moved while dragging (client coordinates). */
  move: (x: number, y: number) => void;
  /** Released after a real drag. */
  drop: (x: number, y: number) => void;
  /** Esc, or the browser took the pointer away. */
  cancel: () => void;
}

export function startPointerDrag(start: PointerEvent, handlers: DragHandlers, threshold = 6): void {
  const x0 = start.clientX;
  const y0 = start.clientY;
  let dragging = false;

  const stop = () => {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    window.removeEventListener('pointercancel', onCancel);
    window.removeEventListener('keydown', onKey, true);
  };
  const onMove = (event: PointerEvent) => {
    if (event.pointerId !== start.pointerId) return;
    if (!dragging && Math.hypot(event.clientX - x0, event.clientY - y0) < threshold) return;
    dragging = true;
    event.preventDefault();
    handlers.move(event.clientX, event.clientY);
  };
  const onUp = (event: PointerEvent) => {
    if (event.pointerId !== start.pointerId) return;
    stop();
    if (!dragging) return;
    // The click that follows a drag must not open the appointment.
    window.addEventListener('click', swallowClick, { capture: true, once: true });
    setTimeout(() => window.removeEventListener('click', swallowClick, true), 0);
    handlers.drop(event.clientX, event.clientY);
  };
  const onCancel = () => {
    stop();
    if (dragging) handlers.cancel();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !dragging) return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);
  window.addEventListener('pointercancel', onCancel);
  window.addEventListener('keydown', onKey, true);
}

function swallowClick(event: MouseEvent): void {
  event.stopPropagation();
  event.preventDefault();
}

/** The drop target under the pointer: the nearest element carrying `data-lane-key`. */
export function laneTargetAt(x: number, y: number): HTMLElement | null {
  const hit = document.elementFromPoint(x, y);
  return hit instanceof Element ? hit.closest<HTMLElement>('[data-lane-key]') : null;
}
