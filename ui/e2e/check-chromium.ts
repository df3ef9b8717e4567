import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';

/**
 * `npm test` runs this first: the e2e tier comes last, after ten minutes of other tiers, and a
 * missing or broken Chromium should not wait that long to be told. It finds the browser the e2e
 * tests will drive and starts it once, headless; on failure it says how to get one and exits 1.
 */
async function checkChromium(): Promise<void> {
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    fail((error as Error).message);
  }
  try {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
    const version = browser.version();
    await browser.close();
    process.stdout.write(`Chromium for the e2e tests: ${executablePath} (${version})\n`);
  } catch (error) {
    fail(
      [
        `Chromium at ${executablePath} does not start, so the e2e tests cannot run:`,
        `  ${(error as Error).message.split('\n')[0]}`,
        'Any one of these gives a usable one:',
        '  - Debian/Ubuntu: sudo apt-get install -y chromium',
        '  - set CHROMIUM_PATH=/path/to/chrome-or-chromium',
      ].join('\n'),
    );
  }
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

await checkChromium();
