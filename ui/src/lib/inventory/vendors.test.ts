import { describe, expect, it } from 'vitest';
import type { Vendor } from './items';
import { createVendorBody, updateVendorBody, vendorFormOf } from './vendors';

const vendor: Vendor = {
  id: '00000000-0000-4000-8000-000000000009',
  name: 'Acme Parts',
  contactName: 'Ann',
  phone: null,
  email: null,
  accountNumber: null,
  notes: '',
  active: true,
  version: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('vendor forms', () => {
  it('sends empty boxes as null', () => {
    expect(createVendorBody({ ...vendorFormOf(null), name: ' Acme ', phone: ' ' })).toEqual({
      name: 'Acme',
      contactName: null,
      phone: null,
      email: null,
      accountNumber: null,
      notes: '',
    });
  });

  it('an edit sends only what changed', () => {
    const form = { ...vendorFormOf(vendor), contactName: '', phone: '555-0100', active: false };
    expect(updateVendorBody(vendor, form)).toEqual({
      version: 2,
      contactName: null,
      phone: '555-0100',
      active: false,
    });
  });
});
