import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, withProblems } from '../../lib/schema.js';
import { actorOf } from '../../plugins/authentication.js';
import {
  EventListSchema,
  EventsQuery,
  FloorSchema,
  RepairOrderTimeInBaySchema,
  SuggestionSchema,
} from './bay-sensors.schemas.js';
import type { BaySensorsService } from './bay-sensors.service.js';

const tags = ['bay-sensors'];

export const baySensorsRoutes: FastifyPluginAsyncTypebox<{ service: BaySensorsService }> = async (
  app,
  { service },
) => {
  app.get(
    '/api/bay-sensors/floor',
    {
      schema: {
        tags,
        summary: 'Every bay as its sensors see it: occupancy, time in bay, the job, open suggestions',
        response: withProblems({ 200: FloorSchema }),
      },
    },
    async () => service.floor(),
  );
  app.get(
    '/api/bay-sensors/events',
    {
      schema: {
        tags,
        summary: "A bay's sensor events, newest first (duplicates are not stored)",
        querystring: EventsQuery,
        response: withProblems({ 200: EventListSchema }),
      },
    },
    async (request) => ({ items: await service.events(request.query.bayId, request.query.limit ?? 50) }),
  );
  const answers = {
    accept: 'Do what the suggestion says (start or complete the job), as the signed-in person',
    dismiss: 'Dismiss a suggestion (the job is left as it is)',
  } as const;
  for (const [answer, summary] of Object.entries(answers) as [keyof typeof answers, string][])
    app.post(
      `/api/bay-sensors/suggestions/:id/${answer}`,
      { schema: { tags, summary, params: IdParams, response: withProblems({ 200: SuggestionSchema }) } },
      async (request) =>
        answer === 'accept'
          ? service.acceptSuggestion(actorOf(request), request.params.id)
          : service.dismissSuggestion(actorOf(request), request.params.id),
    );
  app.get(
    '/api/bay-sensors/repair-orders/:id',
    {
      schema: {
        tags,
        summary: "Time in bay of a repair order's jobs, as the sensors measured it",
        params: IdParams,
        response: withProblems({ 200: RepairOrderTimeInBaySchema }),
      },
    },
    async (request) => service.timeInBayOfRepairOrder(request.params.id),
  );
};
