import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, StrictObject, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  CreateItemBody,
  CreateMovementBody,
  CreateVendorBody,
  InventoryItemSchema,
  ItemListQuery,
  ItemListSchema,
  LedgerCheckQuery,
  LedgerCheckSchema,
  MovementResultSchema,
  ReorderSuggestionListSchema,
  StockMovementListSchema,
  UpdateItemBody,
  UpdateVendorBody,
  VendorListSchema,
  VendorSchema,
} from './inventory.schemas.js';
import type { InventoryService } from './inventory.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['inventory'];
const MovementListQuery = StrictObject({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) });

export const inventoryRoutes: FastifyPluginAsyncTypebox<{ service: InventoryService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/inventory/items',
    {
      schema: {
        summary:
          'Stock items by SKU, searchable by SKU, name, vendor part number or bin; lowStock=true for items at or below reorder level',
        querystring: ItemListQuery,
        response: withProblems({ 200: ItemListSchema }),
      },
    },
    async (request) => ({ items: await service.list(request.query) }),
  );
  app.post(
    '/api/inventory/items',
    {
      schema: {
        summary: 'Add a stock item (opening stock becomes a count movement)',
        body: CreateItemBody,
        response: withProblems({ 201: InventoryItemSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );
  app.get(
    '/api/inventory/items/:id',
    {
      schema: {
        summary: 'One stock item with on hand, reserved and available',
        params: IdParams,
        response: withProblems({ 200: InventoryItemSchema }),
      },
    },
    async (request) => service.get(request.params.id),
  );
  app.patch(
    '/api/inventory/items/:id',
    {
      schema: {
        summary: 'Change an item (not its stock: post a movement) — send the version you read',
        params: IdParams,
        body: UpdateItemBody,
        response: withProblems({ 200: InventoryItemSchema }),
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/inventory/items/:id/movements',
    {
      schema: {
        summary: "An item's stock-movement ledger, newest first",
        params: IdParams,
        querystring: MovementListQuery,
        response: withProblems({ 200: StockMovementListSchema }),
      },
    },
    async (request) => ({ items: await service.ledger.movements(request.params.id, request.query.limit) }),
  );
  app.post(
    '/api/inventory/items/:id/movements',
    {
      schema: {
        summary: 'Receive, return, adjust (with a reason) or count stock — send the item version you read',
        params: IdParams,
        body: CreateMovementBody,
        response: withProblems({ 201: MovementResultSchema }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.ledger.postMovement(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/inventory/ledger-check',
    {
      schema: {
        summary: "Every item's (or one item's) quantity on hand against the sum of its ledger",
        querystring: LedgerCheckQuery,
        response: withProblems({ 200: LedgerCheckSchema }),
      },
    },
    async (request) => service.ledger.checkLedger(undefined, request.query.itemId),
  );
  app.get(
    '/api/inventory/reorder-suggestions',
    {
      schema: {
        summary: 'Items at or below their reorder level, with vendor and a suggested quantity',
        response: withProblems({ 200: ReorderSuggestionListSchema }),
      },
    },
    async () => ({ items: await service.reorderSuggestions() }),
  );
  app.get(
    '/api/inventory/vendors',
    { schema: { summary: 'Parts vendors', response: withProblems({ 200: VendorListSchema }) } },
    async () => ({ items: await service.vendors.listVendors() }),
  );
  app.post(
    '/api/inventory/vendors',
    {
      schema: {
        summary: 'Add a vendor',
        body: CreateVendorBody,
        response: withProblems({ 201: VendorSchema }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.vendors.createVendor(actorOf(request), request.body)),
  );
  app.patch(
    '/api/inventory/vendors/:id',
    {
      schema: {
        summary: 'Change a vendor (send the version you read)',
        params: IdParams,
        body: UpdateVendorBody,
        response: withProblems({ 200: VendorSchema }),
      },
    },
    async (request) => service.vendors.updateVendor(actorOf(request), request.params.id, request.body),
  );
};
