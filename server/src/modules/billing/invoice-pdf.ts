import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from './invoice-document.schemas.js';
import {
  declinedText,
  INVOICE_COLUMNS,
  invoiceJobBlocks,
  invoiceTotalRows,
  formatMiles,
  registrationText,
  type InvoiceCells,
} from '../../../contracts/invoice-layout.js';

const MARGIN = 50;
const TABLE_WIDTH = 512; // LETTER is 612 pt wide
const GAP = 6;

/**
 * The printable invoice: shop header with registration numbers, customer and contact, vehicle
 * with odometer in and out, each job (technician, 3C, lines in the shared columns), totals with
 * tax by kind, payments, declined work, warranty and legal text, and a signature line.
 */
export function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const { invoice, shop, customer, vehicle } = document;
  return new Promise((resolve, reject) => {
    // Uncompressed text streams: the PDF is small and its text stays searchable by simple tools.
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: MARGIN,
      compress: false,
      info: { Title: `Invoice ${invoice.number}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const paragraph = (text: string, size = 9) => {
      doc.x = MARGIN;
      doc.fontSize(size).text(text, MARGIN, doc.y, { width: TABLE_WIDTH });
    };

    doc.font('Helvetica-Bold');
    paragraph(shop.name, 18);
    doc.font('Helvetica');
    for (const line of [shop.address, shop.phone, shop.email]) if (line.trim() !== '') paragraph(line);
    const registration = registrationText(document);
    if (registration !== '') paragraph(registration);
    doc.moveDown();
    doc.font('Helvetica-Bold');
    paragraph(`Invoice ${invoice.number}${invoice.status === 'void' ? ' (VOID)' : ''}`, 14);
    doc.font('Helvetica');
    paragraph(`Issued ${invoice.issuedAt.slice(0, 10)} · Repair order ${invoice.repairOrderNumber}`);
    if (invoice.onAccount) paragraph(`Charged to account, due ${invoice.dueAt.slice(0, 10)}`);
    doc.moveDown();
    paragraph(`Customer: ${customer.name}`, 10);
    const contact = [...customer.phones, ...customer.emails].join(' · ');
    if (contact !== '') paragraph(`Contact: ${contact}`);
    paragraph(
      `Vehicle: ${vehicle.description || 'Vehicle'}${vehicle.vin ? ` · VIN ${vehicle.vin}` : ''}${vehicle.licensePlate ? ` · Plate ${vehicle.licensePlate}` : ''}`,
      10,
    );
    paragraph(
      `Odometer in: ${formatMiles(vehicle.odometerIn)} · Odometer out: ${formatMiles(vehicle.odometerOut)}`,
    );
    doc.moveDown();

    // Column x positions come from the shared layout, so every job's rows use the same ones.
    let x = MARGIN;
    const columns = INVOICE_COLUMNS.map((column) => {
      const placed = { ...column, x, w: column.width * TABLE_WIDTH - GAP };
      x += column.width * TABLE_WIDTH;
      return placed;
    });
    const row = (cells: InvoiceCells, bold = false) => {
      if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
      const y = doc.y;
      let bottom = y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      for (const column of columns) {
        doc.text(cells[column.key], column.x, y, { width: column.w, align: column.align });
        bottom = Math.max(bottom, doc.y);
      }
      doc.font('Helvetica');
      doc.x = MARGIN;
      doc.y = bottom;
    };
    const header = Object.fromEntries(INVOICE_COLUMNS.map((c) => [c.key, c.header])) as InvoiceCells;
    row(header, true);

    for (const block of invoiceJobBlocks(document)) {
      doc.moveDown(0.5);
      doc.font('Helvetica-Bold');
      paragraph(`${block.title} · Technician: ${block.technician}`, 10);
      doc.font('Helvetica');
      for (const part of block.story) paragraph(`${part.label}: ${part.text}`);
      for (const cells of block.rows) row(cells);
      row({ description: '', partNumber: '', quantity: '', unitPrice: 'Job total', amount: block.subtotal });
    }
    doc.moveDown();
    for (const total of invoiceTotalRows(document))
      row(
        { description: '', partNumber: '', quantity: '', unitPrice: total.label, amount: total.amount },
        total.strong,
      );

    const declined = declinedText(document);
    if (declined !== null) {
      doc.moveDown();
      paragraph(`Declined today: ${declined}`);
    }
    for (const [title, text] of [
      ['Warranty', shop.warrantyText],
      ['Terms', shop.legalText],
    ] as const) {
      if (text.trim() === '') continue;
      doc.moveDown();
      doc.font('Helvetica-Bold');
      paragraph(title);
      doc.font('Helvetica');
      paragraph(text, 8);
    }
    doc.moveDown(2);
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
    paragraph('Customer signature: ______________________________    Date: ______________');
    doc.end();
  });
}
