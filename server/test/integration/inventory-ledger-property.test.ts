import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, SYSTEM_ACTOR } from '../../src/modules/audit/audit.service.js';
import { InventoryService } from '../../src/modules/inventory/inventory.service.js';
import { ManualClock } from '../../src/lib/clock.js';
import { EventBus } from '../../src/events/event-bus.js';
import { SessionsService } from '../../src/modules/auth/sessions.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { copyTemplateDatabase } from '../helpers/test-app.js';
import type { Database } from '../../src/db/database.js';
import { rmSync } from 'node:fs';

/**
 * The ledger invariant under random movement sequences, on a real SQLite file: after any mix of
 * receives, returns, adjustments, counts, refused moves (below zero without an override) and
 * overrides, every item's quantity_on_hand equals the sum of its movements, refused moves leave
 * no trace, and the check query agrees with a model kept in the test.
 */
let database: Database;
let dataDir: string;
let service: InventoryService;

beforeAll(() => {
  ({ database, dataDir } = copyTemplateDatabase());
  const clock = new ManualClock('2026-03-02T14:00:00.000Z');
  const audit = new AuditService(database.kysely, clock);
  const sessions = new SessionsService(database, clock, {
    sessionIdleMinutes: 60,
    sessionMaxAgeHours: 12,
    pinSessionIdleMinutes: 15,
  });
  const users = new UsersService(database.kysely, clock, audit, sessions);
  service = new InventoryService(database.kysely, clock, audit, new EventBus(), users);
});
afterAll(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Op =
  | { kind: 'receive' | 'return'; item: number; quantity: number }
  | { kind: 'adjust'; item: number; quantity: number; override: boolean }
  | { kind: 'count'; item: number; quantity: number };

const item = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('receive' as const, 'return' as const),
    item,
    quantity: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({
    kind: fc.constant('adjust' as const),
    item,
    quantity: fc.integer({ min: -60, max: 60 }).filter((n) => n !== 0),
    override: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('count' as const), item, quantity: fc.integer({ min: 0, max: 80 }) }),
);

let run = 0;

describe('stock ledger invariant', () => {
  it('quantity_on_hand always equals the sum of the ledger, whatever the sequence', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }),
        fc.array(op, { maxLength: 25 }),
        async (opening, ops) => {
          run += 1;
          const items = [];
          for (const [i, quantity] of opening.entries())
            items.push(
              await service.create(SYSTEM_ACTOR, {
                sku: `P${run}-${i}`,
                name: `Part ${i}`,
                quantityOnHand: quantity,
              }),
            );
          const model = [...opening];
          for (const o of ops) {
            const current = await service.get(items[o.item]!.id);
            const delta = o.kind === 'count' ? o.quantity - model[o.item]! : o.quantity;
            const refused = o.kind === 'adjust' && delta < 0 && model[o.item]! + delta < 0 && !o.override;
            try {
              await service.ledger.postMovement(SYSTEM_ACTOR, current.id, {
                kind: o.kind,
                quantity: o.quantity,
                version: current.version,
                ...(o.kind === 'adjust' ? { reason: 'property test' } : {}),
                ...(o.kind === 'adjust' && o.override ? { overrideReason: 'allowed' } : {}),
              });
              expect(refused).toBe(false);
              model[o.item] = model[o.item]! + delta;
            } catch (error) {
              expect(refused, String(error)).toBe(true);
              expect((error as { status?: number }).status).toBe(409);
            }
          }
          for (const [i, it] of items.entries()) {
            const row = database.sqlite
              .prepare(
                `SELECT i.quantity_on_hand AS onHand, (SELECT coalesce(sum(quantity), 0) FROM stock_movements WHERE item_id = i.id) AS ledger
               FROM inventory_items i WHERE i.id = ?`,
              )
              .get(it.id) as { onHand: number; ledger: number };
            expect(row.onHand).toBe(model[i]);
            expect(row.ledger).toBe(model[i]);
          }
          expect(await service.ledger.checkLedger()).toMatchObject({ ok: true, mismatches: [] });
        },
      ),
      { numRuns: 60 },
    );
  });
});
