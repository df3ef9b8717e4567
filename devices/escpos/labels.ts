import { charsPerLine, type LabelAlign, type LabelBlock, type LabelDocument } from './label-document.js';

/** What each label needs, already read and formatted by whoever asks for the label. */
export interface KeyTagData {
  roNumber: string;
  customerLastName: string;
  /** "2019 Honda Civic" or the like; empty when the RO has no vehicle yet. */
  vehicle: string;
  /** The promised time as the shop reads it ("Tue 7 Dec 4:30 PM"); null when none was given. */
  promised: string | null;
  /** The staff URL that opens the RO: the QR code's content. */
  roUrl: string;
  /** The number on the key tag the customer was told ("your tag number is 214"), when one was given. */
  tagNumber?: string | null;
}

export interface OilStickerData {
  shopName: string;
  /** The date as the shop reads it. */
  nextServiceDate: string;
  nextServiceMileage: number;
  distanceUnit: 'mi' | 'km';
  vehicle: string;
}

export interface BinLabelData {
  sku: string;
  name: string;
  bin: string | null;
}

export const DEFAULT_LABEL_WIDTH_MM = 72;

const text = (value: string, scale = 1, bold = false, align: LabelAlign = 'center'): LabelBlock => ({
  type: 'text',
  text: value,
  scale,
  bold,
  align,
});

/** Cut a line to what fits at its scale, so a long name never wraps into the QR code. */
function fit(value: string, widthMm: number, scale: number): string {
  const max = Math.floor(charsPerLine(widthMm) / scale);
  const clean = value.replace(/\s+/g, ' ').trim();
  // No ellipsis: it is not in the printer's code page (PC437) and would print as "?".
  return clean.slice(0, Math.max(1, max));
}

export function keyTagDocument(data: KeyTagData, widthMm = DEFAULT_LABEL_WIDTH_MM): LabelDocument {
  const blocks: LabelBlock[] = [
    // The RO number is what a tech reads from across the lot: as large as the roll allows.
    text(fit(data.roNumber, widthMm, 4), 4, true),
  ];
  // The tag number is what the counter matches to the customer's word: next in size.
  if (data.tagNumber) blocks.push(text(fit(`TAG ${data.tagNumber}`, widthMm, 3), 3, true));
  blocks.push(text(fit(data.customerLastName, widthMm, 2), 2, true));
  if (data.vehicle) blocks.push(text(fit(data.vehicle, widthMm, 1)));
  blocks.push(text(data.promised ? fit(`Promised ${data.promised}`, widthMm, 1) : 'No promised time'));
  blocks.push({ type: 'feed', lines: 1 }, { type: 'qr', content: data.roUrl, moduleDots: 6 });
  return { kind: 'key-tag', widthMm, pages: [blocks] };
}

export function oilStickerDocument(data: OilStickerData, widthMm = DEFAULT_LABEL_WIDTH_MM): LabelDocument {
  const mileage = `${Math.round(data.nextServiceMileage).toLocaleString('en-US')} ${data.distanceUnit}`;
  const blocks: LabelBlock[] = [
    text(fit(data.shopName, widthMm, 1), 1, true),
    text('NEXT SERVICE', 2, true),
    { type: 'rule' },
    text(fit(data.nextServiceDate, widthMm, 2), 2, true),
    text('or', 1),
    text(fit(mileage, widthMm, 2), 2, true),
    { type: 'rule' },
  ];
  if (data.vehicle) blocks.push(text(fit(data.vehicle, widthMm, 1)));
  blocks.push(text('whichever comes first'));
  return { kind: 'oil-sticker', widthMm, pages: [blocks] };
}

/** One page (one cut label) per item, in the order given. */
export function binLabelsDocument(items: BinLabelData[], widthMm = DEFAULT_LABEL_WIDTH_MM): LabelDocument {
  return {
    kind: 'bin-labels',
    widthMm,
    pages: items.map((item) => [
      { type: 'barcode', symbology: 'CODE128', data: code128Safe(item.sku), heightDots: 60 },
      text(fit(item.name, widthMm, 1), 1, true),
      text(item.bin ? fit(`Bin ${item.bin}`, widthMm, 2) : 'No bin', 2, true),
    ]),
  };
}

/** CODE128 code set B carries printable ASCII only; anything else would not scan back as the SKU. */
export function code128Safe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?');
}
