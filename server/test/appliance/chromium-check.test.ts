import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * `npm test` starts with ui/e2e/check-chromium.ts so that a missing or broken browser is reported
 * in the first seconds, with how to get one, instead of after the other tiers.
 */
const ROOT = new URL('../../../', import.meta.url).pathname;

function check(env: Record<string, string>) {
  return spawnSync(`${ROOT}node_modules/.bin/tsx`, ['ui/e2e/check-chromium.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the Chromium check at the start of npm test', () => {
  it('refuses a browser that does not start, saying how to get one', () => {
    const result = check({ CHROMIUM_PATH: '/bin/false' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Chromium at /bin/false does not start');
    expect(result.stderr).toContain('sudo apt-get install -y chromium');
  });

  it('passes with the Chromium the e2e tests use', () => {
    const result = check({});
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Chromium for the e2e tests: \S+ \(\d+\.[\d.]+\)\n$/);
  });
});
