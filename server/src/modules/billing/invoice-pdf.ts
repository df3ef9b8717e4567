import PDFDocument from 'pdfkit';
import type { Invoice } from './billing.schemas.js';

export interface ShopHeader {
  name: string;
  lines: string[];
}

function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** The printable invoice: shop header, customer, vehicle, lines, totals, payments, balance. */
export function renderInvoicePdf(invoice: Invoice, shop: ShopHeader): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Uncompressed text streams: the PDF is small and its text stays searchable by simple tools.
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: 50,
      compress: false,
      info: { Title: `Invoice ${invoice.number}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.fontSize(18).text(shop.name);
    doc.fontSize(9);
    for (const line of shop.lines) doc.text(line);
    doc.moveDown();
    doc.fontSize(14).text(`Invoice ${invoice.number}${invoice.status === 'void' ? ' (VOID)' : ''}`);
    doc
      .fontSize(9)
      .text(`Issued ${invoice.issuedAt.slice(0, 10)} · Repair order ${invoice.repairOrderNumber}`);
    if (invoice.onAccount) doc.text(`Charged to account, due ${invoice.dueAt.slice(0, 10)}`);
    doc.moveDown();
    doc.fontSize(10).text(`Customer: ${invoice.customer.name}`);
    const v = invoice.vehicle;
    doc.text(
      `Vehicle: ${[v.year, v.make, v.model].filter((x) => x !== null).join(' ')}${v.vin ? ` · VIN ${v.vin}` : ''}${v.licensePlate ? ` · ${v.licensePlate}` : ''}`,
    );
    doc.moveDown();

    const columns = { description: 50, kind: 300, quantity: 350, price: 410, amount: 490 };
    const row = (cells: Record<keyof typeof columns, string>) => {
      const y = doc.y;
      doc.text(cells.description, columns.description, y, { width: 240 });
      const after = doc.y;
      doc.text(cells.kind, columns.kind, y);
      doc.text(cells.quantity, columns.quantity, y, { width: 50, align: 'right' });
      doc.text(cells.price, columns.price, y, { width: 70, align: 'right' });
      doc.text(cells.amount, columns.amount, y, { width: 70, align: 'right' });
      doc.x = 50;
      doc.y = Math.max(after, doc.y);
    };
    doc.fontSize(9);
    row({ description: 'Description', kind: 'Type', quantity: 'Qty', price: 'Unit', amount: 'Amount' });
    for (const line of invoice.lines) {
      row({
        description:
          line.description + (line.discountCents > 0 ? ` (discount ${money(line.discountCents)})` : ''),
        kind: line.kind,
        quantity: String(line.quantity),
        price: money(line.unitPriceCents),
        amount: money(line.amountCents),
      });
    }
    doc.moveDown();
    const total = (label: string, cents: number) =>
      row({ description: '', kind: '', quantity: '', price: label, amount: money(cents) });
    total('Subtotal', invoice.subtotalCents);
    if (invoice.discountCents > 0) total('Discount', -invoice.discountCents);
    if (invoice.shopSuppliesCents > 0) total('Shop supplies', invoice.shopSuppliesCents);
    total('Tax', invoice.taxCents);
    total('Total', invoice.totalCents);
    for (const note of invoice.creditNotes) total(`Credit ${note.number}`, -note.amountCents);
    for (const payment of invoice.payments.filter((p) => p.status === 'recorded')) {
      const sign = payment.kind === 'refund' ? 1 : -1;
      total(`${payment.kind === 'refund' ? 'Refund' : 'Paid'} ${payment.method}`, sign * payment.amountCents);
    }
    total('Balance', invoice.balanceCents);
    doc.end();
  });
}
