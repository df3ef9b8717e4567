import { describe, expect, it } from 'vitest';
import {
  customerFormOf,
  customerPatchOf,
  duplicatesInProblem,
  formatPhone,
  isEmptyPatch,
  KIND_LABELS,
  nameAndKindFields,
  newCustomerContactFields,
  newCustomerBody,
  primaryOf,
  uniqueDuplicates,
  withPrimary,
  withoutBlankRows,
  worthDuplicateCheck,
  type Customer,
} from './customer-form';

const customer: Customer = {
  id: '00000000-0000-7000-8000-000000000001',
  name: 'Ann Lee',
  kind: 'person',
  notes: '',
  mergedIntoId: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  contactInfo: {
    phones: [{ number: '+15551234567', label: 'mobile', primary: true }],
    emails: [{ address: 'ann@example.com', primary: true }],
  },
  preferences: { contactChannel: 'sms', language: 'en', marketingOptIn: false },
};

describe('formatPhone', () => {
  it('formats North-American numbers nationally, keeps others in E.164', () => {
    expect(formatPhone('+15551234567')).toBe('(555) 123-4567');
    expect(formatPhone('+442079460958')).toBe('+442079460958');
    expect(formatPhone('+15551234567', '12')).toBe('(555) 123-4567 ext. 12');
  });
});

describe('customer edit form', () => {
  it('sends only the version when nothing changed', () => {
    const patch = customerPatchOf(customerFormOf(customer), customer);
    expect(patch).toEqual({ version: 3 });
    expect(isEmptyPatch(patch)).toBe(true);
  });

  it('sends the changed name trimmed, and the phones list when a phone changed', () => {
    const form = customerFormOf(customer);
    form.name = '  Ann Marie Lee ';
    form.phones[0]!.number = '555 CALL NOW';
    expect(customerPatchOf(form, customer)).toEqual({
      version: 3,
      name: 'Ann Marie Lee',
      contactInfo: { phones: [{ number: '555 CALL NOW', label: 'mobile', primary: true }] },
    });
  });

  it('sends only the preference that changed', () => {
    const form = customerFormOf(customer);
    form.marketingOptIn = true;
    expect(customerPatchOf(form, customer)).toEqual({ version: 3, preferences: { marketingOptIn: true } });
  });

  it('keeps the version it was filled from, so a stale save is refused', () => {
    const form = customerFormOf(customer);
    form.notes = 'prefers mornings';
    expect(customerPatchOf(form, { ...customer, version: 7 }).version).toBe(3);
  });

  it('drops blank rows so error row numbers match the rows shown', () => {
    const form = customerFormOf(customer);
    form.phones.push({ number: '  ', label: 'work', primary: false });
    form.emails.unshift({ address: '', label: '', primary: false });
    const cleaned = withoutBlankRows(form);
    expect(cleaned.phones).toHaveLength(1);
    expect(cleaned.emails.map((e) => e.address)).toEqual(['ann@example.com']);
  });

  it('has one primary per list', () => {
    const rows = [
      { number: 'a', label: '', primary: true },
      { number: 'b', label: '', primary: false },
    ];
    expect(withPrimary(rows, 1).map((r) => r.primary)).toEqual([false, true]);
    expect(primaryOf(withPrimary(rows, 1))?.number).toBe('b');
    expect(primaryOf([{ number: 'x', primary: false }])?.number).toBe('x');
    expect(primaryOf([])).toBeUndefined();
  });
});

describe('new customer', () => {
  it('leaves blank contact fields out', () => {
    expect(newCustomerBody({ name: ' Bo ', kind: 'person', phone: '', email: '', notes: '' })).toEqual({
      name: 'Bo',
      kind: 'person',
    });
  });
  it('makes the phone and email primary, and confirms a duplicate only when asked', () => {
    const body = newCustomerBody(
      { name: 'Bo', kind: 'fleet', phone: '555 123 4567', email: 'bo@x.io', notes: '' },
      true,
    );
    expect(body.contactInfo).toEqual({
      phones: [{ number: '555 123 4567', primary: true }],
      emails: [{ address: 'bo@x.io', primary: true }],
    });
    expect(body.confirmDuplicate).toBe(true);
  });
  it('checks for duplicates only once a number or address looks complete', () => {
    expect(worthDuplicateCheck('phone', '555-12')).toBe(false);
    expect(worthDuplicateCheck('phone', '(555) 123-4567')).toBe(true);
    expect(worthDuplicateCheck('phone', '555 CALL NOW')).toBe(false);
    expect(worthDuplicateCheck('email', 'ann@')).toBe(false);
    expect(worthDuplicateCheck('email', 'ann@example.com')).toBe(true);
  });
  it('reads the duplicates of a 409 defensively and lists each customer once', () => {
    const hits = duplicatesInProblem({
      duplicates: [
        { id: 'a', name: 'Ann', matchedOn: 'phone', value: '+15551234567' },
        { id: 'a', name: 'Ann', matchedOn: 'email', value: 'ann@example.com' },
        { id: 'b', name: 'Bad', matchedOn: 'fax', value: 'x' },
        'nonsense',
      ],
    });
    expect(hits).toHaveLength(2);
    expect(uniqueDuplicates(hits).map((h) => h.matchedOn)).toEqual(['phone']);
    expect(duplicatesInProblem({})).toEqual([]);
  });
});

describe('the customer field specs', () => {
  it('name first (it takes the focus), then the kind with every kind offered', () => {
    const [name, kind] = nameAndKindFields('customer');
    expect(name).toMatchObject({ key: 'name', id: 'customer-name', required: true, autofocus: true });
    expect(kind?.id).toBe('customer-kind');
    expect(kind?.options?.map((o) => o.value)).toEqual(Object.keys(KIND_LABELS));
  });

  it("a new customer's phone and email sit where the server names their errors", () => {
    const onchange = () => undefined;
    const [phone, email] = newCustomerContactFields(onchange);
    expect(phone).toMatchObject({ path: 'contactInfo.phones.0.number', type: 'tel', onchange });
    expect(email).toMatchObject({ path: 'contactInfo.emails.0.address', type: 'email', onchange });
  });
});
