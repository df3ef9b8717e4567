import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceKind } from '../../server/contracts/mqtt.js';
import type { ShopCar } from './day-plan.js';
import type { Log } from './device-client.js';
import { parsePairing, type DevicePairing } from './pairing.js';

export interface ServerPairingOptions {
  server: string;
  email: string;
  password: string;
  bays: number;
  dongles: number;
  displays: number;
  /** Set to add a label printer on the shop's side pointing at the virtual printer. */
  printer: { host: string; port: number } | null;
  /** Where the pairing strings are kept, one file per device, so the next run reuses them. */
  folder: string;
  log: Log;
}

interface Slot {
  file: string;
  kind: DeviceKind;
  name: string;
  bayId: string | null;
}

/** What the shop API answered that we could not use, with the request and the problem's text. */
export class ServerError extends Error {}

/** The owner's session against the ASE HTTP API, as the Settings → Devices screen uses it. */
class ShopApi {
  #cookie = '';
  constructor(private readonly base: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const response = await this.send('POST', '/api/auth/login', { email, password });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ase_session='));
    if (cookie === undefined) throw new ServerError('signing in gave no session cookie');
    this.#cookie = cookie.split(';')[0]!;
  }

  async json<T>(method: string, path: string, body?: object): Promise<T> {
    return (await (await this.send(method, path, body)).json()) as T;
  }

  async send(method: string, path: string, body?: object): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.base), {
        method,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(this.#cookie ? { cookie: this.#cookie } : {}),
        },
        body: body ? JSON.stringify(body) : null,
      });
    } catch (error) {
      throw new ServerError(`${method} ${path} on ${this.base}: ${(error as Error).message}`);
    }
    if (!response.ok) {
      const text = await response.text();
      let detail = text.slice(0, 300);
      try {
        const problem = JSON.parse(text) as { title?: string; detail?: string };
        detail = problem.detail ?? problem.title ?? detail;
      } catch {
        // not a problem document: the raw text says it
      }
      throw new ServerError(`${method} ${path}: ${response.status} ${detail}`);
    }
    return response;
  }
}

/** The devices a simulated shop needs, each with the file its pairing string is kept in. */
function slotsFor(options: ServerPairingOptions, bays: Array<{ id: string; name: string }>): Slot[] {
  const two = (n: number) => String(n).padStart(2, '0');
  return [
    ...bays.map((bay, i) => ({
      file: `bay-sensor-${two(i + 1)}.json`,
      kind: 'bay-sensor' as const,
      name: `Sim sensor ${bay.name}`,
      bayId: bay.id,
    })),
    ...Array.from({ length: options.dongles }, (_, i) => ({
      file: `obd-dongle-${two(i + 1)}.json`,
      kind: 'obd-dongle' as const,
      name: `Sim OBD dongle ${i + 1}`,
      bayId: null,
    })),
    ...bays.slice(0, options.displays).map((bay, i) => ({
      file: `display-${two(i + 1)}.json`,
      kind: 'display' as const,
      name: `Sim TV ${bay.name}`,
      bayId: bay.id,
    })),
    ...(options.printer
      ? [
          {
            file: 'label-printer-01.json',
            kind: 'label-printer' as const,
            name: 'Sim label printer',
            bayId: null,
          },
        ]
      : []),
  ];
}

const KM_PER_MILE = 1.609344;
/** Enough cars for a day of a few dongles; more would only be more requests. */
const MAX_CARS = 20;

/**
 * The cars on the shop's open repair orders, oldest first, with the odometer the shop last
 * recorded (converted to km, as the contract has it): the dongles plug into these, so their
 * readings and codes match real vehicles in the demo rather than waiting as unknown VINs.
 */
async function openRepairOrderCars(api: ShopApi): Promise<ShopCar[]> {
  const { items } = await api.json<{
    items: Array<{ number: number; vehicle: { id: string; vin: string | null } | null }>;
  }>('GET', '/api/repair-orders?status=open');
  const withVin = items
    .filter((ro) => ro.vehicle?.vin != null)
    .sort((a, b) => a.number - b.number)
    .slice(0, MAX_CARS);
  const cars: ShopCar[] = [];
  for (const ro of withVin) {
    const vehicle = await api.json<{
      vin: string | null;
      odometer: number | null;
      odometerUnit: 'mi' | 'km';
    }>('GET', `/api/vehicles/${ro.vehicle!.id}`);
    if (vehicle.vin === null || vehicle.odometer === null) continue;
    const km = vehicle.odometer * (vehicle.odometerUnit === 'mi' ? KM_PER_MILE : 1);
    // the dongle reads a little more than the last recorded reading: the drive into the bay
    cars.push({ vin: vehicle.vin, odometerKm: Math.round((km + 2) * 10) / 10 });
  }
  return cars;
}

/**
 * Signs in as the owner and makes sure the shop has the simulator's devices: a pairing string
 * already in the folder is reused while the shop still knows that device (not revoked); any other
 * device is created with POST /api/devices and its pairing string written to the folder. Returns
 * every pairing (label printer included: it has no MQTT side, ASE prints to it over TCP), and the
 * cars of the open repair orders for the dongles.
 */
export async function pairWithServer(
  options: ServerPairingOptions,
): Promise<{ pairings: DevicePairing[]; cars: ShopCar[] }> {
  const api = new ShopApi(options.server);
  await api.signIn(options.email, options.password);
  const { items: allBays } = await api.json<{ items: Array<{ id: string; name: string; active: boolean }> }>(
    'GET',
    '/api/bays',
  );
  const bays = allBays.filter((b) => b.active).slice(0, options.bays);
  if (bays.length < options.bays)
    options.log(`the shop has ${bays.length} active bays; simulating ${bays.length}, not ${options.bays}`);
  const { items: known } = await api.json<{ items: Array<{ id: string; revokedAt: string | null }> }>(
    'GET',
    '/api/devices',
  );
  const usable = new Set(known.filter((d) => d.revokedAt === null).map((d) => d.id));

  mkdirSync(options.folder, { recursive: true });
  const pairings: DevicePairing[] = [];
  for (const slot of slotsFor(options, bays)) {
    const path = join(options.folder, slot.file);
    const kept = existsSync(path) ? parsePairing(readFileSync(path, 'utf8'), path) : null;
    if (
      kept !== null &&
      kept.kind === slot.kind &&
      usable.has(kept.deviceId) &&
      (kept.bayId ?? null) === slot.bayId
    ) {
      pairings.push(kept);
      continue;
    }
    const created = await api.json<{ pairing: DevicePairing }>('POST', '/api/devices', {
      kind: slot.kind,
      name: slot.name,
      ...(slot.bayId ? { bayId: slot.bayId } : {}),
    });
    const pairing = parsePairing(
      JSON.stringify({ ...created.pairing, bayId: slot.bayId }),
      `POST /api/devices (${slot.name})`,
    );
    writeFileSync(path, `${JSON.stringify(pairing, null, 2)}\n`, { mode: 0o600 });
    options.log(`paired ${slot.name} (${slot.kind} ${pairing.deviceId}) → ${path}`);
    pairings.push(pairing);
  }
  const printer = pairings.find((p) => p.kind === 'label-printer');
  if (printer !== undefined && options.printer !== null) {
    try {
      await api.send('PUT', `/api/printers/${printer.deviceId}`, { transport: 'tcp', ...options.printer });
    } catch (error) {
      options.log(`could not point ASE at the virtual printer: ${(error as Error).message}`);
    }
  }
  const cars = await openRepairOrderCars(api);
  options.log(`${cars.length} cars on open repair orders for the dongles`);
  return { pairings, cars };
}

/**
 * The shop CA's certificate from ASE's public download (what staff devices install); a device
 * trusts it only after checking it against its pairing's fingerprint (tls-pin.ts).
 */
export async function downloadShopCa(server: string): Promise<string> {
  return (await new ShopApi(server).send('GET', '/api/tls/ca.crt')).text();
}

/** The pairing strings a previous run wrote, for a run without --server or --pairing. */
export function savedPairingFiles(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.json')) : [];
}
