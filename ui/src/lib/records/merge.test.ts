import { describe, expect, it } from 'vitest';
import type { Customer } from './customer-form';
import { contactsAdded, mergePreview, movedSummary, plural } from './merge';

const base: Customer = {
  id: '00000000-0000-7000-8000-000000000001',
  name: 'Ann Lee',
  kind: 'person',
  notes: '',
  mergedIntoId: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  contactInfo: { phones: [{ number: '+15551234567', primary: true }], emails: [] },
  preferences: { contactChannel: 'sms', language: 'en', marketingOptIn: false },
};
const duplicate: Customer = {
  ...base,
  id: '00000000-0000-7000-8000-000000000002',
  name: 'Ann Lee (old)',
  notes: 'Gate code 1234',
  contactInfo: {
    phones: [
      { number: '+15551234567', primary: true },
      { number: '+15559876543', primary: false },
    ],
    emails: [{ address: 'ann@example.com', primary: true }],
  },
};

describe('merge preview', () => {
  it('names only the contacts the kept customer lacks', () => {
    expect(contactsAdded(base, duplicate)).toEqual(['(555) 987-6543', 'ann@example.com']);
  });

  it('names each thing that moves', () => {
    const lines = mergePreview({
      kept: base,
      source: duplicate,
      vehicles: ['2018 Honda Civic · ABC1234'],
      repairOrders: { count: 3, more: false },
    });
    expect(lines[0]).toBe('1 vehicle: 2018 Honda Civic · ABC1234');
    expect(lines[1]).toBe('3 repair orders (their whole history)');
    expect(lines[2]).toContain('(555) 987-6543');
    expect(lines[3]).toContain('Merged from Ann Lee (old)');
  });

  it('says plainly when nothing of a kind moves, and "+" when there are more pages', () => {
    const lines = mergePreview({
      kept: base,
      source: { ...base, id: 'x', notes: '' },
      vehicles: [],
      repairOrders: { count: 200, more: true },
    });
    expect(lines[0]).toBe('No vehicles');
    expect(lines[1]).toBe('200+ repair orders (their whole history)');
    expect(lines[2]).toBe('No new phone numbers or emails');
    expect(lines.some((l) => l.includes('Merged from'))).toBe(false);
  });

  it('reports what the server moved', () => {
    expect(movedSummary({ vehicles: 2, 'repair orders': 1, appointments: 0 })).toBe(
      'Moved 2 vehicles, 1 repair order.',
    );
    expect(movedSummary({ vehicles: 0 })).toBe('Nothing else needed moving.');
    expect(movedSummary({ repairOrders: 2 })).toBe('Moved 2 repair orders.');
    expect(plural(1, 'car')).toBe('1 car');
  });
});
