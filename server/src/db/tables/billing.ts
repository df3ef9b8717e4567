/** Tables owned by the billing module (migration 0011). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BillingTables {}
