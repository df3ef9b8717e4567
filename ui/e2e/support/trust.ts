import { expect, type Locator, type Page } from '@playwright/test';

/** Shared steps of the trust specs: inspection findings, live subscriptions, the signature pad. */

/** One item's card on the inspection screen. */
export function finding(page: Page, itemKey: string): Locator {
  return page.locator(`[data-testid="finding"][data-item-key="${itemKey}"]`);
}

const RATING_OF = { OK: 'green', Soon: 'yellow', Now: 'red' } as const;

/**
 * Taps OK / Soon / Now on an item and waits for the card to show it, or for its section to close
 * (the last rating of a section folds it away, which only happens once the rating is saved).
 */
export async function rate(page: Page, itemKey: string, label: keyof typeof RATING_OF): Promise<void> {
  const card = finding(page, itemKey);
  await card.getByRole('button', { name: label, exact: true }).click();
  await expect(async () => {
    if ((await card.count()) === 0) return;
    expect(await card.getAttribute('data-rating')).toBe(RATING_OF[label]);
  }).toPass();
}

/** Resolves once the page's live connection confirmed its subscriptions (call before goto). */
export function liveSubscribed(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"subscribed"')) resolve();
      }),
    );
  });
}

/** Draws a zig-zag signature across the customer's signature pad with the mouse. */
export async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await pad.boundingBox())!;
  const strokes = 12;
  await page.mouse.move(box.x + 20, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= strokes; i++) {
    const x = box.x + 20 + i * ((box.width - 40) / strokes);
    await page.mouse.move(x, box.y + box.height * (i % 2 ? 0.3 : 0.7), { steps: 3 });
  }
  await page.mouse.up();
}
