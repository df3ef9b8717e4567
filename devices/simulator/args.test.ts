import { describe, expect, it } from 'vitest';
import { parseSimArgs } from './args.js';

function run(argv: string[]) {
  const parsed = parseSimArgs(argv);
  if (parsed.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(parsed)}`);
  return parsed.args;
}

function error(argv: string[]): string {
  const parsed = parseSimArgs(argv);
  if (parsed.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('npm run simulate arguments', () => {
  it('has the six-bay day at a minute a second by default', () => {
    expect(run([])).toMatchObject({
      seed: 1,
      bays: 6,
      dongles: 2,
      displays: 1,
      speed: 60,
      hours: 10,
      faultRate: 0,
    });
  });

  it('reads every option, with = or a space', () => {
    const args = run([
      '--seed=42',
      '--bays',
      '3',
      '--dongles',
      '4',
      '--speed',
      '0',
      '--duration',
      '2m',
      '--faults',
      '--dtc-rate',
      '0.5',
      '--printer-port',
      '9100',
      '--server',
      'http://127.0.0.1:4381',
      '--email',
      'owner@demo.shop',
      '--password',
      '--starts-with-dashes',
      '--start',
      '2026-12-07T07:30:00Z',
      '--pairings-dir',
      '/tmp/p',
      '--broker',
      'mqtt://127.0.0.1:1883',
    ]);
    expect(args).toMatchObject({
      seed: 42,
      bays: 3,
      dongles: 4,
      speed: 0,
      durationSeconds: 120,
      faultRate: 0.1,
      dtcRate: 0.5,
      printerPort: 9100,
      server: 'http://127.0.0.1:4381',
      email: 'owner@demo.shop',
      password: '--starts-with-dashes',
      pairingsDir: '/tmp/p',
      broker: 'mqtt://127.0.0.1:1883',
    });
    expect(args.start?.toISOString()).toBe('2026-12-07T07:30:00.000Z');
    expect(run(['--pairing', 'a.json', '--pairing', '{"v":1}']).pairings).toEqual(['a.json', '{"v":1}']);
  });

  it('refuses what it does not understand, naming the option', () => {
    expect(error(['--bay', '3'])).toBe('unknown argument "--bay"');
    expect(error(['--bays'])).toBe('--bays needs a value');
    expect(error(['--bays', 'six'])).toBe('--bays must be a whole number from 0 to 64, got "six"');
    expect(error(['--dtc-rate', '2'])).toBe('--dtc-rate must be a number from 0 to 1, got "2"');
    expect(error(['--duration', '10 minutes'])).toMatch(/^--duration must be like 90s/);
    expect(error(['--start', 'tomorrow'])).toMatch(/^--start must be an ISO date-time/);
    expect(error(['--broker', 'localhost:1883'])).toMatch(/^--broker must look like mqtt:\/\/host:port/);
    expect(error(['--server', 'http://x'])).toMatch(/needs --email and --password/);
    expect(error(['--server', 'http://x', '--email', 'a@b', '--password', 'p', '--pairing', 'f'])).toMatch(
      /either --server or --pairing/,
    );
    expect(parseSimArgs(['--help']).kind).toBe('help');
  });
});
