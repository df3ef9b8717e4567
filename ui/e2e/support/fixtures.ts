import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';

/**
 * The e2e `test`: every browser context a test opens is watched, and any console error or
 * uncaught page error fails the test, unless the test declared it expected (`allowConsoleError`),
 * e.g. the refused requests while the test itself cuts the network.
 */
interface ConsoleWatch {
  errors: string[];
  allowed: RegExp[];
}

interface Fixtures {
  /** Opens another browser context (a second screen: the board, a bay TV, a phone), signed out by default. */
  openContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** Declares a console error this test causes on purpose (matched against the message). */
  allowConsoleError: (pattern: RegExp) => void;
  /**
   * Declares an HTTP error answer this test provokes on purpose (a 400 for a bad field, a 409):
   * Chromium logs every non-2xx fetch as a console error. `path` matches as a prefix.
   */
  allowHttpError: (status: number, path: string) => void;
  consoleWatch: ConsoleWatch;
}

export const test = base.extend<Fixtures>({
  // Set up before and torn down after every context, so it sees everything they logged.
  consoleWatch: async ({}, use) => {
    const watch: ConsoleWatch = { errors: [], allowed: [] };
    await use(watch);
    const unexpected = watch.errors.filter((e) => !watch.allowed.some((pattern) => pattern.test(e)));
    expect(unexpected, 'console errors in the browser').toEqual([]);
  },
  allowConsoleError: async ({ consoleWatch }, use) => {
    await use((pattern) => consoleWatch.allowed.push(pattern));
  },
  allowHttpError: async ({ consoleWatch }, use) => {
    await use((status, path) =>
      consoleWatch.allowed.push(
        new RegExp(
          // `path` is a prefix: '/api/jobs/' covers /api/jobs/<id>/status.
          `status of ${status} .*\\(https?://[^/]+${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^)]*\\)`,
        ),
      ),
    );
  },
  context: async ({ context, consoleWatch }, use) => {
    watchConsole(context, consoleWatch.errors);
    await use(context);
  },
  openContext: async ({ browser, consoleWatch }, use, testInfo) => {
    const opened: BrowserContext[] = [];
    await use(async (options) => {
      // Signed out unless the caller passes a storageState: Playwright would otherwise hand the
      // new context the test's own `test.use({ storageState })`.
      const context = await browser.newContext({
        baseURL: testInfo.project.use.baseURL,
        storageState: { cookies: [], origins: [] },
        ...options,
      });
      watchConsole(context, consoleWatch.errors);
      opened.push(context);
      return context;
    });
    for (const context of opened) await context.close();
  },
});

function watchConsole(context: BrowserContext, errors: string[]): void {
  context.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
}

/** axe-core on the page as it is now: no serious or critical accessibility violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
    );
  expect(serious, `accessibility violations on ${screen}`).toEqual([]);
}

export { expect };
