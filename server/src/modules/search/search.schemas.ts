import { Type, type Static } from '@sinclair/typebox';
import { StrictObject, StringEnum, Uuid } from '../../lib/schema.js';
import { pageLimit } from '../../lib/paging.js';

export const SearchQuery = StrictObject({
  q: Type.String({
    minLength: 1,
    maxLength: 100,
    description:
      'A name, phone (any format, or its last digits), email, plate, VIN (or its last 6/8), or RO number',
  }),
  limit: pageLimit({ maximum: 50, default: 8, description: 'Most hits per kind' }),
});
export type SearchInput = Static<typeof SearchQuery>;

const Score = Type.Number({ description: 'How well it matched, 0..1; hits are sorted by it' });

export const CustomerHitSchema = Type.Object({
  id: Uuid,
  label: Type.String({ description: 'The name' }),
  sublabel: Type.String({ description: 'Phone and email' }),
  score: Score,
  matchedOn: StringEnum(['name', 'phone', 'email'] as const),
});
export type CustomerHit = Static<typeof CustomerHitSchema>;

export const VehicleHitSchema = Type.Object({
  id: Uuid,
  customerId: Uuid,
  label: Type.String({ description: 'e.g. "2018 Honda Civic · ABC1234 · VIN …A04352"' }),
  sublabel: Type.String({ description: "The owner's name" }),
  score: Score,
  matchedOn: StringEnum(['plate', 'vin'] as const),
});
export type VehicleHit = Static<typeof VehicleHitSchema>;

export const RepairOrderHitSchema = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  customerId: Uuid,
  vehicleId: Uuid,
  status: Type.String(),
  label: Type.String({ description: 'e.g. "#1042 · Ann Example · 2018 Honda Civic · open"' }),
  sublabel: Type.String({ description: 'Plate, opening date and the first concern' }),
  score: Score,
  matchedOn: StringEnum(['number'] as const),
});
export type RepairOrderHit = Static<typeof RepairOrderHitSchema>;

export const SearchResultSchema = Type.Object({
  query: Type.String(),
  customers: Type.Array(CustomerHitSchema),
  vehicles: Type.Array(VehicleHitSchema),
  repairOrders: Type.Array(RepairOrderHitSchema),
});
export type SearchResult = Static<typeof SearchResultSchema>;
