import { FocusReturn } from './focus-return';

/**
 * A page's one dialog, open or not: each opening gets a fresh key (so the dialog starts anew, not
 * with the last one's typing), and closing gives the focus back to what opened it (FocusReturn).
 */
export class PageDialog<T extends object> {
  current = $state<({ key: number } & T) | null>(null);
  #opened = 0;
  readonly #focus = new FocusReturn();

  open(what: T): void {
    this.#focus.remember();
    this.current = { key: ++this.#opened, ...what };
  }

  async close(): Promise<void> {
    this.current = null;
    await this.#focus.restore();
  }
}
