import { existsSync, readFileSync } from 'node:fs';
import { parseSimArgs, SIM_USAGE, type SimArgs } from './args.js';
import { planDay, type ShopCar } from './day-plan.js';
import type { Log } from './device-client.js';
import { readPairings, PairingError, type DevicePairing } from './pairing.js';
import { downloadShopCa, pairWithServer, ServerError } from './server-pairing.js';
import { ShopFloor } from './shop-floor.js';
import { startVirtualPrinter, type VirtualPrinter } from './virtual-printer.js';

/**
 * `npm run simulate -- …` (see SIM_USAGE): a seeded shop day over the MQTT contract. Exit codes
 * follow sysexits: 64 bad usage, 65 a pairing string that is not one, 69 the server or broker
 * unreachable or refusing; 0 when the day ends or Ctrl-C / SIGTERM / --duration stops it cleanly.
 */
const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_UNAVAILABLE = 69;

async function credentials(args: SimArgs, log: Log): Promise<{ pairings: DevicePairing[]; cars: ShopCar[] }> {
  if (args.server !== null)
    return pairWithServer({
      server: args.server,
      email: args.email ?? '',
      password: args.password ?? '',
      bays: args.bays,
      dongles: args.dongles,
      displays: args.displays,
      printer:
        args.printerPort !== null ? { host: args.printerAdvertisedHost, port: args.printerPort } : null,
      folder: args.pairingsDir,
      log,
    });
  if (args.pairings.length > 0) return { pairings: args.pairings.flatMap(readPairings), cars: [] };
  if (existsSync(args.pairingsDir)) return { pairings: readPairings(args.pairingsDir), cars: [] };
  throw new PairingError(
    `no devices: give --pairing, or --server with the owner's --email and --password to pair them (${args.pairingsDir} holds none yet)`,
  );
}

/** The CA certificate --tls trusts (each device checks it against its pairing's fingerprint). */
async function shopCa(args: SimArgs): Promise<string> {
  if (args.ca === null) return downloadShopCa(args.server ?? '');
  if (!existsSync(args.ca)) throw new PairingError(`--ca ${args.ca}: no such file`);
  return readFileSync(args.ca, 'utf8');
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseSimArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${SIM_USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`simulate: ${parsed.message}\n\n${SIM_USAGE}\n`);
    return EX_USAGE;
  }
  const args = parsed.args;
  const start = args.start ?? new Date();
  let clock = () => start;
  const log: Log = (line) => process.stdout.write(`[${clock().toTimeString().slice(0, 5)}] ${line}\n`);

  const stop = new AbortController();
  const onSignal = (signal: string) => {
    if (stop.signal.aborted) process.exit(130); // a second Ctrl-C: leave now
    log(`${signal}: stopping cleanly (again to leave at once)`);
    stop.abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  const timer =
    args.durationSeconds !== null ? setTimeout(() => stop.abort(), args.durationSeconds * 1000) : null;

  let printer: VirtualPrinter | null = null;
  let floor: ShopFloor | null = null;
  try {
    const { pairings, cars } = await credentials(args, log);
    if (args.printerPort !== null)
      printer = await startVirtualPrinter({
        host: args.printerHost,
        port: args.printerPort,
        out: args.out,
        log,
      });
    const caPem = args.tls ? await shopCa(args) : undefined;
    floor = new ShopFloor({
      pairings,
      start,
      speed: args.speed,
      brokerUrl: args.broker ?? undefined,
      caPem,
      log,
    });
    const current = floor;
    clock = () => current.now();
    const bays = Math.min(args.bays, floor.sensors.length);
    const dongles = Math.min(args.dongles, floor.dongles.length);
    log(
      `seed ${args.seed}: ${bays} bay sensors, ${dongles} dongles, ${floor.displays.length} displays, ${args.hours} h at ${args.speed === 0 ? 'full speed' : `${args.speed}×`}`,
    );
    await floor.connect();
    const plan = planDay({
      seed: args.seed,
      bays,
      dongles,
      hours: args.hours,
      dtcRate: args.dtcRate,
      faultRate: args.faultRate,
      telemetryEveryMinutes: args.telemetryEveryMinutes,
      cars,
    });
    const finished = await floor.play(plan, stop.signal);
    log(finished ? 'the shop closes' : 'stopped before the day ended');
    const t = floor.totals;
    log(
      `sent ${t.occupancy} occupancy (+${t.duplicate} duplicates, ${t.outOfOrder} late, ${t.malformed} malformed), ${t.telemetry} telemetry, ${t.dtc} code scans`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PairingError) {
      process.stderr.write(`simulate: ${error.message}\n`);
      return EX_DATAERR;
    }
    if (error instanceof ServerError || /could not connect/.test((error as Error).message)) {
      process.stderr.write(`simulate: ${(error as Error).message}\n`);
      return EX_UNAVAILABLE;
    }
    throw error;
  } finally {
    if (timer !== null) clearTimeout(timer);
    await floor?.close();
    await printer?.close();
    if (printer !== null) log(`printer: ${printer.files.length / 2} labels written to ${args.out}`);
  }
}

process.exitCode = await main(process.argv.slice(2));
