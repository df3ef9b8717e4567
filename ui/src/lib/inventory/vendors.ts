import type { Body } from '$lib/api/client';
import type { Vendor } from './items';

export type CreateVendorBody = Body<'/api/inventory/vendors', 'post'>;
export type UpdateVendorBody = Body<'/api/inventory/vendors/{id}', 'patch'>;

export interface VendorForm {
  name: string;
  contactName: string;
  phone: string;
  email: string;
  accountNumber: string;
  notes: string;
  active: boolean;
}

export function vendorFormOf(vendor: Vendor | null): VendorForm {
  return {
    name: vendor?.name ?? '',
    contactName: vendor?.contactName ?? '',
    phone: vendor?.phone ?? '',
    email: vendor?.email ?? '',
    accountNumber: vendor?.accountNumber ?? '',
    notes: vendor?.notes ?? '',
    active: vendor?.active ?? true,
  };
}

const orNull = (text: string): string | null => text.trim() || null;

export function createVendorBody(form: VendorForm): CreateVendorBody {
  return {
    name: form.name.trim(),
    contactName: orNull(form.contactName),
    phone: orNull(form.phone),
    email: orNull(form.email),
    accountNumber: orNull(form.accountNumber),
    notes: form.notes.trim(),
  };
}

/** Only what changed, with the version read. */
export function updateVendorBody(vendor: Vendor, form: VendorForm): UpdateVendorBody {
  const next = createVendorBody(form);
  const body: UpdateVendorBody = { version: vendor.version };
  if (next.name !== vendor.name) body.name = next.name;
  if (next.contactName !== vendor.contactName) body.contactName = next.contactName ?? null;
  if (next.phone !== vendor.phone) body.phone = next.phone ?? null;
  if (next.email !== vendor.email) body.email = next.email ?? null;
  if (next.accountNumber !== vendor.accountNumber) body.accountNumber = next.accountNumber ?? null;
  if (next.notes !== vendor.notes) body.notes = next.notes ?? '';
  if (form.active !== vendor.active) body.active = form.active;
  return body;
}
