import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { problems } from '../../lib/problem.js';
import { IdParams, NoContent, withProblems, VersionQuery } from '../../lib/schema.js';
import { noContent } from '../../lib/replies.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  CreateTemplateBody,
  FindingParams,
  FindingSchema,
  HashParams,
  InspectionListQuery,
  InspectionListSchema,
  InspectionMediaSchema,
  InspectionSchema,
  InspectionSummaryListSchema,
  InspectionTemplateListSchema,
  InspectionTemplateSchema,
  InspectionVersionBody,
  MediaItemParams,
  RecommendJobResultSchema,
  StartInspectionBody,
  TemplateListQuery,
  UpdateFindingBody,
  UpdateTemplateBody,
  UploadQuery,
} from './inspections.schemas.js';
import type { UploadBody } from './inspection-media.service.js';
import type { InspectionsService } from './inspections.service.js';
import { sendMediaFile } from './media-response.js';
import { HASH_PATTERN } from './media-store.js';
import { tagRoutes } from '../../lib/route-tags.js';

const templateTags = ['inspection templates'];
const tags = ['inspections'];

const BinaryFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the file' });

/** Inspection templates, inspections of a repair order, findings, photos/videos and /api/media. */
export const inspectionsRoutes: FastifyPluginAsyncTypebox<{
  service: InspectionsService;
  imageMaxBytes: number;
}> = async (app, { service, imageMaxBytes }) => {
  tagRoutes(app, tags);
  // Uploads are the raw file as the body (no multipart): photos are read whole (sharp decodes
  // them from memory) under their own size limit; videos are streamed to disk by the service.
  // These parsers exist only inside this plugin.
  app.addContentTypeParser(/^image\/[\w.+-]+$/, { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser(/^video\/[\w.+-]+$/, (_request, payload, done) => done(null, payload));

  // ---------------------------------------------------------------- templates

  app.get(
    '/api/inspection-templates',
    {
      schema: {
        tags: templateTags,
        summary: 'Inspection templates by name (the multi-point one is made when there is none)',
        querystring: TemplateListQuery,
        response: withProblems({ 200: InspectionTemplateListSchema }),
      },
    },
    async (request) => ({ items: await service.templates.list(request.query.includeInactive) }),
  );

  app.post(
    '/api/inspection-templates',
    {
      schema: {
        tags: templateTags,
        summary: 'Create an inspection template (sections → items)',
        body: CreateTemplateBody,
        response: withProblems({ 201: InspectionTemplateSchema }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.templates.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/inspection-templates/:id',
    {
      schema: {
        tags: templateTags,
        summary: 'One inspection template',
        params: IdParams,
        response: withProblems({ 200: InspectionTemplateSchema }),
      },
    },
    async (request) => service.templates.get(request.params.id),
  );

  app.patch(
    '/api/inspection-templates/:id',
    {
      schema: {
        tags: templateTags,
        summary: 'Change a template (send the version you read); inspections already started keep their copy',
        params: IdParams,
        body: UpdateTemplateBody,
        response: withProblems({ 200: InspectionTemplateSchema }),
      },
    },
    async (request) => service.templates.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/inspection-templates/:id',
    {
      schema: {
        tags: templateTags,
        summary: 'Delete a template (archived instead when inspections were made from it)',
        params: IdParams,
        querystring: VersionQuery,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) =>
      noContent(reply, service.templates.remove(actorOf(request), request.params.id, request.query.version)),
  );

  // ---------------------------------------------------------------- inspections

  app.get(
    '/api/inspections',
    {
      schema: {
        summary: 'Recent inspections with their repair order and vehicle (the floor’s list)',
        querystring: InspectionListQuery,
        response: withProblems({ 200: InspectionSummaryListSchema }),
      },
    },
    async (request) => ({ items: await service.listRecent(request.query) }),
  );

  app.get(
    '/api/repair-orders/:id/inspections',
    {
      schema: {
        summary: 'The inspections of a repair order, with findings and media',
        params: IdParams,
        response: withProblems({ 200: InspectionListSchema }),
      },
    },
    async (request) => ({ items: await service.listOfRepairOrder(request.params.id) }),
  );

  app.post(
    '/api/repair-orders/:id/inspections',
    {
      schema: {
        summary: 'Start an inspection from a template (200 with the one under way if already started)',
        params: IdParams,
        body: StartInspectionBody,
        response: withProblems({ 200: InspectionSchema, 201: InspectionSchema }),
      },
    },
    async (request, reply) => {
      const { inspection, created } = await service.start(actorOf(request), request.params.id, request.body);
      return reply.code(created ? 201 : 200).send(inspection);
    },
  );

  app.get(
    '/api/inspections/:id',
    {
      schema: {
        summary: 'One inspection with its sections, findings and media',
        params: IdParams,
        response: withProblems({ 200: InspectionSchema }),
      },
    },
    async (request) => service.get(request.params.id),
  );

  app.patch(
    '/api/inspections/:id/findings/:itemKey',
    {
      schema: {
        summary: 'Rate an item, record its measurement and note (send the finding’s version)',
        params: FindingParams,
        body: UpdateFindingBody,
        response: withProblems({ 200: FindingSchema }),
      },
    },
    async (request) =>
      service.updateFinding(actorOf(request), request.params.id, request.params.itemKey, request.body),
  );

  app.post(
    '/api/inspections/:id/findings/:itemKey/recommend-job',
    {
      schema: {
        summary: 'Make a recommended job on the repair order from a yellow or red finding (once)',
        params: FindingParams,
        response: withProblems({ 201: RecommendJobResultSchema }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.recommendJob(actorOf(request), request.params.id, request.params.itemKey)),
  );

  app.post(
    '/api/inspections/:id/complete',
    {
      schema: {
        summary: 'Complete the inspection (409 naming required items not rated yet)',
        params: IdParams,
        body: InspectionVersionBody,
        response: withProblems({ 200: InspectionSchema }),
      },
    },
    async (request) => service.complete(actorOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/api/inspections/:id/reopen',
    {
      schema: {
        summary: 'Reopen a completed inspection for changes',
        params: IdParams,
        body: InspectionVersionBody,
        response: withProblems({ 200: InspectionSchema }),
      },
    },
    async (request) => service.reopen(actorOf(request), request.params.id, request.body.version),
  );

  // ---------------------------------------------------------------- media

  app.post(
    '/api/inspections/:id/media',
    {
      bodyLimit: imageMaxBytes,
      schema: {
        summary:
          'Attach a photo or short video: the body is the file itself, Content-Type image/* or video/* (mp4, mov, webm)',
        description:
          'Images are decoded and re-encoded (longest side 2048 px, JPEG, EXIF/GPS removed) with a 320 px thumbnail; ' +
          "videos are checked by their container's structure (MP4/MOV ftyp box, WebM/Matroska EBML header) and size. " +
          'A refused upload (400 not an image, 400 too many pixels, 413 too large, 415 not a video, 400 cut off ' +
          'midway) stores nothing.',
        params: IdParams,
        querystring: UploadQuery,
        response: withProblems({ 201: InspectionMediaSchema }),
      },
    },
    async (request, reply) => {
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const body = request.body;
      let upload: UploadBody;
      if (Buffer.isBuffer(body)) upload = { type: 'buffer', data: body, contentType };
      else if (contentType.startsWith('video/') && body !== null && typeof body === 'object')
        upload = {
          type: 'stream',
          stream: body as IncomingMessage,
          contentType,
          declaredLength: contentLength(request),
        };
      else
        throw problems.badRequest(
          'Send the photo or video itself as the body, with Content-Type image/* or video/*.',
          'unsupported-media-type',
        );
      const media = await service.media.add(actorOf(request), request.params.id, request.query, upload);
      return reply.code(201).send(media);
    },
  );

  app.delete(
    '/api/inspections/:id/media/:mediaId',
    {
      schema: {
        summary: 'Remove a photo or video from the inspection',
        params: MediaItemParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) =>
      noContent(reply, service.media.remove(actorOf(request), request.params.id, request.params.mediaId)),
  );

  app.get(
    '/api/media/:hash',
    {
      schema: {
        summary: 'A stored photo, thumbnail, video or signature by its sha256 (staff)',
        params: HashParams,
        response: withProblems({ 200: BinaryFile, 206: BinaryFile, 304: NoContent }),
      },
    },
    async (request, reply) => {
      const { hash } = request.params;
      if (!HASH_PATTERN.test(hash))
        throw problems.validation([{ path: 'params.hash', message: 'must be 64 lower-case hex digits' }]);
      return sendMediaFile(request, reply, await service.media.open(hash), hash);
    },
  );
};

function contentLength(request: FastifyRequest): number | undefined {
  const header = request.headers['content-length'];
  if (header === undefined) return undefined;
  const value = Number(header);
  return Number.isFinite(value) ? value : undefined;
}
