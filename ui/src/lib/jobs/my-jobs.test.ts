import { describe, expect, it } from 'vitest';
import type { BoardItem } from './board';
import { draftFrom, notesState, sectionsOf, technicianOf } from './my-jobs';

const uuid = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function card(n: number, fields: Partial<BoardItem> = {}): BoardItem {
  return {
    jobId: uuid(n),
    repairOrderId: uuid(1000 + n),
    repairOrderNumber: 1000 + n,
    title: `Job ${n}`,
    status: 'Pending',
    statusChangedAt: null,
    blockedReason: null,
    customer: { id: uuid(2000 + n), name: `Customer ${n}` },
    vehicle: { id: uuid(3000 + n), year: null, make: null, model: null, vin: null, licensePlate: null },
    vehicleSummary: 'Vehicle',
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

describe('technicianOf', () => {
  const technicians = [
    { id: uuid(1), userId: null, active: true },
    { id: uuid(2), userId: uuid(50), active: false },
    { id: uuid(3), userId: uuid(51), active: true },
  ];

  it("finds the active technician record linked to the user's account", () => {
    expect(technicianOf(technicians, uuid(51))?.id).toBe(uuid(3));
  });

  it('has none for an unlinked account or an inactive record', () => {
    expect(technicianOf(technicians, uuid(99))).toBeNull();
    expect(technicianOf(technicians, uuid(50))).toBeNull();
  });
});

describe('sectionsOf', () => {
  it('orders work in progress, blocked, up next, done; and leaves out empty sections', () => {
    const sections = sectionsOf([
      card(1),
      card(2, { status: 'Completed' }),
      card(3, { status: 'In_Progress' }),
      card(4, { waiter: true }),
    ]);
    expect(sections.map((s) => [s.title, s.items.map((i) => i.title)])).toEqual([
      ['Working on', ['Job 3']],
      ['Up next', ['Job 4', 'Job 1']],
      ['Done', ['Job 2']],
    ]);
  });
});

describe('notesState', () => {
  const server = { cause: 'worn pads', correction: '' };

  it('has nothing to save when the draft says what the server says', () => {
    expect(notesState(draftFrom(server), server)).toBe('unchanged');
  });

  it('saves an edit made on top of the current notes', () => {
    expect(notesState({ ...draftFrom(server), correction: 'replaced pads' }, server)).toBe('edited');
  });

  it('flags a conflict when someone else changed the notes meanwhile', () => {
    const draft = { ...draftFrom(server), correction: 'replaced pads' };
    expect(notesState(draft, { cause: 'worn pads and rotors', correction: '' })).toBe('conflict');
  });

  it('is not a conflict when both ended up saying the same thing', () => {
    const draft = { ...draftFrom(server), correction: 'replaced pads' };
    expect(notesState(draft, { cause: 'worn pads', correction: 'replaced pads' })).toBe('unchanged');
  });
});
