import { describe, expect, it } from 'vitest';
import {
  asksNotes,
  BOARD_STATUSES,
  canMove,
  canMoveItem,
  heldReason,
  movesOf,
  compareCards,
  filterItems,
  groupByStatus,
  jobLabel,
  moveLabel,
  movesFrom,
  needsReason,
  preferPending,
  timeInStatus,
  UNASSIGNED,
  withMove,
  withSaved,
  type BoardItem,
} from './board';

const uuid = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function card(n: number, fields: Partial<BoardItem> = {}): BoardItem {
  return {
    jobId: uuid(n),
    repairOrderId: uuid(1000 + n),
    repairOrderNumber: 1000 + n,
    title: `Job ${n}`,
    status: 'Pending',
    statusChangedAt: '2026-03-02T10:00:00.000Z',
    blockedReason: null,
    customer: { id: uuid(2000 + n), name: `Customer ${n}` },
    vehicle: { id: uuid(3000 + n), year: 2018, make: 'Honda', model: 'Civic', vin: null, licensePlate: null },
    vehicleSummary: '2018 Honda Civic',
    technician: null,
    bay: null,
    scheduledStart: null,
    estimatedEnd: null,
    promisedAt: null,
    waiter: false,
    overdue: false,
    workGate: { state: 'approved', start: true, complete: true, reason: null },
    completion: { ask: 'asked', missing: [] },
    version: 1,
    ...fields,
  };
}

describe('moves come from the server status machine', () => {
  it('offers only the allowed next statuses, never Paid', () => {
    expect(movesFrom('Pending')).toEqual(['In_Progress']);
    expect(movesFrom('In_Progress')).toEqual(['Blocked', 'Completed']);
    expect(movesFrom('Blocked')).toEqual(['In_Progress']);
    expect(movesFrom('Completed')).toEqual([]);
  });

  it('accepts a drop only on an allowed column, never on its own', () => {
    expect(canMove('Pending', 'In_Progress')).toBe(true);
    expect(canMove('Pending', 'Completed')).toBe(false);
    expect(canMove('Pending', 'Blocked')).toBe(false);
    expect(canMove('In_Progress', 'In_Progress')).toBe(false);
    expect(canMove('Blocked', 'Completed')).toBe(false);
    expect(canMove('Completed', 'Pending')).toBe(false);
    for (const from of BOARD_STATUSES)
      for (const to of BOARD_STATUSES) expect(canMove(from, to)).toBe(movesFrom(from).includes(to));
  });

  it('asks for a reason only when blocking', () => {
    expect(BOARD_STATUSES.filter(needsReason)).toEqual(['Blocked']);
  });

  it('names moves the way the floor says them', () => {
    expect(moveLabel('Pending', 'In_Progress')).toBe('Start');
    expect(moveLabel('Blocked', 'In_Progress')).toBe('Resume');
    expect(moveLabel('In_Progress', 'Blocked')).toBe('Block…');
    expect(moveLabel('In_Progress', 'Completed')).toBe('Complete');
  });
});

describe('columns', () => {
  it('puts every card in its status column', () => {
    const columns = groupByStatus([
      card(1),
      card(2, { status: 'Blocked' }),
      card(3, { status: 'In_Progress' }),
      card(4, { status: 'Completed' }),
      card(5),
    ]);
    expect(columns.Pending.map((c) => c.title)).toEqual(['Job 1', 'Job 5']);
    expect(columns.In_Progress.map((c) => c.title)).toEqual(['Job 3']);
    expect(columns.Blocked.map((c) => c.title)).toEqual(['Job 2']);
    expect(columns.Completed.map((c) => c.title)).toEqual(['Job 4']);
  });

  it('orders overdue, then waiters, then the earliest promise, then the RO number', () => {
    const cards = [
      card(1),
      card(2, { promisedAt: '2026-03-02T17:00:00.000Z' }),
      card(3, { promisedAt: '2026-03-02T12:00:00.000Z' }),
      card(4, { waiter: true }),
      card(5, { overdue: true }),
      card(6, { overdue: true, waiter: true }),
    ];
    expect(groupByStatus(cards).Pending.map((c) => c.jobId)).toEqual([6, 5, 4, 3, 2, 1].map(uuid));
  });

  it('keeps equal cards in the server order (stable)', () => {
    const a = card(1, { repairOrderNumber: 7 });
    const b = card(2, { repairOrderNumber: 7 });
    expect(compareCards(a, b)).toBe(0);
    expect(groupByStatus([a, b]).Pending).toEqual([a, b]);
  });
});

describe('filters', () => {
  const tech = { id: uuid(90), name: 'Tess' };
  const bay = { id: uuid(91), name: 'Bay 1' };
  const cards = [card(1, { technician: tech, bay }), card(2, { technician: tech }), card(3)];

  it('shows everything without a filter', () => {
    expect(filterItems(cards, { technicianId: '', bayId: '' })).toHaveLength(3);
  });

  it('narrows by technician, bay, or to the unassigned', () => {
    expect(filterItems(cards, { technicianId: tech.id, bayId: '' }).map((c) => c.title)).toEqual([
      'Job 1',
      'Job 2',
    ]);
    expect(filterItems(cards, { technicianId: tech.id, bayId: bay.id }).map((c) => c.title)).toEqual([
      'Job 1',
    ]);
    expect(filterItems(cards, { technicianId: UNASSIGNED, bayId: '' }).map((c) => c.title)).toEqual([
      'Job 3',
    ]);
    expect(filterItems(cards, { technicianId: '', bayId: UNASSIGNED }).map((c) => c.title)).toEqual([
      'Job 2',
      'Job 3',
    ]);
  });
});

describe('moving a card', () => {
  const at = '2026-03-02T11:00:00.000Z';

  it('moves the card at once, keeping a reason only when blocked', () => {
    const moved = withMove([card(1, { status: 'In_Progress' }), card(2)], uuid(1), 'Blocked', 'parts', at);
    expect(moved[0]).toMatchObject({ status: 'Blocked', blockedReason: 'parts', statusChangedAt: at });
    expect(moved[1]).toEqual(card(2));
    const resumed = withMove(moved, uuid(1), 'In_Progress', null, at);
    expect(resumed[0]?.blockedReason).toBeNull();
  });

  it('is no longer overdue once completed', () => {
    const late = card(1, { status: 'In_Progress', overdue: true });
    expect(withMove([late], uuid(1), 'Blocked', 'parts', at)[0]?.overdue).toBe(true);
    expect(withMove([late], uuid(1), 'Completed', null, at)[0]?.overdue).toBe(false);
  });

  it("takes the server's version and times from its answer", () => {
    const saved = withSaved([card(1)], {
      id: uuid(1),
      status: 'In_Progress',
      version: 2,
      statusChangedAt: at,
      blockedReason: null,
    });
    expect(saved[0]).toMatchObject({ status: 'In_Progress', version: 2, statusChangedAt: at });
  });

  it('drops a job that left the board (Paid)', () => {
    const saved = withSaved([card(1)], {
      id: uuid(1),
      status: 'Paid',
      version: 5,
      statusChangedAt: at,
      blockedReason: null,
    });
    expect(saved).toEqual([]);
  });

  it('keeps a pending move over an older reload', () => {
    const local = [card(1, { status: 'In_Progress' }), card(2)];
    const fresh = [card(1), card(2, { title: 'Renamed' }), card(3)];
    const merged = preferPending(fresh, local, new Set([uuid(1)]));
    expect(merged.map((c) => [c.status, c.title])).toEqual([
      ['In_Progress', 'Job 1'],
      ['Pending', 'Renamed'],
      ['Pending', 'Job 3'],
    ]);
    expect(preferPending(fresh, local, new Set())).toEqual(fresh);
  });
});

describe('labels', () => {
  it('says how long a job has been in its status', () => {
    const now = Date.parse('2026-03-02T12:14:30.000Z');
    expect(timeInStatus(card(1, { status: 'In_Progress' }), now)).toBe('In progress for 2 h 14 min');
    expect(timeInStatus(card(1, { statusChangedAt: '2026-03-02T12:14:00.000Z' }), now)).toBe(
      'Pending since just now',
    );
    expect(timeInStatus(card(1, { statusChangedAt: null }), now)).toBeNull();
  });

  it('names a job by RO number and title', () => {
    expect(jobLabel(card(1))).toBe('RO 1001 · Job 1');
  });
});

describe('work follows approval on the board', () => {
  const waiting = "Waiting for the customer's approval: nothing on this job is approved yet.";
  const held = { state: 'approval-required', start: false, complete: false, reason: waiting } as const;

  it('offers no Start or Complete on a job the gate holds, and says why', () => {
    expect(movesOf(card(1, { status: 'Pending', workGate: held }))).toEqual([]);
    expect(movesOf(card(1, { status: 'In_Progress', workGate: held }))).toEqual(['Blocked']);
    expect(movesOf(card(1, { status: 'Blocked', workGate: held }))).toEqual([]);
    expect(canMoveItem(card(1, { status: 'Pending', workGate: held }), 'In_Progress')).toBe(false);
    expect(heldReason(card(1, { status: 'Pending', workGate: held }))).toBe(waiting);
  });

  it('offers every move of the status machine on approved work, with no reason', () => {
    expect(movesOf(card(1, { status: 'In_Progress' }))).toEqual(['Blocked', 'Completed']);
    expect(canMoveItem(card(1), 'In_Progress')).toBe(true);
    expect(heldReason(card(1))).toBeNull();
  });

  it('asks for cause and correction only when the shop asks and one is empty', () => {
    expect(asksNotes(card(1, { completion: { ask: 'asked', missing: ['cause'] } }))).toBe(true);
    expect(asksNotes(card(1, { completion: { ask: 'required', missing: ['correction'] } }))).toBe(true);
    expect(asksNotes(card(1, { completion: { ask: 'off', missing: ['cause'] } }))).toBe(false);
    expect(asksNotes(card(1, { completion: { ask: 'asked', missing: [] } }))).toBe(false);
  });
});
