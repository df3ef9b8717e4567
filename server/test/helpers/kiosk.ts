import type { FastifyInstance } from 'fastify';
import type { KioskPaired } from '../../contracts/kiosk.js';
import { setupOwner } from './test-app.js';

export interface PairedKiosk {
  deviceId: string;
  token: string;
  /** `Authorization: Bearer kk_…`, for app.inject. */
  headers: { authorization: string };
  /** The owner's session cookie used (made by first-run setup when none was given). */
  ownerCookie: string;
}

async function call<T>(
  app: FastifyInstance,
  expected: number,
  options: { method: 'POST' | 'PUT'; url: string; cookie?: string; payload?: object },
): Promise<T> {
  const response = await app.inject({
    method: options.method,
    url: options.url,
    ...(options.cookie === undefined ? {} : { headers: { cookie: options.cookie } }),
    ...(options.payload === undefined ? {} : { payload: options.payload }),
  });
  if (response.statusCode !== expected)
    throw new Error(`${options.method} ${options.url}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

/**
 * A paired kiosk, made the way the owner and the tablet do it: the owner adds a device of kind
 * `kiosk` (Settings → Devices), optionally gives it a label printer, makes a pairing code, and the
 * tablet pairs with it. Without `ownerCookie` the app's first-run setup makes the owner.
 */
export async function pairKiosk(
  app: FastifyInstance,
  ownerCookie?: string,
  options: { name?: string; bayId?: string; labelPrinterDeviceId?: string } = {},
): Promise<PairedKiosk> {
  const cookie = ownerCookie ?? (await setupOwner(app)).cookie;
  const created = await call<{ device: { id: string } }>(app, 201, {
    method: 'POST',
    url: '/api/devices',
    cookie,
    payload: {
      kind: 'kiosk',
      name: options.name ?? 'Front door kiosk',
      ...(options.bayId === undefined ? {} : { bayId: options.bayId }),
    },
  });
  const deviceId = created.device.id;
  if (options.labelPrinterDeviceId !== undefined)
    await call(app, 200, {
      method: 'PUT',
      url: `/api/devices/${deviceId}/kiosk`,
      cookie,
      payload: { labelPrinterDeviceId: options.labelPrinterDeviceId },
    });
  const { code } = await call<{ code: string }>(app, 201, {
    method: 'POST',
    url: `/api/devices/${deviceId}/kiosk-pairing-code`,
    cookie,
  });
  const { token } = await call<KioskPaired>(app, 200, {
    method: 'POST',
    url: '/api/kiosk/pair',
    payload: { code },
  });
  return { deviceId, token, headers: { authorization: `Bearer ${token}` }, ownerCookie: cookie };
}
