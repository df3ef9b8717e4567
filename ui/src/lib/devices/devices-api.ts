import { api, must, type Ok } from '$lib/api/client';
import type { DeviceKind } from '$contracts/mqtt';
import type { PrinterAddressBody } from './printer-address';

/** The devices module's calls (owner only), typed from the server's OpenAPI document. */
export type Device = Ok<'/api/devices', 'get'>['items'][number];
export type BrokerStatus = Ok<'/api/devices/broker', 'get'>;
/** A device with its credentials, as pairing and a new password answer: the only time they are seen. */
export type Paired = Ok<'/api/devices/{id}/password', 'post'>;
/** The pairing string's object: the QR code's content. */
export type Pairing = Paired['pairing'];
/** A client that is no device of ours, refused, by source address. */
export type UnknownClient = Ok<'/api/devices', 'get'>['unknownClients'][number];

export async function loadDevices(): Promise<Device[]> {
  return (await loadFloor()).items;
}

/** The devices and the unknown clients the broker refused. */
export function loadFloor(): Promise<Ok<'/api/devices', 'get'>> {
  return must(api.GET('/api/devices'));
}

export function loadBrokerStatus(): Promise<BrokerStatus> {
  return must(api.GET('/api/devices/broker'));
}

export function pairDevice(body: { kind: DeviceKind; name: string; bayId?: string }): Promise<Paired> {
  return must(api.POST('/api/devices', { body }));
}

export function updateDevice(
  id: string,
  body: { name?: string; bayId?: string | null; version: number },
): Promise<Device> {
  return must(api.PATCH('/api/devices/{id}', { params: { path: { id } }, body }));
}

export function newDevicePassword(id: string): Promise<Paired> {
  return must(api.POST('/api/devices/{id}/password', { params: { path: { id } } }));
}

export function revokeDevice(id: string): Promise<Device> {
  return must(api.POST('/api/devices/{id}/revoke', { params: { path: { id } } }));
}

/** PRINT's route: where a label printer is reached (it never speaks MQTT itself). */
export async function savePrinterAddress(deviceId: string, body: PrinterAddressBody): Promise<void> {
  await must(api.PUT('/api/printers/{deviceId}', { params: { path: { deviceId } }, body }));
}

/** A kiosk device's pairing state, label printer and pending code (the kiosks module). */
export type KioskState = Ok<'/api/devices/{id}/kiosk', 'get'>;
export type KioskPairingCode = Ok<'/api/devices/{id}/kiosk-pairing-code', 'post'>;

export function loadKioskState(id: string): Promise<KioskState> {
  return must(api.GET('/api/devices/{id}/kiosk', { params: { path: { id } } }));
}

/** A new pairing code for the tablet (it replaces an unused one). */
export function newKioskPairingCode(id: string): Promise<KioskPairingCode> {
  return must(api.POST('/api/devices/{id}/kiosk-pairing-code', { params: { path: { id } } }));
}

export function setKioskLabelPrinter(id: string, labelPrinterDeviceId: string | null): Promise<KioskState> {
  return must(
    api.PUT('/api/devices/{id}/kiosk', { params: { path: { id } }, body: { labelPrinterDeviceId } }),
  );
}
