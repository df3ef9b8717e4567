import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_OFFSET } from '../../src/lib/paging.js';
import { createTestApp, injectAs, problemOf, setupOwner, type TestApp } from '../helpers/test-app.js';

/**
 * Hostile paging values on every GET route, as the owner (who may call them all). A number SQLite
 * cannot take as an integer used to fail inside the database as a 500; every route must answer
 * such input with a 4xx naming the field, or ignore a parameter it does not have.
 */
let t: TestApp;
let owner: { id: string; cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  owner = await setupOwner(t.app);
});
afterAll(async () => {
  await t.close();
});

const SAMPLE_ID = '01900000-0000-7000-8000-00000000abcd';
function concreteUrl(pattern: string): string {
  return pattern
    .replace(/:[A-Za-z]+/g, SAMPLE_ID)
    .replace(/\{[A-Za-z]+\}/g, SAMPLE_ID)
    .replace(/\*$/, 'index.html');
}

const HOSTILE_PAGING = [
  'offset=99999999999999999999',
  'offset=1e308',
  'limit=-1',
  'limit=1e9',
  'offset=-5',
  'limit=abc',
];
/** '1.5' only for integer parameters. */
const HOSTILE_NUMBERS = ['99999999999999999999', '1e308', '-1', '-5', 'abc', '1.5'];

interface QueryParameter {
  in: string;
  name: string;
  schema: { type?: string | string[]; maximum?: number; minimum?: number };
}
type OpenApi = { paths: Record<string, Record<string, { parameters?: QueryParameter[] }>> };

/** Every numeric query parameter the routes declare, from the OpenAPI document the schemas drive. */
function numericQueryParameters(): { method: string; path: string; parameter: QueryParameter }[] {
  const document = t.app.swagger() as unknown as OpenApi;
  const found: { method: string; path: string; parameter: QueryParameter }[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const parameter of operation.parameters ?? []) {
        const types = [parameter.schema.type].flat();
        if (parameter.in === 'query' && types.some((type) => type === 'integer' || type === 'number'))
          found.push({ method: method.toUpperCase(), path, parameter });
      }
    }
  }
  return found;
}

describe('paging and numeric query bounds', () => {
  it('every numeric query parameter of every route has a minimum and a maximum', () => {
    const parameters = numericQueryParameters();
    expect(parameters.map((p) => p.parameter.name)).toEqual(
      expect.arrayContaining(['limit', 'offset', 'before', 'version']),
    );
    const unbounded = parameters
      .filter((p) => p.parameter.schema.maximum === undefined || p.parameter.schema.minimum === undefined)
      .map((p) => `${p.method} ${p.path} ?${p.parameter.name}`);
    expect(unbounded).toEqual([]);
  });

  it('refuses the reported offsets with a 400 naming the field', async () => {
    for (const url of ['/api/vehicles?offset=99999999999999999999', '/api/appointments?offset=1e308']) {
      const response = await injectAs(t.app, owner.cookie, { method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(problemOf(response).errors).toEqual([
        { path: 'query.offset', message: `must be at most ${MAX_PAGE_OFFSET}` },
      ]);
    }
  });

  it('answers the largest allowed page of every offset-paged list without an error', async () => {
    for (const url of ['/api/vehicles', '/api/appointments', '/api/customers']) {
      const response = await injectAs(t.app, owner.cookie, {
        method: 'GET',
        url: `${url}?offset=${MAX_PAGE_OFFSET}&limit=200`,
      });
      expect(response.statusCode, url).toBe(200);
      expect(response.json<{ items: unknown[] }>().items).toEqual([]);
    }
  });

  it('never answers hostile paging values on any GET route with a 5xx', async () => {
    const routes = t.app.registeredRoutes.filter((r) => r.method === 'GET' && r.url !== '/ws');
    expect(routes.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let calls = 0;
    for (const route of routes) {
      for (const query of HOSTILE_PAGING) {
        const url = `${concreteUrl(route.url)}?${query}`;
        const response = await injectAs(t.app, owner.cookie, { method: 'GET', url });
        calls++;
        if (response.statusCode >= 500) failures.push(`${url}: ${response.statusCode} ${response.body}`);
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(routes.length * HOSTILE_PAGING.length);
  });

  it('refuses hostile values of each declared numeric query parameter with a 400 naming it', async () => {
    const failures: string[] = [];
    for (const { method, path, parameter } of numericQueryParameters()) {
      const integer = [parameter.schema.type].flat().includes('integer');
      for (const value of HOSTILE_NUMBERS.filter((v) => integer || v !== '1.5')) {
        const url = `${concreteUrl(path)}?${parameter.name}=${value}`;
        const response = await injectAs(t.app, owner.cookie, { method, url });
        const named =
          response.statusCode === 400 &&
          (problemOf(response).errors ?? []).some((e) => e.path === `query.${parameter.name}`);
        if (!named) failures.push(`${method} ${url}: ${response.statusCode} ${response.body}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
