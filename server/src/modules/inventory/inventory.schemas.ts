import { Type, type Static } from '@sinclair/typebox';
import {
  ChangeOf,
  IsoDateTime,
  Nullable,
  StrictObject,
  StringEnum,
  Uuid,
  Version,
} from '../../lib/schema.js';
import { VersionedRecordFields } from '../../lib/record-fields.js';
import { pageLimit } from '../../lib/paging.js';

/** Whole cents, never negative. */
const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000 });
/** Whole units of stock. */
const Units = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Sku = Type.String({ minLength: 1, maxLength: 60 });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Bin = Type.String({ minLength: 1, maxLength: 40 });
const VendorPartNumber = Type.String({ minLength: 1, maxLength: 60 });
const Reason = Type.String({ minLength: 1, maxLength: 500 });

export const InventoryItemSchema = Type.Object({
  id: Uuid,
  sku: Type.String(),
  name: Type.String(),
  binLocation: Nullable(Type.String()),
  vendorId: Nullable(Uuid),
  /** The vendor's number for the part (what is printed on the box). */
  vendorPartNumber: Nullable(Type.String()),
  quantityOnHand: Type.Integer(),
  /** Units on approved part lines of jobs not yet completed. */
  quantityReserved: Type.Integer(),
  /** On hand − reserved (may be negative: more promised than on the shelf). */
  quantityAvailable: Type.Integer(),
  reorderLevel: Type.Integer(),
  costPriceCents: Type.Integer(),
  sellPriceCents: Type.Integer(),
  coreChargeCents: Type.Integer(),
  taxable: Type.Boolean(),
  active: Type.Boolean(),
  ...VersionedRecordFields,
});
export type InventoryItem = Static<typeof InventoryItemSchema>;

export const CreateItemBody = StrictObject({
  sku: Sku,
  name: Name,
  binLocation: Type.Optional(Nullable(Bin)),
  vendorId: Type.Optional(Nullable(Uuid)),
  vendorPartNumber: Type.Optional(Nullable(VendorPartNumber)),
  /** Opening stock, written to the ledger as a 'count' movement. */
  quantityOnHand: Type.Optional(Units),
  reorderLevel: Type.Optional(Units),
  costPriceCents: Type.Optional(Cents),
  sellPriceCents: Type.Optional(Cents),
  coreChargeCents: Type.Optional(Cents),
  taxable: Type.Optional(Type.Boolean()),
});
export type CreateItemInput = Static<typeof CreateItemBody>;

/** Stock never changes here: use a movement. */
export const UpdateItemBody = ChangeOf(CreateItemBody, {
  omit: ['quantityOnHand'],
  more: { active: Type.Boolean() },
});
export type UpdateItemInput = Static<typeof UpdateItemBody>;

export const ItemListQuery = StrictObject({
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'part of the SKU, name, vendor part number or bin',
    }),
  ),
  lowStock: Type.Optional(Type.Boolean({ description: 'only items at or below their reorder level' })),
  includeInactive: Type.Optional(Type.Boolean()),
  limit: Type.Optional(pageLimit({ maximum: 500, default: 100 })),
});
export type ItemListFilters = Static<typeof ItemListQuery>;
export const ItemListSchema = Type.Object({ items: Type.Array(InventoryItemSchema) });

export const MOVEMENT_KINDS = ['receive', 'issue', 'return', 'adjust', 'count'] as const;
/** Kinds staff may post by hand; issue/return to jobs come from job completion. */
export const MANUAL_MOVEMENT_KINDS = ['receive', 'return', 'adjust', 'count'] as const;

export const StockMovementSchema = Type.Object({
  id: Type.String(),
  itemId: Uuid,
  kind: StringEnum(MOVEMENT_KINDS),
  quantity: Type.Integer({ description: 'signed whole units: + into stock, − out' }),
  quantityAfter: Type.Integer(),
  reason: Nullable(Type.String()),
  jobId: Nullable(Uuid),
  lineItemId: Nullable(Uuid),
  unitCostCents: Nullable(Type.Integer()),
  overrideReason: Nullable(Type.String()),
  actorUserId: Nullable(Type.String()),
  /** The name of the staff member who moved it (null for the system or an unknown user). */
  actorName: Nullable(Type.String()),
  at: IsoDateTime,
});
export type StockMovement = Static<typeof StockMovementSchema>;
export const StockMovementListSchema = Type.Object({ items: Type.Array(StockMovementSchema) });

export const CreateMovementBody = StrictObject({
  kind: StringEnum(MANUAL_MOVEMENT_KINDS),
  /**
   * receive/return: units into stock (> 0). adjust: signed change (≠ 0). count: the quantity
   * counted on the shelf (≥ 0); the movement is the difference.
   */
  quantity: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
  reason: Type.Optional(Reason),
  unitCostCents: Type.Optional(Cents),
  /** Needed when the movement takes stock below zero. */
  overrideReason: Type.Optional(Reason),
  version: Version,
});
export type CreateMovementInput = Static<typeof CreateMovementBody>;

export const MovementResultSchema = Type.Object({
  item: InventoryItemSchema,
  movement: StockMovementSchema,
});

export const LedgerCheckQuery = StrictObject({
  itemId: Type.Optional(Uuid),
});

export const LedgerCheckSchema = Type.Object({
  ok: Type.Boolean(),
  itemsChecked: Type.Integer(),
  mismatches: Type.Array(
    Type.Object({
      itemId: Uuid,
      sku: Type.String(),
      quantityOnHand: Type.Integer(),
      ledgerSum: Type.Integer(),
    }),
  ),
});
export type LedgerCheck = Static<typeof LedgerCheckSchema>;

export const ReorderSuggestionSchema = Type.Object({
  itemId: Uuid,
  sku: Type.String(),
  name: Type.String(),
  vendorId: Nullable(Uuid),
  vendorName: Nullable(Type.String()),
  quantityOnHand: Type.Integer(),
  quantityReserved: Type.Integer(),
  reorderLevel: Type.Integer(),
  /** Enough to bring available stock back to twice the reorder level (at least 1). */
  suggestedQuantity: Type.Integer(),
  costPriceCents: Type.Integer(),
});
export const ReorderSuggestionListSchema = Type.Object({ items: Type.Array(ReorderSuggestionSchema) });

export const VendorSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  contactName: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  accountNumber: Nullable(Type.String()),
  notes: Type.String(),
  active: Type.Boolean(),
  ...VersionedRecordFields,
});
export type Vendor = Static<typeof VendorSchema>;
const VendorFields = {
  contactName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 120 }))),
  phone: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  accountNumber: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60 }))),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
};
export const CreateVendorBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  ...VendorFields,
});
export type CreateVendorInput = Static<typeof CreateVendorBody>;
export const UpdateVendorBody = ChangeOf(CreateVendorBody, { more: { active: Type.Boolean() } });
export type UpdateVendorInput = Static<typeof UpdateVendorBody>;
export const VendorListSchema = Type.Object({ items: Type.Array(VendorSchema) });
