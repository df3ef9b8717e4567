import type { APIRequestContext, BrowserContext, Page, Request } from '@playwright/test';
import type { CaptureServer } from '../../../devices/escpos/index.js';
import { KIOSK_COMMON_CONCERNS } from '$contracts/kiosk';
import {
  KIOSK_SCAN_VIN,
  addKioskDevice,
  arrangeKioskCustomer,
  countTaps,
  expect,
  expectKioskScreenAccessible,
  hondaVin,
  kioskLabelPrinter,
  openPairedKiosk,
  tablet,
  test,
  uniqueLetters,
  uniquePhone,
  type KioskDevice,
  type TabletSize,
} from '../support/kiosk';
import { KioskCustomer } from '../support/kiosk-customer';
import { json, ownerApi, OWNER_STATE } from '../support/owner';
import { liveSubscribed } from '../support/trust';

/**
 * The check-in kiosk at the door, as customers use it: a tablet (touch, both sizes) paired to the
 * shop, a real label printer on 127.0.0.1 for the key tags, and the advisor's board open on a
 * second screen. Each story counts the customer's taps (the budget: an appointment ≤ 6,
 * a returning walk-in ≤ 12) and times welcome → "Thank you"; both go to
 * test-results/kiosk-measurements.json.
 */
test.describe.configure({ timeout: 120_000 });

const APPOINTMENT_TAP_BUDGET = 6;
const RETURNING_WALK_IN_TAP_BUDGET = 12;

interface Shop {
  api: APIRequestContext;
  kiosk: KioskDevice;
  printer: CaptureServer;
}

let shop: Shop | null = null;
test.afterEach(async () => {
  await shop?.printer.close();
  shop = null;
});

async function openShop(): Promise<Shop> {
  const api = await ownerApi();
  const kiosk = await addKioskDevice(api, `Door kiosk ${uniqueLetters(4)}`);
  const { printer } = await kioskLabelPrinter(api, kiosk);
  shop = { api, kiosk, printer };
  return shop;
}

/** The advisor's board on a second screen, subscribed to its live topics before anything happens. */
async function openBoard(openContext: (o?: object) => Promise<BrowserContext>) {
  const board = await (await openContext({ storageState: OWNER_STATE })).newPage();
  const subscribed = liveSubscribed(board);
  await board.goto('/board');
  await expect(board.getByRole('heading', { name: 'Job board', level: 1 })).toBeVisible();
  await subscribed;
  return board;
}

interface RepairOrderRead {
  id: string;
  number: number;
  keyTag: string | null;
  concerns: string[];
  odometerIn: number | null;
  waiter: boolean;
  appointmentId: string | null;
  customer: { id: string; name: string };
  vehicle: {
    id?: string;
    vin?: string | null;
    year?: number | null;
    make?: string | null;
    model?: string | null;
  } | null;
}

/**
 * The key tag that came out of the printer: the tag number the customer was told, and the RO it
 * belongs to (its QR code opens the RO), read back from the API.
 */
async function keyTagPrinted(
  api: APIRequestContext,
  printer: CaptureServer,
  tag: number,
): Promise<RepairOrderRead> {
  const [capture] = await printer.waitForCaptures(1, 30_000);
  const { text, qrCodes } = capture!.decoded;
  expect(text).toContain(`TAG ${tag}`);
  const roId = /\/repair-orders\/([0-9a-f-]{36})$/.exec(qrCodes[0] ?? '')?.[1];
  expect(roId, `the key tag's QR code (${qrCodes[0]}) opens the RO`).toBeTruthy();
  const ro = await json<RepairOrderRead>(await api.get(`/api/repair-orders/${roId}`));
  expect(text[0]).toBe(String(ro.number));
  expect(ro.keyTag).toBe(String(tag));
  return ro;
}

/** The RO's (first) job card on the board. */
const cardOf = (board: Page, ro: RepairOrderRead) =>
  board
    .getByTestId('job-card')
    .filter({ has: board.getByRole('link', { name: `RO ${ro.number}`, exact: true }) })
    .first();

/** The board's card of the RO carries the "Checked in at the kiosk" mark, arrived live. */
async function expectMarkedOnBoard(board: Page, ro: RepairOrderRead): Promise<void> {
  await expect(cardOf(board, ro)).toContainText('Checked in at the kiosk', { timeout: 15_000 });
}

const label = (id: string, language: 'en' | 'es') =>
  KIOSK_COMMON_CONCERNS.find((c) => c.id === id)!.label[language];

for (const size of ['portrait', 'landscape'] as const satisfies readonly TabletSize[]) {
  test.describe(`${size} tablet`, () => {
    test.use(tablet(size));

    test(`appointment check-in (${size}): found by phone and last name, masked, ≤ ${APPOINTMENT_TAP_BUDGET} taps, on the board live and the calendar, key tag printed`, async ({
      page,
      openContext,
    }) => {
      const { api, printer } = await openShop();
      const customer = await arrangeKioskCustomer(api, {
        contactChannel: 'email',
        appointment: { concerns: ['Brakes make noise'] },
      });
      const board = await openBoard(openContext);

      const counter = await countTaps(page);
      await openPairedKiosk(page, api, shop!.kiosk);
      const me = new KioskCustomer(page, counter);
      await me.atWelcome();
      await me.haveAnAppointment();
      await me.phone(customer.phone);
      await me.fact(customer.lastName);

      // Masked: who and which car, never the whole name, model or plate.
      const matches = await me.matches();
      await expect(matches).toContainText(`${customer.firstName[0]}. ${customer.lastName.slice(0, 2)}`);
      await expect(matches).toContainText('Honda C');
      await expect(matches).not.toContainText(customer.lastName);
      await expect(matches).not.toContainText('Civic');
      await expect(matches).not.toContainText(customer.plate);
      await me.thisIsMe();

      // The booked concern is already chosen; the car was confirmed on the match.
      await me.concerns([]);
      await me.odometer('42310');
      // The stored preference (email) is preselected.
      await expect(me.toggle('contact.email')).toHaveAttribute('aria-pressed', 'true');
      await me.waiting(false);
      await me.authorize(`${customer.firstName} ${customer.lastName}`);
      const tag = await me.thankYou();
      me.recordFlow('appointment', size, APPOINTMENT_TAP_BUDGET);

      const ro = await keyTagPrinted(api, printer, tag);
      expect(ro).toMatchObject({
        appointmentId: customer.appointmentId,
        customer: { id: customer.customerId },
        odometerIn: 42310,
        waiter: false,
      });
      expect(ro.concerns).toContain('Brakes make noise');
      await expectMarkedOnBoard(board, ro);
      // The calendar's appointment carries it too, learned again after a fresh load.
      await board.goto('/appointments');
      await expect(board.getByTestId('appointment').filter({ hasText: customer.lastName })).toContainText(
        'Checked in at the kiosk',
      );

      // The kiosk starts over by itself for the next customer (about 10 s: once is enough).
      if (size === 'portrait') await expect(me.button('welcome.walkIn')).toBeVisible({ timeout: 20_000 });
    });

    test(`returning walk-in (${size}${size === 'landscape' ? ', in Spanish' : ''}): ≤ ${RETURNING_WALK_IN_TAP_BUDGET} taps, their car, a double tap on Check in makes one RO, the language kept`, async ({
      page,
    }) => {
      const { api, printer } = await openShop();
      const customer = await arrangeKioskCustomer(api);
      const language = size === 'landscape' ? 'es' : 'en';

      const counter = await countTaps(page);
      await openPairedKiosk(page, api, shop!.kiosk);
      const me = new KioskCustomer(page, counter);
      await me.atWelcome();
      await me.chooseLanguage(language);
      await me.walkIn();
      await me.phone(customer.phone);
      // The plate works as the second fact too.
      await me.fact(customer.plate);
      await me.matches();
      await me.thisIsMe();
      // No booked car: their car on file (masked, preselected), one tap.
      await me.pickVehicle(/Honda C\*\*\*/);
      await me.concerns([label('oil-change', language), label('tires', language)]);
      await me.odometer('');
      await me.waiting(true);
      // An impatient double tap on "Check in": every check-in request is followed to its answer.
      const checkIns = new Set<Request>();
      page.on('request', (request) => {
        if (request.url().endsWith('/api/kiosk/check-in')) checkIns.add(request);
      });
      const settled = (request: Request) => checkIns.delete(request);
      page.on('requestfinished', settled);
      page.on('requestfailed', settled);
      await me.authorize(`${customer.firstName} ${customer.lastName}`, { doubleTap: true });
      const tag = await me.thankYou();
      if (language === 'es') await expect(page.getByRole('heading', { name: /^¡Gracias/ })).toBeVisible();
      me.recordFlow(
        `returning walk-in${language === 'es' ? ' (es)' : ''}`,
        size,
        RETURNING_WALK_IN_TAP_BUDGET,
      );

      const ro = await keyTagPrinted(api, printer, tag);
      expect(ro).toMatchObject({ appointmentId: null, customer: { id: customer.customerId }, waiter: true });
      // The double tap made one repair order, whatever reached the server.
      await expect.poll(() => checkIns.size).toBe(0);
      const orders = await json<{ items: { id: string }[] }>(
        await api.get(`/api/repair-orders?customerId=${customer.customerId}&limit=10`),
      );
      expect(orders.items.map((order) => order.id)).toEqual([ro.id]);
      expect(ro.concerns).toEqual(expect.arrayContaining(['Oil change', 'Tires']));
      const stored = await json<{ preferences: { language: string } }>(
        await api.get(`/api/customers/${customer.customerId}`),
      );
      expect(stored.preferences.language).toBe(language);
    });
  });
}

test.describe('landscape tablet, new customer', () => {
  test.use(tablet('landscape'));

  test('walk-in, new customer and a new car by VIN scan: the camera reads the door-jamb barcode, the board and the printer get it', async ({
    page,
    openContext,
  }) => {
    const { api, printer } = await openShop();
    const board = await openBoard(openContext);
    const lastName = `Nuevo${uniqueLetters(5)}`;
    const phone = uniquePhone();

    const counter = await countTaps(page);
    await openPairedKiosk(page, api, shop!.kiosk);
    const me = new KioskCustomer(page, counter);
    await me.atWelcome();
    await me.walkIn();
    await me.phone(phone);
    await me.fact(lastName);
    // Unknown phone: a new customer, the last name already in place from the second fact.
    await me.newCustomer('Rosa', lastName, `${lastName}@example.com`);
    await me.scanVin(KIOSK_SCAN_VIN);
    await expect(page.getByText(/2003 Honda/)).toBeVisible();
    await me.continue();
    await me.concerns([label('check-engine', 'en')], 'Rattle from the back on bumps');
    await me.odometer('181200');
    await me.waiting(false, 'contact.phone');
    await me.authorize(`Rosa ${lastName}`);
    const tag = await me.thankYou();
    me.recordFlow('new walk-in with VIN scan', 'landscape', null);

    const ro = await keyTagPrinted(api, printer, tag);
    expect(ro.vehicle).toMatchObject({ vin: KIOSK_SCAN_VIN, year: 2003, make: 'Honda' });
    expect(ro.concerns).toEqual(['Check engine light is on', 'Rattle from the back on bumps']);
    expect(ro.customer.name).toContain(lastName);
    const created = await json<{ preferences: { contactChannel: string } }>(
      await api.get(`/api/customers/${ro.customer.id}`),
    );
    expect(created.preferences.contactChannel).toBe('phone');
    await expectMarkedOnBoard(board, ro);
  });
});

test.describe('portrait tablet, new customer in Spanish', () => {
  test.use(tablet('portrait'));

  test('bad input in the customer’s language: an emoji name is refused, a mistyped VIN is taken with a warning; a phone on file with another name is a new customer flagged for the advisor', async ({
    page,
    openContext,
  }) => {
    const { api, printer } = await openShop();
    // Someone on file already has this phone; the customer at the door gives another last name.
    const onFile = await arrangeKioskCustomer(api);
    const lastName = `Otero${uniqueLetters(5)}`;
    const mistypedVin = hondaVin(false);
    const board = await openBoard(openContext);

    const counter = await countTaps(page);
    await openPairedKiosk(page, api, shop!.kiosk);
    const me = new KioskCustomer(page, counter);
    await me.atWelcome();
    await me.chooseLanguage('es');
    await me.walkIn();
    await me.phone(onFile.phone);
    await me.fact(lastName);

    // Not found with that last name: a new customer, whose name must be letters.
    const first = me.field('newCustomer.firstName');
    await me.on('new customer', first);
    await first.tap();
    await first.pressSequentially('😀');
    await me.continue();
    await expect(first).toHaveAccessibleDescription(me.text('error.name'));
    await expectKioskScreenAccessible(page, 'new customer, name refused');
    await first.fill('');
    await first.pressSequentially('Lucía');
    await expect(me.field('newCustomer.lastName')).toHaveValue(lastName);
    await me.continue();

    // The VIN typed with a wrong check digit: a warning, and on.
    await me.on('new vehicle', page.getByRole('heading', { name: me.text('newVehicle.heading') }));
    await me.toggle('newVehicle.typeVin').tap();
    const vin = me.field('newVehicle.vin');
    await expect(vin).toBeFocused();
    await vin.pressSequentially(mistypedVin);
    await expect(page.getByRole('status').filter({ hasText: me.text('newVehicle.vinCheck') })).toBeVisible();
    await expectKioskScreenAccessible(page, 'new vehicle, VIN to check');
    await me.continue();
    await me.concerns([label('tires', 'es')]);
    await me.odometer('');
    await me.waiting(false);
    await me.authorize(`Lucía ${lastName}`);
    const tag = await me.thankYou();
    me.recordFlow('new walk-in, bad input (es)', 'portrait', null, { deliberateMistakes: true });

    const ro = await keyTagPrinted(api, printer, tag);
    expect(ro.vehicle).toMatchObject({ vin: mistypedVin });
    expect(ro.customer.id).not.toBe(onFile.customerId);
    expect(ro.customer.name).toBe(`Lucía ${lastName}`);
    const mark = cardOf(board, ro).getByTestId('kiosk-mark');
    await expect(mark).toContainText('VIN check digit failed');
    await expect(mark).toContainText('Possible duplicate customer');
  });
});
