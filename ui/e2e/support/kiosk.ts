import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, BrowserContextOptions, Page } from '@playwright/test';
import { startCaptureServer, type CaptureServer } from '../../../devices/escpos/index.js';
import { computeCheckDigit } from '$contracts/vin';
import { expect, expectAccessible, test as base } from './fixtures';
import { fakeCameraArgs, vinCameraFile } from './kiosk-camera';
import { recordMeasurement } from './measurements';
import { json } from './owner';
import { E2E_DATA_DIR } from './server';

/**
 * The check-in kiosk as the e2e tests drive it: a tablet (touch, portrait 768×1024 or landscape
 * 1280×800) whose camera sees a VIN barcode, paired through the real API, with a real network
 * label printer on 127.0.0.1, and a counter of what the customer had to tap.
 */

/** The last VIN serial handed out (the clock's, so another run's VINs are not this one's). */
let serial = Date.now();
/**
 * The VIN on the fake camera's door-jamb label: a 2003 Honda Accord with a valid check digit and
 * a serial of this worker's own (a VIN on file for another customer is refused, and other specs
 * use the well-known 1HGCM82633A004352).
 */
export const KIOSK_SCAN_VIN = hondaVin(true);

/**
 * A 2003 Honda Accord's VIN with a serial of its own, its check digit (position 9) right or, for
 * the customer who mistypes one, wrong.
 */
export function hondaVin(checkDigitRight: boolean): string {
  serial += 1;
  const vin = `1HGCM82603A${String(serial % 1_000_000).padStart(6, '0')}`;
  const digit = computeCheckDigit(vin);
  if (digit === undefined) throw new Error(`not a VIN: ${vin}`);
  const wrong = digit === 'X' ? '0' : String((Number(digit) + 1) % 10);
  return `${vin.slice(0, 8)}${checkDigitRight ? digit : wrong}${vin.slice(9)}`;
}

export const TABLET_SIZES = {
  portrait: { width: 768, height: 1024 },
  landscape: { width: 1280, height: 800 },
} as const;
export type TabletSize = keyof typeof TABLET_SIZES;

/** Context options of a tablet on its stand: touch screen, mobile viewport rules, the given size. */
export function tablet(size: TabletSize): BrowserContextOptions {
  return { viewport: TABLET_SIZES[size], hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
}

/**
 * The kiosk specs' `test`: the usual console watch, and a browser whose camera plays the VIN
 * barcode. Overriding the worker's launch options puts these specs in their own worker, so the
 * other specs' browser keeps its real (absent) camera.
 */
export const test = base.extend<object, { cameraFile: string }>({
  cameraFile: [async ({}, use) => use(await vinCameraFile(KIOSK_SCAN_VIN)), { scope: 'worker' }],
  launchOptions: [
    async ({ launchOptions, cameraFile }, use) =>
      use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...fakeCameraArgs(cameraFile)] }),
    { scope: 'worker' },
  ],
});
export { expect } from './fixtures';

// ---- pairing ------------------------------------------------------------------------------------

export interface KioskDevice {
  deviceId: string;
  name: string;
}

/** Adds a device of kind `kiosk` in Settings → Devices (the owner's API). */
export async function addKioskDevice(api: APIRequestContext, name: string): Promise<KioskDevice> {
  const created = await json<{ device: { id: string } }>(
    await api.post('/api/devices', { data: { kind: 'kiosk', name } }),
  );
  return { deviceId: created.device.id, name };
}

/** A fresh pairing code for the kiosk ("Pair a tablet"). */
export async function kioskPairingCode(api: APIRequestContext, deviceId: string): Promise<string> {
  const answer = await json<{ code: string }>(await api.post(`/api/devices/${deviceId}/kiosk-pairing-code`));
  return answer.code;
}

/** Opens /kiosk on the page paired to the device (the QR code's pairUrl: /kiosk?pair=<code>). */
export async function openPairedKiosk(
  page: Page,
  api: APIRequestContext,
  device: KioskDevice,
): Promise<void> {
  const code = await kioskPairingCode(api, device.deviceId);
  await page.goto(`/kiosk?pair=${code}`);
  // Paired once the tablet holds its token (a reload before that would show the pairing screen).
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), KIOSK_TOKEN_KEY)).toMatch(/^kk_/);
}

/** Where the kiosk keeps its token: the one thing it stores in the browser. */
export const KIOSK_TOKEN_KEY = 'ase.kiosk.token';

/** The kiosk's idle time (Settings → Kiosk, through the settings API); returns the previous value. */
export async function setKioskIdleSeconds(api: APIRequestContext, idleSeconds: number): Promise<number> {
  const now = await json<{ version: number; kiosk: { idleSeconds: number; authorizationText: unknown } }>(
    await api.get('/api/settings'),
  );
  await json(
    await api.patch('/api/settings', {
      data: { version: now.version, kiosk: { ...now.kiosk, idleSeconds } },
    }),
  );
  return now.kiosk.idleSeconds;
}

// ---- the key-tag printer ------------------------------------------------------------------------

/**
 * A real network label printer on 127.0.0.1 (the ESC/POS capture server, which decodes what it
 * receives), added in Settings → Devices and assigned as the kiosk's label printer.
 */
export async function kioskLabelPrinter(
  api: APIRequestContext,
  kiosk: KioskDevice,
): Promise<{ printer: CaptureServer; printerDeviceId: string }> {
  const printer = await startCaptureServer();
  try {
    const created = await json<{ device: { id: string } }>(
      await api.post('/api/devices', { data: { kind: 'label-printer', name: `${kiosk.name} printer` } }),
    );
    const printerDeviceId = created.device.id;
    await json(
      await api.put(`/api/printers/${printerDeviceId}`, {
        data: { transport: 'tcp', host: printer.host, port: printer.port },
      }),
    );
    await json(
      await api.put(`/api/devices/${kiosk.deviceId}/kiosk`, {
        data: { labelPrinterDeviceId: printerDeviceId },
      }),
    );
    return { printer, printerDeviceId };
  } catch (error) {
    await printer.close();
    throw error;
  }
}

// ---- what the customer had to do --------------------------------------------------------------

/**
 * What reached the page from the customer's hands, classified in the page itself:
 * - `taps`: a tap on a control (a button, a choice, a link): what the budget counts;
 * - `keys`: a key pressed outside a free-text field (also counted);
 * - `keypad`: a digit (or delete) on the on-screen keypad: typing the phone number or odometer,
 *   the same as typing free text, so reported but not counted;
 * - `typed`: keys in a free-text field (a name, a plate, "something else"), not counted;
 * - `drawn`: strokes on the signature pad, not counted.
 */
export interface TapTally {
  taps: string[];
  keys: string[];
  keypad: number;
  typed: number;
  drawn: number;
}

declare global {
  interface Window {
    __aseKioskTally?: (kind: keyof TapTally, what: string) => void;
  }
}

export interface TapCounter {
  readonly tally: TapTally;
  /** The number the budget is about: taps on controls plus keys outside free text. */
  counted(): number;
  reset(): void;
}

/** Starts counting on the page (before its first navigation; survives reloads). */
export async function countTaps(page: Page): Promise<TapCounter> {
  const tally: TapTally = { taps: [], keys: [], keypad: 0, typed: 0, drawn: 0 };
  await page.exposeFunction('__aseKioskTally', (kind: keyof TapTally, what: string) => {
    if (kind === 'taps' || kind === 'keys') tally[kind].push(what);
    else tally[kind] += 1;
  });
  await page.addInitScript(() => {
    const FREE_TEXT =
      'textarea, [contenteditable=""], [contenteditable="true"], input:not([type=button]):not([type=submit]):not([type=checkbox]):not([type=radio]):not([type=range])';
    const CONTROL =
      'button, a[href], select, label, summary, input, [role=button], [role=radio], [role=checkbox], [role=option], [role=tab], [role=switch], [role=link], [role=menuitem]';
    const nameOf = (el: Element): string =>
      (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.textContent ?? '')
        .trim()
        .slice(0, 40);
    // A keypad key is a control named by one digit, or delete/backspace on a keypad.
    const isKeypadKey = (el: Element): boolean => {
      const name = nameOf(el);
      if (/^\d$/.test(name)) return true;
      return (
        /^(delete|backspace|borrar|⌫|←)$/i.test(name) &&
        el.closest('[role=group], [data-keypad], .keypad') !== null
      );
    };
    const tally = (kind: 'taps' | 'keys' | 'keypad' | 'typed' | 'drawn', what: string) =>
      void window.__aseKioskTally?.(kind, what);
    document.addEventListener(
      'pointerdown',
      (event) => {
        const target = event.target instanceof Element ? event.target : null;
        if (!target) return;
        if (target.closest('canvas')) return tally('drawn', 'signature');
        // Tapping into a text field to type in it belongs to the free text.
        if (target.closest(FREE_TEXT)) return;
        const control = target.closest(CONTROL);
        if (!control) return; // a tap on nothing: the kiosk did not ask for it
        if (isKeypadKey(control)) return tally('keypad', nameOf(control));
        tally('taps', nameOf(control) || control.tagName.toLowerCase());
      },
      true,
    );
    document.addEventListener(
      'keydown',
      (event) => {
        const target = event.target instanceof Element ? event.target : null;
        if (target?.closest(FREE_TEXT)) return tally('typed', event.key);
        tally('keys', event.key);
      },
      true,
    );
  });
  return {
    tally,
    counted: () => tally.taps.length + tally.keys.length,
    reset() {
      tally.taps = [];
      tally.keys = [];
      tally.keypad = 0;
      tally.typed = 0;
      tally.drawn = 0;
    },
  };
}

// ---- measurements -------------------------------------------------------------------------------

export interface KioskFlowMeasurement {
  flow: string;
  size: TabletSize;
  language: 'en' | 'es';
  /** Taps on controls + keys outside free text (the budget). */
  counted: number;
  budget: number | null;
  taps: string[];
  keys: string[];
  keypad: number;
  typed: number;
  /** Welcome screen → the "Thank you" heading, as the scripted customer went. */
  welcomeToThankYouMs: number;
  /** A story of mistakes on purpose (bad input): reported, left out of the median. */
  deliberateMistakes: boolean;
}

const RESULTS = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../test-results/kiosk-measurements.json',
);
/** One run (one e2e data dir): a retried test replaces its own line, older runs are dropped. */
const RUN = basename(E2E_DATA_DIR);

/** Records a scripted flow's taps and time: printed, and kept in test-results/kiosk-measurements.json. */
export function recordKioskFlow(measurement: KioskFlowMeasurement): void {
  let flows: KioskFlowMeasurement[] = [];
  try {
    const previous = JSON.parse(readFileSync(RESULTS, 'utf8')) as {
      run: string;
      flows: KioskFlowMeasurement[];
    };
    if (previous.run === RUN) flows = previous.flows;
  } catch {
    // no file yet, or from an older layout: start over
  }
  flows = flows.filter((f) => !(f.flow === measurement.flow && f.size === measurement.size));
  flows.push(measurement);
  const times = flows
    .filter((f) => !f.deliberateMistakes)
    .map((f) => f.welcomeToThankYouMs)
    .sort((a, b) => a - b);
  const medianWelcomeToThankYouMs = median(times);
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ run: RUN, medianWelcomeToThankYouMs, flows }, null, 2)}\n`);
  recordMeasurement(`kiosk ${measurement.flow} (${measurement.size}) taps`, measurement.counted, 'taps', {
    budget: measurement.budget,
    taps: measurement.taps,
    keys: measurement.keys,
    keypad: measurement.keypad,
  });
  recordMeasurement(
    `kiosk ${measurement.flow} (${measurement.size}) welcome → thank you`,
    measurement.welcomeToThankYouMs,
    'ms',
  );
  console.log(
    `measurement: kiosk median welcome → thank you over ${times.length} flows = ${medianWelcomeToThankYouMs} ms`,
  );
}

function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

// ---- accessibility ------------------------------------------------------------------------------

/**
 * axe on a kiosk screen, once per screen, language and size in the run (the flows pass the same
 * screens many times; one check of each is the rule, the repeats only cost time).
 */
const checked = new Set<string>();
export async function expectKioskScreenAccessible(
  page: Page,
  screen: string,
  options: { bothSizes?: boolean } = {},
): Promise<void> {
  if (options.bothSizes) {
    // A screen the stories pass at one size only: turned to the other size and back.
    const size = page.viewportSize();
    for (const other of Object.values(TABLET_SIZES)) {
      await page.setViewportSize(other);
      await expectKioskScreenAccessible(page, screen);
    }
    if (size) await page.setViewportSize(size);
    return;
  }
  const size = page.viewportSize();
  const lang = await page.evaluate(() => document.documentElement.lang || 'unset');
  const key = `${screen} ${lang} ${size?.width}x${size?.height}`;
  if (checked.has(key)) return;
  await expectAccessible(page, `kiosk: ${key}`);
  checked.add(key);
}

// ---- the shop's customers -----------------------------------------------------------------------

/** A run-unique word of letters only (a last name must look like a name, not a plate). */
export function uniqueLetters(length = 6): string {
  let n = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  let word = '';
  for (let i = 0; i < length; i += 1) {
    word += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  }
  return word;
}

/** A run-unique 10-digit US number in the 555 range, as a customer would type it. */
export function uniquePhone(): string {
  const line = String(Date.now() % 10_000_000).padStart(7, '0');
  return `512${line}`;
}

export interface KioskCustomerRecord {
  customerId: string;
  vehicleId: string;
  firstName: string;
  lastName: string;
  phone: string;
  plate: string;
  appointmentId: string | null;
}

/**
 * A customer of the shop with a phone, a contact preference and a 2019 Honda Civic, and, when
 * `appointment` is given, an appointment booked for now today (the shop's day) with those concerns.
 */
export async function arrangeKioskCustomer(
  api: APIRequestContext,
  options: {
    contactChannel?: 'sms' | 'email' | 'phone';
    appointment?: { concerns: string[]; waiter?: boolean };
  } = {},
): Promise<KioskCustomerRecord> {
  const firstName = 'Dana';
  const lastName = `Kio${uniqueLetters(5)}`;
  const lastNameCapitalised = lastName[0]!.toUpperCase() + lastName.slice(1);
  const phone = uniquePhone();
  const plate = `K${String(Date.now()).slice(-5)}`;
  const customer = await json<{ id: string }>(
    await api.post('/api/customers', {
      data: {
        name: `${firstName} ${lastNameCapitalised}`,
        contactInfo: {
          phones: [{ number: phone, primary: true }],
          emails: [{ address: `${lastName}@example.com` }],
        },
        preferences: { contactChannel: options.contactChannel ?? 'sms' },
        confirmDuplicate: true,
      },
    }),
  );
  const vehicle = await json<{ id: string }>(
    await api.post('/api/vehicles', {
      data: { customerId: customer.id, year: 2019, make: 'Honda', model: 'Civic', licensePlate: plate },
    }),
  );
  let appointmentId: string | null = null;
  if (options.appointment) {
    // From this minute for half an hour: today on the shop's clock (but in a day's first minute).
    const startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const appointment = await json<{ id: string }>(
      await api.post('/api/appointments', {
        data: {
          customerId: customer.id,
          vehicleId: vehicle.id,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
          requestedServices: options.appointment.concerns,
          kind: options.appointment.waiter ? 'waiter' : 'drop_off',
        },
      }),
    );
    appointmentId = appointment.id;
  }
  return {
    customerId: customer.id,
    vehicleId: vehicle.id,
    firstName,
    lastName: lastNameCapitalised,
    phone,
    plate,
    appointmentId,
  };
}
