import { describe, expect, it } from 'vitest';
import { answerOf } from './api';

const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

describe('answerOf', () => {
  it('ok: the body', async () => {
    const answer = await answerOf(new Response(JSON.stringify({ matches: [] }), { status: 200 }));
    expect(answer).toEqual({ kind: 'ok', status: 200, data: { matches: [] } });
  });
  it('204: ok without a body', async () => {
    expect(await answerOf(new Response(null, { status: 204 }))).toEqual({
      kind: 'ok',
      status: 204,
      data: undefined,
    });
  });
  it('401 kiosk-unpaired: back to pairing', async () => {
    const answer = await answerOf(
      problem(401, { type: 'urn:ase:problem:kiosk-unpaired', status: 401, detail: 'x' }),
    );
    expect(answer).toEqual({ kind: 'unpaired' });
  });
  it('429: rate limited, with the wait from the problem or the header', async () => {
    expect(
      await answerOf(problem(429, { type: 'urn:ase:problem:kiosk-lookup-limit', retryAfterSeconds: 120 })),
    ).toEqual({ kind: 'rate-limited', retryAfterSeconds: 120 });
    expect(await answerOf(problem(429, { detail: 'slow down' }, { 'retry-after': '30' }))).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 30,
    });
  });
  it('400: the field errors', async () => {
    const answer = await answerOf(
      problem(400, {
        type: 'urn:ase:problem:validation',
        status: 400,
        detail: 'phone: not a phone number',
        errors: [{ path: 'phone', message: 'not a phone number' }, 'junk'],
      }),
    );
    expect(answer).toEqual({
      kind: 'invalid',
      detail: 'phone: not a phone number',
      errors: [{ path: 'phone', message: 'not a phone number' }],
    });
  });
  it('5xx or a proxy page: unreachable (try again), even without JSON', async () => {
    expect(await answerOf(new Response('<html>Bad gateway</html>', { status: 502 }))).toEqual({
      kind: 'unreachable',
    });
    expect(await answerOf(problem(503, { detail: 'starting' }))).toEqual({ kind: 'unreachable' });
  });
  it('403 and others: refused, not retried', async () => {
    expect(await answerOf(problem(403, { type: 'urn:ase:problem:kiosk-scope', detail: 'no' }))).toEqual({
      kind: 'refused',
      status: 403,
      type: 'urn:ase:problem:kiosk-scope',
      detail: 'no',
    });
  });
});
