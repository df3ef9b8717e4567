import { request, type APIRequestContext } from '@playwright/test';
import { E2E_BASE_URL, OWNER_STATE } from './server';

/**
 * The owner's signed-in API session (saved by the first-run project), for arranging test data
 * through the real API: `const api = await ownerApi(); await api.post('/api/customers', { data })`.
 * Screen tests sign their pages in the same way: `test.use({ storageState: OWNER_STATE })`.
 */
export async function ownerApi(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: E2E_BASE_URL, storageState: OWNER_STATE });
}

/** Parses a JSON answer and fails loudly with the server's problem+json when it is not 2xx. */
export async function json<T = any>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

export { OWNER_STATE };
