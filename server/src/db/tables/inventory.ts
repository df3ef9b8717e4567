/** Tables owned by the inventory module (migration 0010). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InventoryTables {}
