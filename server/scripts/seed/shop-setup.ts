import { hashSecret } from '../../src/lib/passwords.js';
import { DAY } from './calendar.js';
import { STOCK_ITEMS } from './catalog/inventory.js';
import { EXTRA_CANNED, JOBS } from './catalog/jobs.js';
import {
  BAYS,
  DEMO_PASSWORD,
  DEMO_PIN,
  OFFICE_STAFF,
  SHOP_SETTINGS,
  TECHNICIANS,
  type TechnicianSpec,
} from './catalog/shop.js';
import type { SeedContext } from './context.js';
import type { StockEntry } from './visits.js';

const YEAR = 365.25 * DAY;

/** argon2 is slow on purpose, so the few hashes are made (in parallel) before the big transaction. */
export interface StaffHashes {
  passwords: string[];
  pins: string[];
}

/** One PIN hash per current technician (former ones have no account). */
export async function hashStaffSecrets(technicianCount: number): Promise<StaffHashes> {
  const [passwords, pins] = await Promise.all([
    Promise.all(OFFICE_STAFF.map(() => hashSecret(DEMO_PASSWORD))),
    Promise.all(Array.from({ length: technicianCount }, () => hashSecret(DEMO_PIN))),
  ]);
  return { passwords, pins };
}

/** Technicians who worked here at some point inside the history window. */
export function techniciansFor(historyStart: number, now: number): TechnicianSpec[] {
  return TECHNICIANS.filter(
    (t) => t.leftYearsAgo === undefined || now - t.leftYearsAgo * YEAR > historyStart,
  );
}

export interface ShopSetup {
  stock: StockEntry[];
  cannedIds: Map<string, string>;
}

/** Settings, staff accounts, technicians, bays, shelf stock and canned jobs, as of `since`. */
export function writeShopSetup(ctx: SeedContext, since: number, hashes: StaffHashes): ShopSetup {
  const w = ctx.writer;
  const at = ctx.iso(since);
  w.insert('shop_settings', {
    id: 1,
    data: JSON.stringify(SHOP_SETTINGS),
    version: 1,
    created_at: at,
    updated_at: at,
  });

  OFFICE_STAFF.forEach((spec, i) => {
    const id = ctx.id(since + i);
    w.insert('users', {
      id,
      name: spec.name,
      email: spec.email,
      role: spec.role,
      password_hash: hashes.passwords[i] ?? null,
      pin_hash: null,
      active: 1,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_counter: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    const member = { id, name: spec.name, role: spec.role };
    if (spec.role === 'owner') ctx.owner = member;
    if (spec.role === 'advisor') ctx.advisors.push(member);
  });

  writeBays(ctx, since);
  writeTechnicians(ctx, since, hashes.pins);
  const stock = writeStock(ctx, since);
  return { stock, cannedIds: writeCannedJobs(ctx, since, stock) };
}

function writeBays(ctx: SeedContext, since: number): void {
  const at = ctx.iso(since);
  BAYS.forEach((spec, i) => {
    const id = ctx.id(since + 100 + i);
    ctx.writer.insert('bays', {
      id,
      name: spec.name,
      capabilities: JSON.stringify(spec.capabilities),
      active: 1,
      sort_order: i + 1,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    ctx.bays.push({ id, spec });
  });
}

/** Current technicians sign in by PIN on the shop tablets; former ones keep their name on history. */
function writeTechnicians(ctx: SeedContext, since: number, pins: string[]): void {
  const specs = techniciansFor(since, ctx.now);
  let pinIndex = 0;
  specs.forEach((spec, i) => {
    const joined = Math.max(since, ctx.now - spec.joinedYearsAgo * YEAR);
    const left =
      spec.leftYearsAgo === undefined ? Number.POSITIVE_INFINITY : ctx.now - spec.leftYearsAgo * YEAR;
    const current = spec.leftYearsAgo === undefined;
    let userId: string | null = null;
    if (current) {
      userId = ctx.id(joined + 1);
      ctx.writer.insert('users', {
        id: userId,
        name: spec.name,
        email: null,
        role: 'technician',
        password_hash: null,
        pin_hash: pins[pinIndex++] ?? null,
        active: 1,
        totp_secret: null,
        totp_enabled: 0,
        totp_last_counter: null,
        version: 1,
        created_at: ctx.iso(joined),
        updated_at: ctx.iso(joined),
      });
    }
    const id = ctx.id(joined + 2);
    ctx.writer.insert('technicians', {
      id,
      user_id: userId,
      name: spec.name,
      skills: JSON.stringify(spec.skills),
      active: current ? 1 : 0,
      color: spec.color,
      // Flat-rate pay is the norm for line technicians: about a third of the posted labor rate.
      pay_rate_cents: Math.round((spec.efficiency >= 1.15 ? 42 : 34) * 100),
      pay_basis: 'flat_rate',
      version: current ? 1 : 2,
      created_at: ctx.iso(joined),
      updated_at: ctx.iso(current ? joined : left),
    });
    ctx.technicians.push({ id, spec, from: joined, until: left, homeBay: i % 5 });
  });
}

function writeStock(ctx: SeedContext, since: number): StockEntry[] {
  const at = ctx.iso(since);
  return STOCK_ITEMS.map((item, i) => {
    const id = ctx.id(since + 200 + i);
    // Most shelves are stocked; a few sit under their reorder level, as on any real shelf.
    const onHand = ctx.random.chance(0.12)
      ? ctx.random.int(0, item.reorderLevel)
      : item.reorderLevel + ctx.random.int(1, item.reorderLevel * 2 + 4);
    ctx.writer.insert('inventory_items', {
      id,
      sku: item.sku,
      name: item.name,
      quantity_on_hand: onHand,
      reorder_level: item.reorderLevel,
      cost_price: item.costCents,
      sell_price: item.sellCents,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    ctx.money?.stocked(id, onHand, item.reorderLevel, item.costCents);
    return { item, id };
  });
}

/** A canned line exactly as the repair-orders module stores it (canned_jobs.lines JSON). */
interface CannedLine {
  kind: 'labor' | 'part' | 'fee' | 'sublet';
  description: string;
  quantityMilli: number;
  /** null: labor at the shop rate, a stock part at its sell price. */
  unitPriceCents: number | null;
  /** null: a stock part at its cost, else 0. */
  unitCostCents: number | null;
  taxable: boolean;
  inventoryItemId: string | null;
  partNumber: string | null;
}

const cannedLine = (
  line: Partial<CannedLine> & Pick<CannedLine, 'kind' | 'description' | 'quantityMilli'>,
): CannedLine => ({
  unitPriceCents: null,
  unitCostCents: null,
  taxable: true,
  inventoryItemId: null,
  partNumber: null,
  ...line,
});

/** Canned jobs from the catalog: labour at the shop rate (no price), typical parts, fees. */
function writeCannedJobs(ctx: SeedContext, since: number, stock: StockEntry[]): Map<string, string> {
  const ids = new Map<string, string>();
  const stockBySku = new Map(stock.map((entry) => [entry.item.sku, entry.id]));
  const at = ctx.iso(since);
  let n = 0;
  const write = (name: string, title: string, concern: string, lines: CannedLine[]) => {
    const id = ctx.id(since + 300 + n++);
    ctx.writer.insert('canned_jobs', {
      id,
      name,
      title,
      concern,
      lines: JSON.stringify(lines),
      active: 1,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    ids.set(name, id);
  };
  for (const spec of JOBS) {
    if (spec.canned === undefined) continue;
    const lines: CannedLine[] = [
      cannedLine({
        kind: 'labor',
        description: `Labor: ${spec.title}`,
        quantityMilli: spec.hours[0] * 1000,
        taxable: false,
      }),
    ];
    for (const part of spec.parts) {
      if (part.probability !== undefined) continue;
      if ('stock' in part) {
        const item = STOCK_ITEMS.find((s) => s.category === part.stock);
        if (item === undefined) continue;
        // A stock part follows its shelf price: no price of its own.
        lines.push(
          cannedLine({
            kind: 'part',
            description: item.name,
            quantityMilli: part.quantity[0] * 1000,
            inventoryItemId: stockBySku.get(item.sku) ?? null,
            partNumber: item.sku,
          }),
        );
      } else {
        lines.push(
          cannedLine({
            kind: 'part',
            description: part.name,
            quantityMilli: part.quantity[0] * 1000,
            unitPriceCents: Math.ceil((part.cost[0] * part.markup) / 100) * 100 - 5,
            unitCostCents: part.cost[0],
          }),
        );
      }
    }
    for (const fee of spec.fees ?? []) {
      if (fee.probability !== undefined) continue;
      lines.push(
        cannedLine({
          kind: 'fee',
          description: fee.description,
          quantityMilli: 1000,
          unitPriceCents: fee.cents,
          unitCostCents: 0,
          taxable: false,
        }),
      );
    }
    write(spec.canned, spec.title, spec.concerns[0] ?? '', lines);
  }
  for (const extra of EXTRA_CANNED) {
    const lines = extra.lines.map(({ quantity, ...line }) =>
      cannedLine({ ...line, quantityMilli: Math.round(quantity * 1000), taxable: line.kind !== 'labor' }),
    );
    write(extra.name, extra.title, extra.concern, lines);
  }
  return ids;
}
