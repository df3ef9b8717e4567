import createClient from 'openapi-fetch';
import { connection } from '$lib/state/connection.svelte';
import { ServerUnreachable, toProblem } from './problem';
import type { paths } from './schema';

export type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/**
 * The success body of a route, from the generated types: `Ok<'/api/jobs', 'get'>`.
 * Screens use it to type their state without copying server shapes by hand.
 */
export type Ok<P extends keyof paths, M extends Method> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : never
  : never;

/** The JSON body a route accepts: `Body<'/api/customers', 'post'>`. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

/**
 * Every request the app makes goes through here, so the app always knows whether the server is
 * reachable (the offline banner) and whether the session has ended (back to the sign-in screen).
 */
async function trackedFetch(request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (request.signal.aborted) throw error;
    connection.markUnreachable();
    throw new ServerUnreachable();
  }
  connection.markReachable();
  const url = new URL(request.url);
  if (response.status === 401 && !url.pathname.startsWith('/api/auth/') && url.pathname !== '/api/setup') {
    connection.markSignedOut();
  }
  return response;
}

/** The typed API client: paths, parameters, bodies and answers come from the server's OpenAPI document. */
export const api = createClient<paths>({
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  fetch: trackedFetch,
});

type Outcome<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an api call and returns its data, or throws an ApiProblem (4xx/5xx) or ServerUnreachable.
 * `const ro = await must(api.GET('/api/repair-orders/{id}', { params: { path: { id } } }));`
 */
export async function must<T>(call: Promise<Outcome<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toProblem(error, response);
  return data as T;
}
