import type { SeedProfile } from './seed.js';

export interface SeedArgs {
  profile: SeedProfile;
  dataDir: string | null;
  force: boolean;
  seed: number;
  now: Date | null;
}

export type ParsedArgs =
  { kind: 'help' } | { kind: 'run'; args: SeedArgs } | { kind: 'error'; message: string };

export const USAGE = `Usage: npm run seed -- (--demo | --years <n>) [options]

Fills an empty ASE database with a generated shop.

  --demo              a small shop: 6 bays, 5 technicians, canned jobs, four weeks of
                      history (about 300 repair orders), today's board and appointments
  --years <n>         a busy shop over n years (1-30): about 5,000 repair orders a year;
                      --years 10 gives about 50k repair orders, 20k customers, 25k vehicles
  --data-dir <dir>    where ase.db lives (default: the configured dataDir)
  --force             seed even when the database already holds data: the old database is
                      copied to <data-dir>/backups first, then replaced
  --seed <n>          random seed (default 42): the same seed and --now give the same shop
  --now <iso time>    the moment the shop is seeded "as of" (default: now)
  --help              this text

Sign in afterwards as owner@demo.shop / demo-password-1 (advisor@demo.shop too);
technicians sign in with PIN 1234.`;

function takeValue(argv: string[], i: number, flag: string): string | { error: string } {
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) return { error: `${flag} needs a value` };
  return value;
}

/** Parses the command line; any unknown or malformed flag is an error, never ignored. */
export function parseArgs(argv: string[]): ParsedArgs {
  let profile: SeedProfile | null = null;
  let dataDir: string | null = null;
  let force = false;
  let seed = 42;
  let now: Date | null = null;
  const expanded = argv.flatMap((arg) =>
    arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg],
  );
  for (let i = 0; i < expanded.length; i++) {
    const arg = expanded[i]!;
    const needsValue = ['--years', '--data-dir', '--seed', '--now'].includes(arg);
    const value = needsValue ? takeValue(expanded, i, arg) : '';
    if (typeof value !== 'string') return { kind: 'error', message: value.error };
    if (needsValue) i++;
    switch (arg) {
      case '--help':
      case '-h':
        return { kind: 'help' };
      case '--demo':
        if (profile !== null) return { kind: 'error', message: 'give either --demo or --years, once' };
        profile = { kind: 'demo' };
        break;
      case '--years': {
        if (profile !== null) return { kind: 'error', message: 'give either --demo or --years, once' };
        const years = Number(value);
        if (!Number.isInteger(years) || years < 1 || years > 30)
          return { kind: 'error', message: `--years must be a whole number from 1 to 30, got "${value}"` };
        profile = { kind: 'years', years };
        break;
      }
      case '--data-dir':
        dataDir = value;
        break;
      case '--force':
        force = true;
        break;
      case '--seed':
        seed = Number(value);
        if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
          return {
            kind: 'error',
            message: `--seed must be a whole number from 0 to 4294967295, got "${value}"`,
          };
        break;
      case '--now':
        now = new Date(value);
        if (Number.isNaN(now.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value))
          return {
            kind: 'error',
            message: `--now must be an ISO date-time such as 2026-03-02T15:00:00Z, got "${value}"`,
          };
        break;
      default:
        return { kind: 'error', message: `unknown argument "${arg}"` };
    }
  }
  if (profile === null) return { kind: 'error', message: 'say what to generate: --demo or --years <n>' };
  return { kind: 'run', args: { profile, dataDir, force, seed, now } };
}
