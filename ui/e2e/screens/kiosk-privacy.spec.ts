import { request, type Page } from '@playwright/test';
import {
  KIOSK_TOKEN_KEY,
  addKioskDevice,
  arrangeKioskCustomer,
  countTaps,
  expect,
  openPairedKiosk,
  setKioskIdleSeconds,
  tablet,
  test,
  uniqueLetters,
  uniquePhone,
} from '../support/kiosk';
import { KioskCustomer } from '../support/kiosk-customer';
import { ownerApi } from '../support/owner';
import { E2E_BASE_URL } from '../support/server';

/**
 * What the kiosk never gives away: a lookup shows nothing without both the phone and the second
 * fact (and an unknown phone looks exactly like a known one with the wrong fact), lookups are
 * rate-limited per kiosk, and what a customer typed is wiped when they walk away and is never kept
 * in the browser.
 */
test.describe.configure({ timeout: 120_000 });
test.use(tablet('portrait'));

const LOOKUPS_PER_WINDOW = 10;

async function kioskToken(page: Page): Promise<string> {
  const token = await page.evaluate((key) => localStorage.getItem(key), KIOSK_TOKEN_KEY);
  if (!token) throw new Error('the kiosk holds no token');
  return token;
}

/**
 * Everything the browser keeps for the origin: the kiosk's own token, and SvelteKit's scroll
 * positions, nothing else, and nothing the customer typed anywhere in it.
 */
async function expectNothingKept(page: Page, typed: string[]): Promise<void> {
  const kept = await page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    values: [...Object.values(localStorage), ...Object.values(sessionStorage)].join(' '),
    history: history.length,
    autocomplete: Array.from(document.querySelectorAll('input, textarea'))
      .filter((el) => el.getAttribute('autocomplete') !== 'off')
      .map((el): string => el.getAttribute('aria-label') ?? el.id),
  }));
  expect(kept.local).toEqual([KIOSK_TOKEN_KEY]);
  expect(kept.session.filter((key) => !/^sveltekit:(scroll|snapshot)$/.test(key))).toEqual([]);
  for (const text of typed) expect(kept.values).not.toContain(text);
  // No step is a page in the browser's history (the pairing link was the only navigation).
  expect(kept.history).toBeLessThanOrEqual(2);
  expect(kept.autocomplete, 'inputs without autocomplete="off"').toEqual([]);
}

test('privacy: no existence leak without the second fact, masked names only, the lookup rate limit', async ({
  page,
  allowHttpError,
}) => {
  allowHttpError(429, '/api/kiosk/lookup'); // the limit, on purpose
  const api = await ownerApi();
  // A kiosk of its own: the rate limit counts per kiosk, and this test spends it.
  const kiosk = await addKioskDevice(api, `Privacy kiosk ${uniqueLetters(4)}`);
  const known = await arrangeKioskCustomer(api, { appointment: { concerns: ['Oil change'] } });
  const unknownPhone = uniquePhone().replace(/^512/, '737');
  const wrongFact = `Nobody${uniqueLetters(4)}`;

  const counter = await countTaps(page);
  await openPairedKiosk(page, api, kiosk);
  const me = new KioskCustomer(page, counter);
  let lookups = 0;

  /** What the screen says after a lookup with the wrong fact, the phone number itself blanked. */
  const answerTo = async (path: 'appointment' | 'walk-in', phone: string): Promise<string> => {
    await page.goto('/kiosk');
    await me.atWelcome();
    await (path === 'appointment' ? me.haveAnAppointment() : me.walkIn());
    await me.phone(phone);
    await me.fact(wrongFact);
    lookups += 1;
    // The appointment path: "We could not find your appointment"; the walk-in: "tell us about you".
    if (path === 'appointment') await me.noMatch();
    else await expect(me.field('newCustomer.firstName')).toBeVisible();
    return (await page.getByRole('main').innerText()).replace(/\(\d{3}\) \d{3}-\d{4}/, 'PHONE');
  };
  // A known phone with the wrong last name reads exactly as an unknown phone, on both paths.
  for (const path of ['appointment', 'walk-in'] as const) {
    const knownPhone = await answerTo(path, known.phone);
    expect(knownPhone).toBe(await answerTo(path, unknownPhone));
    expect(knownPhone).not.toContain(known.lastName);
  }
  await expectNothingKept(page, [known.phone.slice(-4), unknownPhone.slice(-4), wrongFact]);

  // The API answers the same bytes for both; with the right fact the match is masked.
  const token = await kioskToken(page);
  const asKiosk = await request.newContext({
    baseURL: E2E_BASE_URL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const lookup = (phone: string, fact: string) =>
    asKiosk.post('/api/kiosk/lookup', { data: { phone, fact } });
  const knownWrong = await lookup(known.phone, wrongFact);
  const unknown = await lookup(
    `(${unknownPhone.slice(0, 3)}) ${unknownPhone.slice(3, 6)}-${unknownPhone.slice(6)}`,
    wrongFact,
  );
  lookups += 2;
  expect(knownWrong.status()).toBe(200);
  expect(await knownWrong.text()).toBe(await unknown.text());
  expect(await knownWrong.json()).toEqual({ matches: [] });
  const right = await lookup(known.phone, known.lastName.toUpperCase());
  lookups += 1;
  const body = await right.text();
  expect(JSON.parse(body).matches).toHaveLength(1);
  expect(body).not.toContain(known.lastName);
  expect(body).not.toContain(known.plate);
  expect(body).not.toContain('Civic');

  // The limit: 10 lookups per kiosk per window, then 429 with when to try again.
  let refused = null;
  for (let i = lookups; i <= LOOKUPS_PER_WINDOW && refused === null; i += 1) {
    const answer = await lookup(known.phone, wrongFact);
    if (answer.status() === 429) refused = answer;
    else lookups += 1;
  }
  expect(lookups).toBe(LOOKUPS_PER_WINDOW);
  refused ??= await lookup(known.phone, wrongFact);
  expect(refused.status()).toBe(429);
  expect((await refused.json()).type).toMatch(/kiosk-lookup-limit$/);
  await asKiosk.dispose();

  // The kiosk says so in the customer's words.
  await page.goto('/kiosk');
  await me.atWelcome();
  await me.haveAnAppointment();
  await me.phone(known.phone);
  await me.fact(known.lastName);
  await expect(page.getByText(me.text('error.rateLimited'))).toBeVisible();
});

test('idle: "Still there?" after the idle time, then everything typed is wiped and the welcome screen returns', async ({
  page,
}) => {
  const api = await ownerApi();
  const kiosk = await addKioskDevice(api, `Idle kiosk ${uniqueLetters(4)}`);
  const idleSeconds = 20;
  const before = await setKioskIdleSeconds(api, idleSeconds);
  try {
    // The page's clock is the test's: 20 s of idleness pass in a moment, without flaky waits.
    await page.clock.install();
    const counter = await countTaps(page);
    await openPairedKiosk(page, api, kiosk);
    const me = new KioskCustomer(page, counter);
    await me.atWelcome();
    await me.walkIn();
    const phone = uniquePhone();
    await me.phone(phone);
    const lastName = `Idle${uniqueLetters(5)}`;
    await me.fact(lastName);
    const first = me.field('newCustomer.firstName');
    await first.tap();
    await first.pressSequentially('Maribel');

    // Idle: the prompt, and "Still here" keeps everything.
    await page.clock.runFor(idleSeconds * 1000 + 1000);
    const prompt = page.getByRole('heading', { name: me.text('idle.heading') });
    await me.on('still there', prompt, { bothSizes: true });
    await me.button('idle.stillHere').tap();
    await expect(prompt).toBeHidden();
    await expect(first).toHaveValue('Maribel');

    // Idle again, and nobody answers: wiped, back to welcome.
    await page.clock.runFor(idleSeconds * 1000 + 1000);
    await expect(prompt).toBeVisible();
    await page.clock.runFor(20_000 + 1000);
    await expect(me.button('welcome.walkIn')).toBeVisible();
    await expect(prompt).toBeHidden();
    const html = await page.content();
    expect(html).not.toContain('Maribel');
    expect(html).not.toContain(lastName);
    expect(html).not.toContain(phone.slice(-4));
    await expectNothingKept(page, ['Maribel', lastName, phone.slice(-4)]);

    // The next customer starts from nothing.
    await me.walkIn();
    await expect(me.field('phone.label')).toHaveValue('');
  } finally {
    await setKioskIdleSeconds(api, before);
  }
});
