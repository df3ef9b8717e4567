import {
  binLabelsDocument,
  keyTagDocument,
  oilStickerDocument,
  type BinLabelData,
  type KeyTagData,
  type LabelDocument,
  type OilStickerData,
} from '../../../../devices/escpos/index.js';
import type { PrintJobKind } from '../../db/tables/printing.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { InventoryService } from '../inventory/inventory.service.js';
import type { RepairOrdersService } from '../repair-orders/repair-orders.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { VehiclesService } from '../vehicles/vehicles.service.js';

/**
 * What goes on each label, read through the owners' services (never their tables) at the moment
 * the label is asked for. A job keeps this data, so a reprint prints what was printed then.
 */

export type LabelData =
  | { kind: 'key-tag'; data: KeyTagData }
  | { kind: 'oil-sticker'; data: OilStickerData }
  | { kind: 'bin-labels'; data: { items: BinLabelData[] } };

/**
 * The oil-change interval until the maintenance model (a later issue) predicts one per vehicle:
 * ASE has no shop setting for it yet, so the common "5,000 miles or 6 months" (8,000 km).
 */
export const DEFAULT_OIL_INTERVAL = { months: 6, mi: 5_000, km: 8_000 } as const;

import type { Db } from '../../db/database.js';

export interface LabelSources {
  repairOrders: RepairOrdersService;
  customers: CustomersService;
  vehicles: VehiclesService;
  inventory: InventoryService;
  settings: SettingsService;
  now: () => Date;
}

/** The page a staff tablet opens from the key tag's QR code, on the address staff reach ASE at. */
export function repairOrderUrl(origin: string, repairOrderId: string): string {
  return `${origin}/repair-orders/${repairOrderId}`;
}

export async function keyTagData(
  sources: LabelSources,
  repairOrderId: string,
  origin: string,
  /** A transaction's handle when the tag is queued inside one (the kiosk's check-in). */
  db?: Db,
): Promise<KeyTagData> {
  const ro =
    db === undefined
      ? await sources.repairOrders.get(repairOrderId)
      : await sources.repairOrders.find(db, repairOrderId);
  if (ro === undefined)
    throw new Error(`repair order ${repairOrderId} vanished before its key tag was drawn`);
  const customer =
    db === undefined
      ? await sources.customers.get(ro.customer.id)
      : await sources.customers.find(db, ro.customer.id);
  if (customer === undefined)
    throw new Error(`customer ${ro.customer.id} vanished before the key tag was drawn`);
  const { timezone } = await sources.settings.get(db);
  return {
    roNumber: String(ro.number),
    customerLastName: customer.kind === 'person' ? lastName(customer.name) : customer.name,
    vehicle: vehicleText(ro.vehicle),
    promised: ro.promisedAt === null ? null : formatPromised(ro.promisedAt, timezone),
    roUrl: repairOrderUrl(origin, ro.id),
    tagNumber: ro.keyTag,
  };
}

export async function oilStickerData(sources: LabelSources, repairOrderId: string): Promise<OilStickerData> {
  const ro = await sources.repairOrders.get(repairOrderId);
  const [vehicle, settings] = await Promise.all([
    sources.vehicles.get(ro.vehicle.id),
    sources.settings.get(),
  ]);
  const unit = vehicle.odometerUnit;
  const odometer = ro.odometerOut ?? ro.odometerIn ?? vehicle.odometer ?? 0;
  const due = addMonths(sources.now(), DEFAULT_OIL_INTERVAL.months);
  return {
    shopName: settings.shopName,
    nextServiceDate: new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone: settings.timezone,
    }).format(due),
    nextServiceMileage: odometer + DEFAULT_OIL_INTERVAL[unit],
    distanceUnit: unit,
    vehicle: vehicleText(ro.vehicle),
  };
}

export async function binLabelData(
  sources: LabelSources,
  itemIds: readonly string[],
): Promise<{ items: BinLabelData[] }> {
  const items = await Promise.all(itemIds.map((id) => sources.inventory.get(id)));
  return { items: items.map((item) => ({ sku: item.sku, name: item.name, bin: item.binLocation })) };
}

export function documentFor(label: LabelData, widthMm: number): LabelDocument {
  switch (label.kind) {
    case 'key-tag':
      return keyTagDocument(label.data, widthMm);
    case 'oil-sticker':
      return oilStickerDocument(label.data, widthMm);
    case 'bin-labels':
      return binLabelsDocument(label.data.items, widthMm);
  }
}

/** A job's stored data back as a label (the row's kind says which). */
export function labelOf(kind: PrintJobKind, json: string): LabelData {
  // Written by this module from the same types (the migration checks it is JSON).
  const data: unknown = JSON.parse(json);
  return { kind, data } as LabelData;
}

export function summaryOf(label: LabelData): string {
  switch (label.kind) {
    case 'key-tag':
      return `Key tag ${label.data.roNumber} · ${label.data.customerLastName}`;
    case 'oil-sticker':
      return `Oil sticker · ${label.data.nextServiceDate} or ${label.data.nextServiceMileage.toLocaleString('en-US')} ${label.data.distanceUnit}`;
    case 'bin-labels': {
      const count = label.data.items.length;
      return count === 1 ? `Bin label ${label.data.items[0]?.sku ?? ''}` : `${count} bin labels`;
    }
  }
}

function lastName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1] ?? name;
}

function vehicleText(vehicle: { year: number | null; make: string | null; model: string | null }): string {
  return [vehicle.year, vehicle.make, vehicle.model].filter((part) => part !== null && part !== '').join(' ');
}

function formatPromised(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  })
    .format(new Date(iso))
    .replace(/\s/g, ' '); // ICU puts a narrow no-break space before "PM": not in the printer's code page
}

function addMonths(date: Date, months: number): Date {
  const next = new Date(date.getTime());
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}
