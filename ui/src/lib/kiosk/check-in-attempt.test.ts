import { describe, expect, it } from 'vitest';
import type { KioskCheckInInput, KioskCheckInResult } from '$contracts/kiosk';
import type { KioskAnswer } from './api';
import { CheckInAttempt, type Send } from './check-in-attempt';

type Answer = KioskAnswer<KioskCheckInResult>;
const RESULT: KioskCheckInResult = {
  repairOrderNumber: 1042,
  tagNumber: 214,
  keyTag: 'queued',
  firstName: 'Ana',
};
const BODY = {
  language: 'en',
  customer: { ref: 'c1' },
  vehicle: { ref: 'v1' },
  concerns: ['Oil change'],
  waiting: true,
  contactChannel: 'sms',
  authorization: { name: 'Ana', signature: 'data:image/png;base64,AA' },
} satisfies Omit<KioskCheckInInput, 'requestId'>;

/** A server stand-in that remembers requestIds the way the real one does: a repeat gets the first result. */
function server(script: ('down' | 'ok' | 'invalid')[]) {
  const seen: string[] = [];
  const created = new Set<string>();
  let gate: (() => void) | null = null;
  const send: Send = async (body) => {
    seen.push(body.requestId);
    const next = script.shift() ?? 'ok';
    if (gate === null) await Promise.resolve();
    else await new Promise<void>((resolve) => (gate = resolve));
    if (next === 'down') throw new TypeError('Failed to fetch');
    if (next === 'invalid')
      return { kind: 'invalid', errors: [{ path: 'concerns.0', message: 'too long' }], detail: '' };
    const first = !created.has(body.requestId);
    created.add(body.requestId);
    return { kind: 'ok', status: first ? 201 : 200, data: RESULT } satisfies Answer;
  };
  return { send, seen, created };
}

let ids = 0;
const newId = () => `00000000-0000-4000-8000-00000000000${++ids}`;
const noSleep = () => Promise.resolve();

describe('CheckInAttempt', () => {
  it('a double tap sends once and both taps get the same answer', async () => {
    const s = server(['ok']);
    const attempt = new CheckInAttempt({ send: s.send, newId, sleep: noSleep });
    const [a, b] = await Promise.all([attempt.submit(BODY), attempt.submit(BODY)]);
    expect(a).toBe(b);
    expect(s.seen).toHaveLength(1);
    expect(s.created.size).toBe(1);
  });

  it('no answer (network down, server restarting): retried by itself with the same requestId', async () => {
    const s = server(['down', 'down', 'ok']);
    const retries: number[] = [];
    const attempt = new CheckInAttempt({
      send: s.send,
      newId,
      sleep: noSleep,
      onRetry: (n) => retries.push(n),
    });
    const answer = await attempt.submit(BODY);
    expect(answer).toEqual({ kind: 'ok', status: 201, data: RESULT });
    expect(new Set(s.seen).size).toBe(1);
    expect(s.seen).toHaveLength(3);
    expect(retries).toEqual([1, 2]);
  });

  it('a tap after the answer was lost reuses the requestId (the server answers 200, nothing twice)', async () => {
    const s = server(['ok', 'ok']);
    const attempt = new CheckInAttempt({ send: s.send, newId, sleep: noSleep });
    await attempt.submit(BODY);
    const again = await attempt.submit(BODY);
    expect(again).toEqual({ kind: 'ok', status: 200, data: RESULT });
    expect(s.created.size).toBe(1);
  });

  it('a refusal ends the attempt: the corrected form goes out under a new id', async () => {
    const s = server(['invalid', 'ok']);
    const attempt = new CheckInAttempt({ send: s.send, newId, sleep: noSleep });
    expect((await attempt.submit(BODY)).kind).toBe('invalid');
    await attempt.submit(BODY);
    expect(s.seen[0]).not.toBe(s.seen[1]);
  });

  it('gives up after maxTries without an answer (bounded)', async () => {
    const s = server(['down', 'down', 'down', 'down']);
    const attempt = new CheckInAttempt({ send: s.send, newId, sleep: noSleep, maxTries: 3 });
    expect(await attempt.submit(BODY)).toEqual({ kind: 'unreachable' });
    expect(s.seen).toHaveLength(3);
  });

  it('abandon (idle wipe) stops the retries and forgets the id', async () => {
    const s = server(['down', 'down', 'down', 'down', 'down']);
    let attempt: CheckInAttempt | null = null;
    const sleep = () => {
      attempt?.abandon();
      return Promise.resolve();
    };
    attempt = new CheckInAttempt({ send: s.send, newId, sleep });
    expect((await attempt.submit(BODY)).kind).toBe('unreachable');
    expect(s.seen).toHaveLength(1);
    expect(attempt.requestId).toBeNull();
  });
});
