import type { FastifyInstance } from 'fastify';

/** Route schemas whose tags came from tagRoutes, not from the route itself. */
const defaulted = new WeakSet<object>();

/**
 * Files every route the plugin registers after this call under `tags` in the OpenAPI document: a
 * module's routes share their tags instead of each repeating them. A route that names its own
 * keeps them; in a plugin registered inside another, the inner plugin's tags win (its hook runs
 * after the outer one's).
 */
export function tagRoutes(app: Pick<FastifyInstance, 'addHook'>, tags: readonly string[]): void {
  app.addHook('onRoute', (route) => {
    if (route.schema?.tags !== undefined && !defaulted.has(route.schema)) return;
    route.schema = { ...route.schema, tags: [...tags] };
    defaulted.add(route.schema);
  });
}
