import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest, UnknownMigrationError } from '../../src/db/migrate.js';
import { systemClock } from '../../src/lib/clock.js';
import { parseArgs, USAGE, type SeedArgs } from './args.js';
import { ProgressBar } from './progress.js';
import { seedShop, type SeedResult } from './seed.js';
import { backUp, removeDatabaseFiles, tablesWithData } from './target.js';

/**
 * `npm run seed -- --demo | --years <n>`. Exit codes follow sysexits: 64 bad usage, 65 a database
 * from a newer ASE, 73 the database already holds data (use --force), 78 bad configuration.
 */
const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_CANTCREAT = 73;
const EX_CONFIG = 78;

class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function dataDirFor(args: SeedArgs): string {
  if (args.dataDir !== null) return resolve(args.dataDir);
  try {
    return loadConfig().dataDir;
  } catch (error) {
    if (error instanceof ConfigError)
      throw new ExitError(`Cannot read the configuration. ${error.message}`, EX_CONFIG);
    throw error;
  }
}

/** Refuses a database in use unless --force, in which case it is backed up and replaced. */
async function prepareTarget(path: string, dataDir: string, args: SeedArgs): Promise<void> {
  const existing = openDatabase(path);
  try {
    const used = tablesWithData(existing);
    if (used.length === 0) return;
    if (!args.force) {
      throw new ExitError(
        `${path} already holds data (rows in ${used.join(', ')}). Seeding would mix a generated shop into it.\n` +
          'Use --force to back it up to the backups folder and replace it, or --data-dir to seed somewhere else.',
        EX_CANTCREAT,
      );
    }
    const copy = await backUp(existing, dataDir, new Date());
    process.stderr.write(`Existing database backed up to ${copy}; replacing it.\n`);
  } finally {
    await existing.close();
  }
  removeDatabaseFiles(path);
}

const count = (n: number) => n.toLocaleString('en-US');

/** The HTTP port the server will listen on, for the simulator command; the default when unreadable. */
function configuredPort(): number {
  try {
    return loadConfig().port;
  } catch {
    return 8080;
  }
}

/**
 * The demo's shop floor: the simulator pairs its devices through the running server's API (the
 * broker lives in the server), so seeding, which writes the database offline, prints the command
 * to run once `npm start` is up rather than starting it.
 */
function simulatorCommand(port: number): string {
  return [
    'Shop floor: with the server running (npm start), pair and run the simulated devices with',
    `  npm run simulate -- --server http://127.0.0.1:${port} --email owner@demo.shop --password demo-password-1 --printer-port 9100`,
  ].join('\n');
}

function report(path: string, result: SeedResult, args: SeedArgs): string {
  const c = result.counts;
  const size = statSync(path).size;
  const rows = [
    ['customers', c.customers],
    ['customer contacts', c.customer_contacts],
    ['vehicles', c.vehicles],
    ['vehicle ownerships', c.vehicle_ownerships],
    ['odometer readings', c.odometer_readings],
    ['repair orders', c.repair_orders],
    ['  open on the board', result.openRepairOrders],
    ['service jobs', c.service_jobs],
    ['line items', c.line_items],
    ['appointments', c.appointments],
    ['canned jobs', c.canned_jobs],
    ['inventory items', c.inventory_items],
    ['technicians', c.technicians],
    ['bays', c.bays],
    ['staff accounts', c.users],
  ] as const;
  return [
    `Seeded ${path}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(22)} ${count(value ?? 0).padStart(10)}`),
    `  repair order numbers   ${result.firstRepairOrder}-${result.lastRepairOrder}, history from ${result.historyStart}, board day ${result.boardDay}`,
    `  database file          ${(size / 1024 / 1024).toFixed(1)} MB`,
    `  took                   ${(result.elapsedMs / 1000).toFixed(1)} s`,
    'Sign in as owner@demo.shop / demo-password-1 (advisor@demo.shop too); technicians use PIN 1234.',
    ...(args.profile.kind === 'demo' ? [simulatorCommand(configuredPort())] : []),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`seed: ${parsed.message}\n\n${USAGE}\n`);
    return EX_USAGE;
  }
  const args = parsed.args;
  try {
    const dataDir = dataDirFor(args);
    const path = join(dataDir, 'ase.db');
    await prepareTarget(path, dataDir, args);
    const database = openDatabase(path);
    try {
      await migrateToLatest(database, { backupDir: join(dataDir, 'backups'), clock: systemClock });
      const bar = new ProgressBar();
      const result = await seedShop(database, {
        profile: args.profile,
        seed: args.seed,
        now: args.now ?? new Date(),
        onProgress: (fraction, label) => bar.update(fraction, label),
      });
      process.stdout.write(`${report(path, result, args)}\n`);
    } finally {
      await database.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof ExitError) {
      process.stderr.write(`seed: ${error.message}\n`);
      return error.code;
    }
    if (error instanceof UnknownMigrationError) {
      process.stderr.write(`seed: ${error.message}\n`);
      return EX_DATAERR;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
