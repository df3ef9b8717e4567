import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceKind } from '../../server/contracts/mqtt.js';
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

/**
 * Signs in as the owner and makes sure the shop has the simulator's devices: a pairing string
 * already in the folder is reused while the shop still knows that device (not revoked); any other
 * device is created with POST /api/devices and its pairing string written to the folder. Returns
 * every pairing (label printer included: it has no MQTT side, ASE prints to it over TCP).
 */
export async function pairWithServer(options: ServerPairingOptions): Promise<DevicePairing[]> {
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
  return pairings;
}

/** The pairing strings a previous run wrote, for a run without --server or --pairing. */
export function savedPairingFiles(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.json')) : [];
}
