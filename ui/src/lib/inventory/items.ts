import type { Body, Ok } from '$lib/api/client';
import type { FieldError } from '$lib/api/problem';
import { centsToDollars, dollarsToCents, parseWholeNumber } from '$lib/settings/units';

export type InventoryItem = Ok<'/api/inventory/items/{id}', 'get'>;
export type Vendor = Ok<'/api/inventory/vendors', 'get'>['items'][number];
export type CreateItemBody = Body<'/api/inventory/items', 'post'>;
export type UpdateItemBody = Body<'/api/inventory/items/{id}', 'patch'>;

/** What the item form holds: text as typed, turned into cents and units only when saved. */
export interface ItemForm {
  sku: string;
  name: string;
  binLocation: string;
  /** The vendor's number for the part; "Add part" finds the item by it. */
  vendorPartNumber: string;
  /** '' = no vendor. */
  vendorId: string;
  cost: string;
  sell: string;
  reorderLevel: string;
  coreCharge: string;
  taxable: boolean;
  /** Only when adding: the stock on the shelf today (becomes a count in the ledger). */
  openingStock: string;
}

export function emptyItemForm(): ItemForm {
  return {
    sku: '',
    name: '',
    binLocation: '',
    vendorPartNumber: '',
    vendorId: '',
    cost: '',
    sell: '',
    reorderLevel: '',
    coreCharge: '',
    taxable: true,
    openingStock: '',
  };
}

export function itemFormOf(item: InventoryItem): ItemForm {
  return {
    sku: item.sku,
    name: item.name,
    binLocation: item.binLocation ?? '',
    vendorPartNumber: item.vendorPartNumber ?? '',
    vendorId: item.vendorId ?? '',
    cost: centsToDollars(item.costPriceCents),
    sell: centsToDollars(item.sellPriceCents),
    reorderLevel: String(item.reorderLevel),
    coreCharge: centsToDollars(item.coreChargeCents),
    taxable: item.taxable,
    openingStock: '',
  };
}

export type Parsed<T> = { ok: true; body: T } | { ok: false; errors: FieldError[] };

interface Numbers {
  costPriceCents?: number;
  sellPriceCents?: number;
  coreChargeCents?: number;
  reorderLevel?: number;
  quantityOnHand?: number;
}

/** The typed numbers of the form; an empty box is left out (the server's default applies). */
function numbersOf(form: ItemForm, withStock: boolean): { numbers: Numbers; errors: FieldError[] } {
  const numbers: Numbers = {};
  const errors: FieldError[] = [];
  const money: [keyof ItemForm, 'costPriceCents' | 'sellPriceCents' | 'coreChargeCents'][] = [
    ['cost', 'costPriceCents'],
    ['sell', 'sellPriceCents'],
    ['coreCharge', 'coreChargeCents'],
  ];
  for (const [field, path] of money) {
    const text = String(form[field]).trim();
    if (text === '') continue;
    const parsed = dollarsToCents(text);
    if (parsed.ok) numbers[path] = parsed.value;
    else errors.push({ path, message: parsed.message });
  }
  const units: [keyof ItemForm, 'reorderLevel' | 'quantityOnHand'][] = [['reorderLevel', 'reorderLevel']];
  if (withStock) units.push(['openingStock', 'quantityOnHand']);
  for (const [field, path] of units) {
    const text = String(form[field]).trim();
    if (text === '') continue;
    const parsed = parseWholeNumber(text);
    if (parsed.ok) numbers[path] = parsed.value;
    else errors.push({ path, message: parsed.message });
  }
  return { numbers, errors };
}

/** The body of "add an item", or the fields that could not be read. */
export function createItemBody(form: ItemForm): Parsed<CreateItemBody> {
  const { numbers, errors } = numbersOf(form, true);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      sku: form.sku.trim(),
      name: form.name.trim(),
      binLocation: form.binLocation.trim() || null,
      vendorPartNumber: form.vendorPartNumber.trim() || null,
      vendorId: form.vendorId || null,
      taxable: form.taxable,
      ...numbers,
    },
  };
}

/**
 * The body of "save changes": only the fields that differ from the item as read, with its version.
 * An emptied money box means $0 (a price cannot be "unset").
 */
export function updateItemBody(item: InventoryItem, form: ItemForm): Parsed<UpdateItemBody> {
  const { numbers, errors } = numbersOf(
    {
      ...form,
      cost: form.cost.trim() || '0',
      sell: form.sell.trim() || '0',
      coreCharge: form.coreCharge.trim() || '0',
      reorderLevel: form.reorderLevel.trim() || '0',
    },
    false,
  );
  if (errors.length > 0) return { ok: false, errors };
  const body: UpdateItemBody = { version: item.version };
  if (form.sku.trim() !== item.sku) body.sku = form.sku.trim();
  if (form.name.trim() !== item.name) body.name = form.name.trim();
  const bin = form.binLocation.trim() || null;
  if (bin !== item.binLocation) body.binLocation = bin;
  const vendorPartNumber = form.vendorPartNumber.trim() || null;
  if (vendorPartNumber !== item.vendorPartNumber) body.vendorPartNumber = vendorPartNumber;
  const vendor = form.vendorId || null;
  if (vendor !== item.vendorId) body.vendorId = vendor;
  if (numbers.costPriceCents !== item.costPriceCents) body.costPriceCents = numbers.costPriceCents;
  if (numbers.sellPriceCents !== item.sellPriceCents) body.sellPriceCents = numbers.sellPriceCents;
  if (numbers.coreChargeCents !== item.coreChargeCents) body.coreChargeCents = numbers.coreChargeCents;
  if (numbers.reorderLevel !== item.reorderLevel) body.reorderLevel = numbers.reorderLevel;
  if (form.taxable !== item.taxable) body.taxable = form.taxable;
  return { ok: true, body };
}

/** Nothing but the version: the form is as it was read. */
export function isUnchanged(body: UpdateItemBody): boolean {
  return Object.keys(body).every((key) => key === 'version');
}

/** On hand at or below the reorder level: the same rule as the server's lowStock filter. */
export function isLow(item: Pick<InventoryItem, 'quantityOnHand' | 'reorderLevel'>): boolean {
  return item.quantityOnHand <= item.reorderLevel;
}

/** Vendor names by id, for the list's vendor column. */
export function vendorNames(vendors: readonly Vendor[]): Map<string, string> {
  return new Map(vendors.map((v) => [v.id, v.name]));
}
