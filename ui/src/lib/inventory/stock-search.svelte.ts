import { api, must } from '$lib/api/client';
import { messageOf } from '$lib/api/problem';
import { LatestOnly } from '$lib/state/latest';
import type { InventoryItem } from './items';

export interface StockSearchOptions {
  /** Pause after the last keystroke before asking the server. */
  delayMs: number;
  onpick: (item: InventoryItem) => void;
  /**
   * Enter with nothing listed yet searches now and picks the first match (a purchase order's
   * lines, typed SKU by SKU); otherwise Enter only picks from a list already shown.
   */
  enterSearches: boolean;
}

/**
 * The stock combobox's rules, written once for the pickers that find a shelf item (a part on a
 * job, a line on a purchase order): search as you type (the newest answer wins), arrows move,
 * Enter picks, Escape closes the list only. Each picker draws its own list.
 */
export class StockSearch {
  query = $state('');
  hits = $state<InventoryItem[]>([]);
  open = $state(false);
  active = $state(-1);
  /** What the shown hits answer (for "nothing matches …"). */
  searched = $state('');
  /** Why the last search failed, or null. */
  error = $state<string | null>(null);

  readonly #options: StockSearchOptions;
  readonly #searches = new LatestOnly();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: StockSearchOptions) {
    this.#options = options;
  }

  typed(): void {
    clearTimeout(this.#timer);
    const q = this.query.trim();
    if (q === '') {
      this.#searches.drop();
      this.hits = [];
      this.open = false;
      return;
    }
    this.#timer = setTimeout(() => void this.search(q), this.#options.delayMs);
  }

  async search(q: string): Promise<void> {
    const current = this.#searches.begin();
    try {
      const found = await must(api.GET('/api/inventory/items', { params: { query: { q, limit: 8 } } }));
      if (!current()) return;
      this.hits = found.items;
      this.searched = q;
      this.active = found.items.length > 0 ? 0 : -1;
      this.error = null;
      this.open = true;
    } catch (e) {
      if (!current()) return;
      this.error = messageOf(e);
      this.open = true;
    }
  }

  pick(item: InventoryItem): void {
    this.#options.onpick(item);
    this.query = '';
    this.hits = [];
    this.open = false;
    this.active = -1;
  }

  close(): void {
    this.open = false;
  }

  async keydown(event: KeyboardEvent): Promise<void> {
    const count = this.hits.length;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && count > 0) {
      event.preventDefault();
      this.open = true;
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
    } else if (event.key === 'Enter') {
      // Enter picks here; it never submits the surrounding form.
      event.preventDefault();
      const q = this.query.trim();
      if (q === '') return;
      if (count === 0 || !this.open) {
        if (!this.#options.enterSearches) return;
        clearTimeout(this.#timer);
        await this.search(q);
      }
      const hit = this.hits[this.active] ?? this.hits[0];
      if (hit) this.pick(hit);
    } else if (event.key === 'Escape' && this.open) {
      // Closes the list only; a second Escape reaches the form (cancel).
      event.preventDefault();
      event.stopPropagation();
      this.open = false;
    }
  }
}
