import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { SearchService } from '../../src/modules/search/search.service.js';
import { openDatabase } from '../../src/db/database.js';

const database = openDatabase(process.env.DB ?? '/tmp/cs/seed/ase.db');
const s = database.sqlite;
const customers = s.prepare(`SELECT c.name, cc.value AS phone FROM customers c JOIN customer_contacts cc ON cc.customer_id = c.id AND cc.kind = 'phone' WHERE c.merged_into_id IS NULL ORDER BY random() LIMIT 500`).all() as { name: string; phone: string }[];
const emails = s.prepare(`SELECT value FROM customer_contacts WHERE kind = 'email' ORDER BY random() LIMIT 500`).all() as { value: string }[];
const vehicles = s.prepare(`SELECT license_plate AS plate, vin FROM vehicles WHERE license_plate IS NOT NULL AND vin IS NOT NULL ORDER BY random() LIMIT 500`).all() as { plate: string; vin: string }[];
const ros = s.prepare(`SELECT number FROM repair_orders ORDER BY random() LIMIT 500`).all() as { number: number }[];
function queriesFor(i: number): Record<string, string> {
  const c = customers[i % customers.length]!; const v = vehicles[i % vehicles.length]!; const e = emails[i % emails.length]!.value;
  const nat = c.phone.slice(2);
  const [first, last] = c.name.split(' ') as [string, string];
  const typo = last.length > 4 ? `${last.slice(0, 2)}${last[3]}${last[2]}${last.slice(4)}` : `${last}x`;
  return {
    'name prefix': last.slice(0, 3), 'full name': c.name, 'name with a typo': `${first} ${typo}`,
    'phone, other format': `(${nat.slice(0, 3)}) ${nat.slice(3, 6)}-${nat.slice(6)}`, 'phone, last 4': nat.slice(-4), 'phone, last 7': nat.slice(-7),
    email: e.slice(0, 10), plate: v.plate, 'plate with a dash': `${v.plate.slice(0, 3)}-${v.plate.slice(3)}`,
    'VIN, full': v.vin.toLowerCase(), 'VIN, last 6': v.vin.slice(-6), 'VIN, last 8': v.vin.slice(-8),
    'RO number': String(ros[i % ros.length]!.number), 'RO prefixed': `RO ${ros[(i + 7) % ros.length]!.number}`, 'one letter': first.slice(0, 1),
  };
}
const service = new SearchService(new Kysely<DB>({ dialect: new SqliteDialect({ database: s }) }));
for (let i = 0; i < 50; i++) for (const q of Object.values(queriesFor(i + 300))) await service.search({ q, limit: 8 });
const wall = new Map<string, number[]>(); const cpuT = new Map<string, number[]>(); const misses: string[] = [];
const rounds = Number(process.env.ROUNDS ?? 300);
for (let i = 0; i < rounds; i++) for (const [k, q] of Object.entries(queriesFor(i))) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const r = await service.search({ q, limit: 8 });
  const w = performance.now() - t0; const c = process.cpuUsage(c0);
  wall.set(k, [...(wall.get(k) ?? []), w]); cpuT.set(k, [...(cpuT.get(k) ?? []), (c.user + c.system) / 1000]);
  if (r.customers.length + r.vehicles.length + r.repairOrders.length === 0) misses.push(`${k}: ${q}`);
}
const pct = (l: number[], p: number) => { const x = [...l].sort((a, b) => a - b); return x[Math.min(x.length - 1, Math.floor(p * x.length))]!.toFixed(2); };
for (const [k, l] of wall) console.log(k.padEnd(20), 'wall p50', pct(l, 0.5), 'p90', pct(l, 0.9), 'p99', pct(l, 0.99), '| cpu p50', pct(cpuT.get(k)!, 0.5), 'p99', pct(cpuT.get(k)!, 0.99));
console.log('misses', misses.length, misses.slice(0, 10));
