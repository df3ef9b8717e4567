import type { DeviceKind } from '../../contracts/mqtt.js';

/** A device as the bench uses it: what its pairing string says. */
export interface PairedDevice {
  kind: DeviceKind;
  deviceId: string;
  clientId: string;
  username: string;
  password: string;
}

const OWNER = { name: 'Bench Owner', email: 'owner@bench.test', password: 'a bench password 1' };

/**
 * Talks to a running ASE over HTTP as the shop's owner would (no inject: the server is another
 * process): sets the shop up, signs in, pairs devices.
 */
export class AseFloorClient {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async signUpOwner(baseUrl: string): Promise<AseFloorClient> {
    const setup = await fetch(`${baseUrl}/api/setup`, jsonRequest('POST', OWNER));
    if (setup.status !== 201) throw new Error(`setup failed (${setup.status}): ${await setup.text()}`);
    const login = await fetch(
      `${baseUrl}/api/auth/login`,
      jsonRequest('POST', { email: OWNER.email, password: OWNER.password }),
    );
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    if (login.status !== 200 || cookie === '') throw new Error(`login failed (${login.status})`);
    return new AseFloorClient(baseUrl, cookie);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...jsonRequest(method, body),
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), cookie: this.cookie },
    });
    if (!response.ok)
      throw new Error(`${method} ${path} failed (${response.status}): ${await response.text()}`);
    return (await response.json()) as T;
  }

  async pair(kind: DeviceKind, name: string, bayId?: string): Promise<PairedDevice> {
    const body = await this.request<{ pairing: PairedDevice }>('POST', '/api/devices', {
      kind,
      name,
      ...(bayId === undefined ? {} : { bayId }),
    });
    const p = body.pairing;
    return {
      kind: p.kind,
      deviceId: p.deviceId,
      clientId: p.clientId,
      username: p.username,
      password: p.password,
    };
  }

  async pairMany(kind: DeviceKind, count: number): Promise<PairedDevice[]> {
    const devices: PairedDevice[] = [];
    for (let i = 1; i <= count; i += 1) devices.push(await this.pair(kind, `Bench ${kind} ${i}`));
    return devices;
  }
}

function jsonRequest(method: string, body: unknown): RequestInit {
  return body === undefined
    ? { method }
    : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
