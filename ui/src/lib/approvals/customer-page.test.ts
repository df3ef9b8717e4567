import { describe, expect, it } from 'vitest';
import {
  approvedTotal,
  decisionsOf,
  loadApproval,
  mediaUrl,
  missingBeforeSubmit,
  submitApproval,
  undecided,
  vehicleLine,
  type PublicApproval,
  withTaxText,
} from './customer-page';

const line = (lineId: string, amountCents: number, changed = false) => ({
  lineId,
  kind: 'labor' as const,
  description: lineId,
  quantity: 1,
  amountCents,
  changed,
});

const page: PublicApproval = {
  status: 'pending',
  shop: { name: 'Main Street Auto', phone: '555', address: '' },
  customerName: 'Ann',
  vehicle: { year: 2018, make: 'Honda', model: 'Civic', licensePlate: 'ABC123' },
  repairOrderNumber: 1001,
  message: '',
  sentAt: '2026-03-02T14:00:00.000Z',
  expiresAt: '2026-03-05T14:00:00.000Z',
  timeZone: 'America/Chicago',
  snapshotHash: 'f'.repeat(64),
  jobs: [
    {
      jobId: 'brakes',
      title: 'Brakes',
      concern: '',
      amountCents: 300,
      decidable: true,
      lines: [line('b1', 100), line('b2', 200)],
    },
    {
      jobId: 'wipers',
      title: 'Wipers',
      concern: '',
      amountCents: 50,
      decidable: true,
      lines: [line('w1', 50)],
    },
    // Changed in part: only the unchanged line is decided and counted.
    {
      jobId: 'belt',
      title: 'Belt',
      concern: '',
      amountCents: 70,
      decidable: true,
      lines: [line('t1', 30), line('t2', 40, true)],
    },
    {
      jobId: 'gone',
      title: 'Gone',
      concern: '',
      amountCents: 90,
      decidable: false,
      lines: [line('g1', 90, true)],
    },
  ],
  approvedWork: [],
  totals: { approvedCents: 0, estimateCents: 0 },
  ifAllApproved: { subtotalCents: 420, shopSuppliesCents: 0, taxCents: 35, totalCents: 455 },
  inspections: [],
};

describe('the choices on the approval page', () => {
  it('totals the approved jobs, only their unchanged lines', () => {
    expect(approvedTotal(page, {})).toBe(0);
    expect(
      approvedTotal(page, { brakes: 'approved', wipers: 'declined', belt: 'approved', gone: 'approved' }),
    ).toBe(330);
  });

  it('sends one decision per unchanged line of each answered, decidable job', () => {
    expect(decisionsOf(page, { brakes: 'approved', belt: 'declined', gone: 'approved' })).toEqual([
      { lineId: 'b1', decision: 'approved' },
      { lineId: 'b2', decision: 'approved' },
      { lineId: 't1', decision: 'declined' },
    ]);
  });

  it('says what is missing before sending', () => {
    expect(undecided(page, { brakes: 'approved' }).map((j) => j.jobId)).toEqual(['wipers', 'belt']);
    expect(missingBeforeSubmit(page, { brakes: 'approved' }, ' ', false)).toEqual([
      'Approve or decline each of the 2 remaining jobs.',
      'Type your name.',
      'Sign in the box.',
    ]);
    expect(missingBeforeSubmit(page, { brakes: 'approved', wipers: 'declined' }, 'Ann', true)).toEqual([
      'Approve or decline "Belt".',
    ]);
    expect(
      missingBeforeSubmit(page, { brakes: 'approved', wipers: 'declined', belt: 'approved' }, 'Ann', true),
    ).toEqual([]);
  });

  it('describes the vehicle and builds media URLs under the token', () => {
    expect(vehicleLine(page.vehicle)).toBe('2018 Honda Civic · ABC123');
    expect(vehicleLine({ year: null, make: null, model: null, licensePlate: null })).toBe('Your vehicle');
    expect(mediaUrl('tok/en', 'ab')).toBe('/api/public/approvals/tok%2Fen/media/ab');
  });
});

function respond(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('talking to the server', () => {
  it('reads a page, and a refused link as its state with the shop to call', async () => {
    expect(await loadApproval('t', respond(200, page))).toEqual({ kind: 'ok', page });
    expect(
      await loadApproval(
        't',
        respond(410, {
          detail: 'Expired.',
          linkState: 'expired',
          shop: { name: 'Main Street Auto', phone: '555' },
        }),
      ),
    ).toEqual({
      kind: 'gone',
      state: 'expired',
      detail: 'Expired.',
      shop: { name: 'Main Street Auto', phone: '555' },
      summary: null,
    });
    expect(
      await loadApproval('t', respond(404, { detail: 'Not valid.', linkState: 'unknown' })),
    ).toMatchObject({
      kind: 'gone',
      state: 'unknown',
      shop: null,
    });
    expect(await loadApproval('t', respond(503, {}))).toEqual({ kind: 'unreachable' });
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await loadApproval('t', offline)).toEqual({ kind: 'unreachable' });
  });

  it('reads the summary an answered link carries, so the customer sees what they approved', async () => {
    const summary = {
      status: 'submitted',
      submittedAt: '2026-03-02T14:00:00.000Z',
      signerName: 'Jenny',
      shop: { name: 'Main Street Auto', phone: '555', address: '' },
      repairOrderNumber: 1001,
      results: [],
      approvedCents: 50_000,
      declinedCents: 3_333,
      notApplied: 0,
      approvedWithTax: {
        subtotalCents: 50_000,
        shopSuppliesCents: 2_500,
        taxCents: 4_125,
        totalCents: 56_625,
      },
    };
    const answered = await loadApproval(
      't',
      respond(410, { detail: 'Answered.', linkState: 'answered', shop: summary.shop, summary }),
    );
    expect(answered).toMatchObject({ kind: 'gone', state: 'answered', summary });
    expect(withTaxText(56_625, (c) => `$${(c / 100).toFixed(2)}`)).toBe('$566.25 with tax');
  });

  it('maps a refused answer to the fields it names', async () => {
    const answer = await submitApproval(
      't',
      { signerName: 'Ann', signature: 'data:', decisions: [] },
      respond(400, {
        detail: 'signature: is blank',
        errors: [{ path: 'signature', message: 'is blank: please sign' }],
      }),
    );
    expect(answer).toEqual({
      kind: 'invalid',
      detail: 'signature: is blank',
      fields: { signature: 'is blank: please sign' },
    });
    const answered = await submitApproval(
      't',
      { signerName: 'Ann', signature: 'data:', decisions: [] },
      respond(410, { detail: 'Answered.', linkState: 'answered' }),
    );
    expect(answered).toMatchObject({ kind: 'gone', state: 'answered' });
  });
});
