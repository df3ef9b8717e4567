import type { Locator, Page } from '@playwright/test';
import { t, type KioskTextKey } from '../../src/lib/kiosk/i18n';
import type { KioskLanguage } from '$contracts/kiosk';
import {
  expect,
  expectKioskScreenAccessible,
  recordKioskFlow,
  type TabletSize,
  type TapCounter,
} from './kiosk';

/**
 * A customer at the kiosk, as a script: every step finds its screen by the words the customer
 * reads (the kiosk's own dictionary, in the customer's language), taps with a finger (touch
 * events), types where a keyboard is up, draws the signature with touch strokes, and runs axe on
 * every screen it passes.
 */
export class KioskCustomer {
  language: KioskLanguage = 'en';
  private welcomeAt = 0;
  /** Welcome → the "Thank you" heading, once there. */
  private welcomeToThankYouMs = 0;
  /** Where the deliberate second tap of a double tap lands in the tally, until it is taken out. */
  private deliberateTapAt: number | null = null;
  /** Milliseconds spent in axe checks since the welcome screen. */
  private checking = 0;

  constructor(
    readonly page: Page,
    readonly counter: TapCounter,
  ) {}

  text(key: KioskTextKey, values?: Record<string, string | number>): string {
    return t(this.language, key, values);
  }

  button(key: KioskTextKey): Locator {
    return this.page.getByRole('button', { name: this.text(key), exact: true });
  }

  /**
   * A toggle (the contact channel): its name may carry a mark in front while pressed ("✓ Email"),
   * so it is matched as the whole label after any non-letter prefix.
   */
  toggle(key: KioskTextKey): Locator {
    const label = this.text(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('button', { name: new RegExp(`^[^\\p{L}]*${label}$`, 'u') });
  }

  field(key: KioskTextKey): Locator {
    return this.page.getByLabel(this.text(key), { exact: true });
  }

  /** Waits for a screen (by its heading or a control on it) and checks it with axe. */
  async on(screen: string, landmark: Locator, options: { bothSizes?: boolean } = {}): Promise<void> {
    await expect(landmark).toBeVisible();
    // The customer does not wait for axe: its time is taken off the flow's clock.
    const axeStarted = Date.now();
    await expectKioskScreenAccessible(this.page, screen, options);
    this.checking += Date.now() - axeStarted;
  }

  /** The welcome screen, waiting for the next customer: the clock of the flow starts here. */
  async atWelcome(): Promise<void> {
    this.language = 'en';
    await this.on('welcome', this.button('welcome.walkIn'));
    this.counter.reset();
    this.welcomeAt = Date.now();
    this.checking = 0;
  }

  /** Milliseconds from the welcome screen to now, without the test's own axe checks. */
  elapsed(): number {
    return Date.now() - this.welcomeAt - this.checking;
  }

  async chooseLanguage(language: KioskLanguage): Promise<void> {
    if (language === this.language) return;
    await this.page.getByRole('button', { name: t(language, `language.${language}`), exact: true }).tap();
    this.language = language;
    await this.on('welcome', this.button('welcome.walkIn'));
  }

  async haveAnAppointment(): Promise<void> {
    await this.button('welcome.appointment').tap();
  }

  async walkIn(): Promise<void> {
    await this.button('welcome.walkIn').tap();
  }

  /** Types the phone number on the kiosk's keypad (digit keys) or, without one, in the field, then goes on. */
  async phone(number: string): Promise<void> {
    const field = this.field('phone.label');
    await this.on('phone', field);
    const firstKey = this.page.getByRole('button', { name: '1', exact: true });
    if (await firstKey.isVisible()) {
      for (const digit of number.replace(/\D/g, ''))
        await this.page.getByRole('button', { name: digit, exact: true }).tap();
    } else {
      await field.tap();
      await field.pressSequentially(number);
    }
    await this.continueWithEnterOr(field);
  }

  /** The second fact: last name or plate. */
  async fact(value: string): Promise<void> {
    const field = this.field('fact.label');
    await this.on('fact', field);
    await field.tap();
    await field.pressSequentially(value);
    await this.continueWithEnterOr(field);
  }

  /** The matches, masked; returns the list's text for the privacy assertions. */
  async matches(): Promise<Locator> {
    const list = this.page.getByRole('main');
    await this.on('matches', this.page.getByRole('heading', { name: this.text('matches.heading') }));
    return list;
  }

  async thisIsMe(index = 0): Promise<void> {
    await this.button('matches.yes').nth(index).tap();
  }

  async noMatch(): Promise<void> {
    await this.on('no match', this.page.getByRole('heading', { name: this.text('noMatch.heading') }), {
      bothSizes: true,
    });
  }

  async newCustomer(firstName: string, lastName: string, email?: string): Promise<void> {
    const first = this.field('newCustomer.firstName');
    await this.on('new customer', first);
    await first.tap();
    await first.pressSequentially(firstName);
    const last = this.field('newCustomer.lastName');
    // The last name may already be in place from the lookup (a walk-in typed it as the second fact).
    if ((await last.inputValue()) !== lastName) {
      await last.tap();
      await last.fill('');
      await last.pressSequentially(lastName);
    }
    if (email) {
      const mail = this.field('newCustomer.email');
      await mail.tap();
      await mail.pressSequentially(email);
    }
    await this.continue();
  }

  /** One of the customer's cars on file ("Which car is it?"), by its masked text. */
  async pickVehicle(masked: string | RegExp): Promise<void> {
    await this.on('vehicle', this.page.getByRole('heading', { name: this.text('vehicle.heading') }));
    await this.page.getByRole('button', { name: masked }).tap();
  }

  /**
   * The VIN scanned with the tablet's camera: the camera plays the barcode, the kiosk decodes it
   * (in a moment: the scanning view is gone before it could be checked) and fills the field.
   */
  async scanVin(expectedVin: string): Promise<void> {
    await this.on('new vehicle', this.page.getByRole('heading', { name: this.text('newVehicle.heading') }), {
      bothSizes: true,
    });
    await this.toggle('newVehicle.scanVin').tap();
    await expect(this.field('newVehicle.vin')).toHaveValue(expectedVin, { timeout: 20_000 });
    await expectKioskScreenAccessible(this.page, 'new vehicle, VIN scanned');
  }

  async newVehicleByPlate(plate: string, state: string): Promise<void> {
    const field = this.field('newVehicle.plate');
    await this.on('new vehicle', field);
    await field.tap();
    await field.pressSequentially(plate);
    const stateField = this.field('newVehicle.state');
    await stateField.tap();
    await stateField.pressSequentially(state);
    await this.continue();
  }

  /** Concerns: the big buttons (by their label in the customer's language), plus free text. */
  async concerns(labels: string[], other?: string): Promise<void> {
    await this.on('concerns', this.page.getByRole('heading', { name: this.text('concerns.heading') }));
    for (const label of labels) await this.page.getByRole('button', { name: label, exact: true }).tap();
    if (other !== undefined) {
      await this.button('concerns.somethingElse').tap();
      const field = this.field('concerns.otherLabel');
      await field.tap();
      await field.pressSequentially(other);
    }
    await this.continue();
  }

  async odometer(miles: string): Promise<void> {
    const field = this.field('odometer.label');
    await this.on('odometer', field);
    if (miles !== '') {
      await field.tap();
      await field.pressSequentially(miles);
      await field.press('Enter');
    } else await this.continue();
  }

  /** Waiting or leaving (the contact preference stays as preselected unless `contact` is given). */
  async waiting(wait: boolean, contact?: 'contact.sms' | 'contact.email' | 'contact.phone'): Promise<void> {
    await this.on('waiting', this.button('waiting.wait'));
    if (contact) {
      await this.toggle(contact).tap();
      await expect(this.toggle(contact)).toHaveAttribute('aria-pressed', 'true');
    }
    await this.button(wait ? 'waiting.wait' : 'waiting.leave').tap();
  }

  /** The authorization: reads it, types the name (unless already there), signs, "Check in". */
  async authorize(name: string, options: { doubleTap?: boolean } = {}): Promise<void> {
    const field = this.field('authorize.name');
    await this.on('authorize', field);
    if ((await field.inputValue()) !== name) {
      await field.tap();
      await field.fill('');
      await field.pressSequentially(name);
    }
    await this.sign();
    const checkIn = this.button('action.checkIn');
    if (!options.doubleTap) return checkIn.tap();
    // An impatient double tap. As two clicks: two quick touch taps are one double-tap gesture in
    // headless Chromium's touch emulation, which then clicks nothing at all.
    this.deliberateTapAt = this.counter.tally.taps.length + 1;
    await checkIn.dblclick();
  }

  /**
   * A signature: two strokes across the pad with the pointer (the pad takes touch, pen and mouse
   * alike). Not finger strokes: after a touch drag sent through CDP, headless Chromium's gesture
   * detector produces no click for the next tap (the "Check in" tap got touchstart/pointerup and no
   * click), which a real finger does not do.
   */
  async sign(): Promise<void> {
    const box = await this.page.getByRole('img', { name: this.text('authorize.signature') }).boundingBox();
    if (!box) throw new Error('the signature pad is not on the screen');
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
    const stroke = async (points: (readonly [number, number])[]) => {
      const mouse = this.page.mouse;
      await mouse.move(...points[0]!);
      await mouse.down();
      for (const point of points.slice(1)) await mouse.move(...point, { steps: 2 });
      await mouse.up();
    };
    const wave: (readonly [number, number])[] = [];
    for (let i = 0; i <= 24; i += 1) wave.push(at(0.1 + (0.8 * i) / 24, 0.5 + 0.3 * Math.sin(i / 2)));
    await stroke(wave);
    await stroke([at(0.2, 0.2), at(0.35, 0.8), at(0.5, 0.3), at(0.65, 0.75)]);
  }

  /** "Thank you … your tag number is N": returns N. */
  async thankYou(): Promise<number> {
    // "Thank you" / "¡Gracias": the words before the first "!" or ",".
    const thanks = this.text('thanks.headingNoName').split(/[!,]/)[0]!;
    const heading = this.page.getByRole('heading', { name: thanks });
    await expect(heading).toBeVisible();
    this.welcomeToThankYouMs = this.elapsed();
    if (this.deliberateTapAt !== null) {
      // The double tap's second tap (reported by now) was the test's on purpose, not the kiosk's ask.
      this.counter.tally.taps.splice(this.deliberateTapAt, 1);
      this.deliberateTapAt = null;
    }
    await expectKioskScreenAccessible(this.page, 'thank you');
    const text = (await heading.textContent()) ?? '';
    const tag = /(\d+)\D*$/.exec(text)?.[1];
    if (!tag) throw new Error(`no tag number in "${text}"`);
    return Number(tag);
  }

  /**
   * Records the flow (its taps, keystrokes and welcome → thank-you time, in
   * test-results/kiosk-measurements.json) and holds it to its tap budget, when it has one.
   */
  recordFlow(
    flow: string,
    size: TabletSize,
    budget: number | null,
    options: { deliberateMistakes?: boolean } = {},
  ): void {
    const { counter } = this;
    recordKioskFlow({
      flow,
      size,
      language: this.language,
      counted: counter.counted(),
      budget,
      ...counter.tally,
      welcomeToThankYouMs: this.welcomeToThankYouMs,
      deliberateMistakes: options.deliberateMistakes ?? false,
    });
    if (budget !== null)
      expect(
        counter.counted(),
        `taps: ${counter.tally.taps.join(', ')}; keys: ${counter.tally.keys.join(', ')}`,
      ).toBeLessThanOrEqual(budget);
  }

  async continue(): Promise<void> {
    await this.button('action.continue').tap();
  }

  /** Enter where the keyboard is up (the kiosk continues on it); else the Continue button. */
  private async continueWithEnterOr(field: Locator): Promise<void> {
    if (await field.evaluate((el) => el === document.activeElement)) await field.press('Enter');
    else await this.continue();
  }
}
