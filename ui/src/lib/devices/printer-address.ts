import { ApiProblem, messageOf, type FieldError } from '$lib/api/problem';
import { parseWholeNumber } from '$lib/settings/units';

/**
 * Where a label printer is reached (PRINT's PUT /api/printers/:deviceId): a network ESC/POS
 * printer on TCP (port 9100 on nearly all of them) or one on a serial/USB port of the server.
 */
export type PrinterTransport = 'tcp' | 'serial';

export interface PrinterAddressForm {
  transport: PrinterTransport;
  host: string;
  port: string;
  serialPath: string;
}

export type PrinterAddressBody =
  { transport: 'tcp'; host: string; port: number } | { transport: 'serial'; serialPath: string };

export const DEFAULT_PRINTER_PORT = 9100;

export function emptyPrinterAddress(): PrinterAddressForm {
  return { transport: 'tcp', host: '', port: String(DEFAULT_PRINTER_PORT), serialPath: '' };
}

/**
 * The form's text → the request body, or the fields to fix (paths as the server names them, so
 * the messages stand where the server's would).
 */
export function printerAddressBody(
  form: PrinterAddressForm,
): { ok: true; body: PrinterAddressBody } | { ok: false; errors: FieldError[] } {
  if (form.transport === 'serial') {
    const serialPath = form.serialPath.trim();
    return serialPath === ''
      ? { ok: false, errors: [{ path: 'serialPath', message: 'enter the port, e.g. /dev/ttyUSB0 or COM3' }] }
      : { ok: true, body: { transport: 'serial', serialPath } };
  }
  const errors: FieldError[] = [];
  const host = form.host.trim();
  if (host === '') errors.push({ path: 'host', message: "enter the printer's IP address or name" });
  // "10.0.0.5:9100" is an address with its port (one colon; IPv6 has several): the port has its own field.
  else if (/[\s/]/.test(host) || /^[^:]+:\d*$/.test(host))
    errors.push({ path: 'host', message: 'only the address (e.g. 192.168.1.50): the port goes below' });
  const port =
    form.port.trim() === ''
      ? { ok: true as const, value: DEFAULT_PRINTER_PORT }
      : parseWholeNumber(form.port);
  if (!port.ok || port.value < 1 || port.value > 65535)
    errors.push({ path: 'port', message: 'enter a port from 1 to 65535 (network printers use 9100)' });
  if (errors.length > 0 || !port.ok) return { ok: false, errors };
  return { ok: true, body: { transport: 'tcp', host, port: port.value } };
}

/** A saved address back into the form, to fix and send again. */
export function toAddressForm(body: PrinterAddressBody): PrinterAddressForm {
  return body.transport === 'tcp'
    ? { ...emptyPrinterAddress(), host: body.host, port: String(body.port) }
    : { ...emptyPrinterAddress(), transport: 'serial', serialPath: body.serialPath };
}

/** "192.168.1.50 port 9100", "serial port /dev/ttyUSB0". */
export function addressLabel(body: PrinterAddressBody): string {
  return body.transport === 'tcp' ? `${body.host} port ${body.port}` : `serial port ${body.serialPath}`;
}

/**
 * Why saving a printer's address failed, in words for the owner (the device itself was created):
 * the server's own words, which name the field it refused or say what is missing (a server without
 * the printing module answers "There is no PUT /api/printers/…").
 */
export function printerSaveFailure(error: unknown): string {
  if (error instanceof ApiProblem) {
    return error.errors.length > 0
      ? `Check the address: ${error.message}`
      : `The server said: ${error.message}`;
  }
  return messageOf(error);
}
