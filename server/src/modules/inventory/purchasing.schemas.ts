import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, StrictObject, StringEnum, Uuid, Version } from '../../lib/schema.js';
import { VersionedRecordFields } from '../../lib/record-fields.js';
import { InventoryItemSchema, StockMovementSchema } from './inventory.schemas.js';

export const PO_STATUSES = ['draft', 'ordered', 'partially_received', 'received', 'cancelled'] as const;
const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000 });

export const PurchaseOrderLineSchema = Type.Object({
  id: Uuid,
  itemId: Uuid,
  sku: Type.String(),
  name: Type.String(),
  quantityOrdered: Type.Integer(),
  quantityReceived: Type.Integer(),
  unitCostCents: Type.Integer(),
});
export const PurchaseOrderSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  vendorId: Uuid,
  vendorName: Type.String(),
  status: StringEnum(PO_STATUSES),
  notes: Type.String(),
  orderedAt: Nullable(IsoDateTime),
  lines: Type.Array(PurchaseOrderLineSchema),
  totalCents: Type.Integer(),
  ...VersionedRecordFields,
});
export type PurchaseOrder = Static<typeof PurchaseOrderSchema>;
export const PurchaseOrderListSchema = Type.Object({ items: Type.Array(PurchaseOrderSchema) });
export const PurchaseOrderListQuery = StrictObject({ status: Type.Optional(StringEnum(PO_STATUSES)) });

export const CreatePurchaseOrderBody = StrictObject({
  vendorId: Uuid,
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
  lines: Type.Array(
    StrictObject({
      itemId: Uuid,
      quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
      unitCostCents: Cents,
    }),
    { minItems: 1, maxItems: 200 },
  ),
});
export type CreatePurchaseOrderInput = Static<typeof CreatePurchaseOrderBody>;

export const PurchaseOrderActionBody = StrictObject({ version: Version });
export type PurchaseOrderActionInput = Static<typeof PurchaseOrderActionBody>;

export const ReceiveBody = StrictObject({
  version: Version,
  lines: Type.Array(
    StrictObject({ lineId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 100_000 }) }),
    { minItems: 1, maxItems: 200 },
  ),
  /** Receiving more than ordered on a line is refused unless this is true. */
  confirmOverReceipt: Type.Optional(Type.Boolean()),
});
export type ReceiveInput = Static<typeof ReceiveBody>;

export const PricingMatrixSchema = Type.Object({
  tiers: Type.Array(Type.Object({ minCostCents: Type.Integer(), markupBasisPoints: Type.Integer() })),
});
export const PricingMatrixBody = StrictObject({
  tiers: Type.Array(
    StrictObject({
      minCostCents: Cents,
      markupBasisPoints: Type.Integer({ minimum: 0, maximum: 100_000, description: '10000 = +100 %' }),
    }),
    { maxItems: 50 },
  ),
});
export type PricingMatrixInput = Static<typeof PricingMatrixBody>;

/** What receiving answers: the PO, and each received item as it now stands. */
export const ReceiveResultSchema = Type.Object({
  ...PurchaseOrderSchema.properties,
  receivedItems: Type.Array(
    Type.Object({
      itemId: Uuid,
      sku: Type.String(),
      quantityOnHand: Type.Integer(),
      costPriceCents: Type.Integer(),
      sellPriceCents: Type.Integer(),
      version: Type.Integer(),
    }),
  ),
});
export type ReceiveResult = Static<typeof ReceiveResultSchema>;

export const PricingPreviewQuery = StrictObject({ costCents: Cents });
export const PricingPreviewSchema = Type.Object({
  costCents: Type.Integer(),
  /** Null when no tier covers the cost (an empty matrix, or below the lowest tier). */
  sellPriceCents: Nullable(Type.Integer()),
  tier: Nullable(Type.Object({ minCostCents: Type.Integer(), markupBasisPoints: Type.Integer() })),
});
export type PricingPreview = Static<typeof PricingPreviewSchema>;

/** Receiving at the shelf (issue 15, item 7): the parts in hand, with or without a purchase order. */
export const ShelfReceiveBody = StrictObject({
  /** The item's version as read: a double submit gets 409 instead of receiving twice. */
  version: Version,
  quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
  /** Required without a purchase order; with one, defaults to its line's unit cost. */
  unitCostCents: Type.Optional(Cents),
  /** Receive against this purchase order's line for the item (ordered or partially received). */
  purchaseOrderId: Type.Optional(Uuid),
  /** Receiving more than the PO line ordered is refused unless this is true. */
  confirmOverReceipt: Type.Optional(Type.Boolean()),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
});
export type ShelfReceiveInput = Static<typeof ShelfReceiveBody>;

export const ShelfReceiveResultSchema = Type.Object({
  item: InventoryItemSchema,
  movement: StockMovementSchema,
  /** The purchase order received against, as it now stands (null without one). */
  purchaseOrder: Nullable(PurchaseOrderSchema),
});
export type ShelfReceiveResult = Static<typeof ShelfReceiveResultSchema>;
