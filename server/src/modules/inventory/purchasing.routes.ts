import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  CreatePurchaseOrderBody,
  PricingMatrixBody,
  PricingMatrixSchema,
  PricingPreviewQuery,
  PricingPreviewSchema,
  PurchaseOrderActionBody,
  PurchaseOrderListQuery,
  PurchaseOrderListSchema,
  PurchaseOrderSchema,
  ReceiveBody,
  ReceiveResultSchema,
  ShelfReceiveBody,
  ShelfReceiveResultSchema,
} from './purchasing.schemas.js';
import type { PurchasingService } from './purchasing.service.js';
import { tagRoutes } from '../../lib/route-tags.js';

const tags = ['inventory'];

export const purchasingRoutes: FastifyPluginAsyncTypebox<{ service: PurchasingService }> = async (
  app,
  { service },
) => {
  tagRoutes(app, tags);
  app.get(
    '/api/inventory/purchase-orders',
    {
      schema: {
        summary: 'Purchase orders, newest first, optionally by status',
        querystring: PurchaseOrderListQuery,
        response: withProblems({ 200: PurchaseOrderListSchema }),
      },
    },
    async (request) => ({ items: await service.list(request.query.status) }),
  );
  app.post(
    '/api/inventory/purchase-orders',
    {
      schema: {
        summary: 'Draft a purchase order to a vendor',
        body: CreatePurchaseOrderBody,
        response: withProblems({ 201: PurchaseOrderSchema }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );
  app.get(
    '/api/inventory/purchase-orders/:id',
    {
      schema: {
        summary: 'One purchase order with its lines',
        params: IdParams,
        response: withProblems({ 200: PurchaseOrderSchema }),
      },
    },
    async (request) => service.get(request.params.id),
  );
  app.post(
    '/api/inventory/purchase-orders/:id/order',
    {
      schema: {
        summary: 'Mark a draft purchase order as sent to the vendor',
        params: IdParams,
        body: PurchaseOrderActionBody,
        response: withProblems({ 200: PurchaseOrderSchema }),
      },
    },
    async (request) => service.order(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inventory/purchase-orders/:id/cancel',
    {
      schema: {
        summary: 'Cancel a purchase order nothing was received on',
        params: IdParams,
        body: PurchaseOrderActionBody,
        response: withProblems({ 200: PurchaseOrderSchema }),
      },
    },
    async (request) => service.cancel(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inventory/purchase-orders/:id/receive',
    {
      schema: {
        summary:
          'Receive parts: stock, moving-average cost and matrix price (confirmOverReceipt for more than ordered)',
        params: IdParams,
        body: ReceiveBody,
        response: withProblems({ 200: ReceiveResultSchema }),
      },
    },
    async (request) => service.receive(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/inventory/items/:id/receive',
    {
      schema: {
        summary:
          'Receive an item at the shelf: quantity and unit cost, optionally against a purchase order (its line for the item); moving-average cost and matrix price as a PO receipt — send the item version you read',
        params: IdParams,
        body: ShelfReceiveBody,
        response: withProblems({ 201: ShelfReceiveResultSchema }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.receiveAtShelf(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/inventory/pricing-matrix',
    {
      schema: {
        summary: 'Pricing matrix: markup tiers by cost',
        response: withProblems({ 200: PricingMatrixSchema }),
      },
    },
    async () => service.pricingMatrix(),
  );
  app.get(
    '/api/inventory/pricing-matrix/preview',
    {
      schema: {
        summary: 'What the pricing matrix sells a part of this cost for, and the tier that prices it',
        querystring: PricingPreviewQuery,
        response: withProblems({ 200: PricingPreviewSchema }),
      },
    },
    async (request) => service.pricingPreview(request.query.costCents),
  );
  app.put(
    '/api/inventory/pricing-matrix',
    {
      schema: {
        summary: 'Replace the pricing matrix (a tier covers costs from its minimum up to the next one)',
        body: PricingMatrixBody,
        response: withProblems({ 200: PricingMatrixSchema }),
      },
    },
    async (request) => service.setPricingMatrix(actorOf(request), request.body),
  );
};
