import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Which Chromium the e2e tests drive. In order: CHROMIUM_PATH (or CHROME_PATH), Debian's
 * /usr/bin/chromium, then Playwright's own download if one is installed. ASE never downloads a
 * browser itself.
 */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    playwrightsOwn(),
  ];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  throw new Error(
    [
      'No Chromium found for the e2e tests. Any one of these works:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium',
      '  - set CHROMIUM_PATH=/path/to/chrome-or-chromium',
      "  - Playwright's own browser: npx playwright install chromium (needs internet)",
    ].join('\n'),
  );
}

function playwrightsOwn(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Quiet, offline-friendly flags: without them Chromium phones home at start and logs refusals. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
