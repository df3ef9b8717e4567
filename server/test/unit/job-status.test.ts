import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOB_STATUSES } from '../../src/db/schema.js';
import {
  allowedNext,
  transition,
  type JobStatusState,
  type TransitionChannel,
} from '../../contracts/job-status.js';

const START: JobStatusState = {
  status: 'Pending',
  blockedReason: null,
  actualStart: null,
  actualEnd: null,
  statusChangedAt: '2026-01-01T00:00:00.000Z',
};

/** The machine as the issue draws it: Pending → In_Progress ⇄ Blocked → Completed → Paid. */
const SPEC_EDGES = new Set([
  'Pending>In_Progress',
  'In_Progress>Blocked',
  'Blocked>In_Progress',
  'In_Progress>Completed',
  'Completed>Paid',
]);

const command = fc.record({
  to: fc.constantFrom(...JOB_STATUSES),
  reason: fc.option(fc.oneof(fc.constant(''), fc.constant('   '), fc.string({ maxLength: 20 })), {
    nil: undefined,
  }),
  channel: fc.constantFrom<TransitionChannel>('api', 'billing'),
});

describe('job status machine', () => {
  it('allows exactly the drawn edges, Paid only for billing', () => {
    for (const from of JOB_STATUSES) {
      for (const to of JOB_STATUSES) {
        const edge = SPEC_EDGES.has(`${from}>${to}`);
        expect(allowedNext(from, 'api').includes(to), `${from}→${to} api`).toBe(edge && to !== 'Paid');
        expect(allowedNext(from, 'billing').includes(to), `${from}→${to} billing`).toBe(
          edge && to === 'Paid',
        );
      }
    }
  });

  it('random sequences of requests never reach an illegal state', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let state = START;
        let everStarted = false;
        let firstStart: string | null = null;
        commands.forEach((cmd, step) => {
          const at = new Date(Date.UTC(2026, 0, 1, 0, step + 1)).toISOString();
          const result = transition(state, cmd.to, { reason: cmd.reason, at, channel: cmd.channel });
          if (!result.ok) {
            // A refusal names where the job may go, and those are real edges from here.
            for (const next of result.allowed) expect(SPEC_EDGES.has(`${state.status}>${next}`)).toBe(true);
            if (cmd.to === 'Paid' && cmd.channel === 'api') expect(result.refusal).toBe('billing-only');
            return;
          }
          expect(SPEC_EDGES.has(`${state.status}>${cmd.to}`)).toBe(true);
          expect(cmd.to === 'Paid').toBe(cmd.channel === 'billing');
          state = result.next;
          if (state.status === 'In_Progress' && !everStarted) {
            everStarted = true;
            firstStart = at;
          }
          expect(state.statusChangedAt).toBe(at);
        });
        // Invariants of every reachable state.
        expect(JOB_STATUSES).toContain(state.status);
        expect(state.blockedReason !== null).toBe(state.status === 'Blocked');
        if (state.blockedReason !== null) expect(state.blockedReason.trim()).not.toBe('');
        expect(state.actualStart).toBe(firstStart);
        expect(state.actualEnd !== null).toBe(state.status === 'Completed' || state.status === 'Paid');
        if (state.status !== 'Pending') expect(state.actualStart).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('a refused request changes nothing and names the allowed next statuses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JOB_STATUSES), command, (from, cmd) => {
        const state = { ...START, status: from, blockedReason: from === 'Blocked' ? 'parts' : null };
        const frozen = structuredClone(state);
        const result = transition(state, cmd.to, { reason: cmd.reason, at: 'x', channel: cmd.channel });
        expect(state).toEqual(frozen);
        if (!result.ok) expect(result.allowed).toEqual(allowedNext(from, cmd.channel));
      }),
    );
  });

  it('Blocked needs a non-blank reason, and keeps it trimmed', () => {
    const started = transition(START, 'In_Progress', { at: 'a', channel: 'api' });
    if (!started.ok) throw new Error('start refused');
    expect(transition(started.next, 'Blocked', { at: 'b', channel: 'api' })).toMatchObject({
      ok: false,
      refusal: 'reason-required',
    });
    expect(
      transition(started.next, 'Blocked', { reason: '  parts on order ', at: 'b', channel: 'api' }),
    ).toMatchObject({ ok: true, next: { status: 'Blocked', blockedReason: 'parts on order' } });
  });

  it('Paid is terminal', () => {
    for (const to of JOB_STATUSES) {
      for (const channel of ['api', 'billing'] as const) {
        expect(transition({ ...START, status: 'Paid' }, to, { at: 'x', channel, reason: 'r' }).ok).toBe(
          false,
        );
      }
    }
  });
});
