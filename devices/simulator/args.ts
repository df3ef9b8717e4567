/** The command line of `npm run simulate`; any unknown or malformed option is an error, never ignored. */
export interface SimArgs {
  pairings: string[];
  server: string | null;
  email: string | null;
  password: string | null;
  pairingsDir: string;
  broker: string | null;
  /** MQTT over TLS, pinning the shop's CA; `ca` is its certificate file (else downloaded from --server). */
  tls: boolean;
  ca: string | null;
  seed: number;
  bays: number;
  dongles: number;
  displays: number;
  hours: number;
  speed: number;
  /** Real seconds to run before stopping cleanly; null = until the day ends. */
  durationSeconds: number | null;
  start: Date | null;
  dtcRate: number;
  faultRate: number;
  telemetryEveryMinutes: number;
  printerPort: number | null;
  printerHost: string;
  /** The address ASE should print to (what it is told in PUT /api/printers). */
  printerAdvertisedHost: string;
  out: string;
}

export type ParsedSimArgs =
  { kind: 'help' } | { kind: 'run'; args: SimArgs } | { kind: 'error'; message: string };

export const SIM_USAGE = `Usage: npm run simulate -- [options]

Runs a seeded day in a shop: bay sensors seeing cars in and out, OBD dongles sending readings and
trouble codes, a bay display, and a virtual ESC/POS printer, all over the documented MQTT contract.

Credentials (one of):
  --pairing <json|file|dir>  a device's pairing string (the QR code's JSON), a file holding one,
                             or a folder of them; repeat for more devices
  --server <url> --email <owner email> --password <password>
                             sign in to ASE as the owner and pair the devices (or reuse the ones
                             paired before, kept in --pairings-dir)
  (neither)                  reuse the pairing strings in --pairings-dir
  --pairings-dir <dir>       where paired devices' strings are kept (default data/simulator/pairings)
  --broker <mqtt://host:port> connect here instead of the address in the pairing strings
  --tls                      MQTT over TLS to the pairing's TLS port, trusting only the shop's CA
                             (its SHA-256 must be the pairing's caSha256)
  --ca <file>                the shop's CA certificate (PEM) for --tls; with --server it is
                             downloaded from ASE (GET /api/tls/ca.crt) when not given

The day:
  --seed <n>                 the same seed gives the same day, message for message (default 1)
  --bays <n>                 bays with a sensor (default 6)
  --dongles <n>              OBD dongles (default 2)
  --displays <n>             bay displays, one per bay from the first (default 1)
  --hours <n>                simulated opening hours (default 10)
  --speed <n>                simulated seconds per real second (default 60: a minute a second;
                             0 = as fast as the broker acknowledges)
  --duration <n>[s|m|h]      stop cleanly after this much real time (default: when the day ends)
  --start <iso time>         the simulated opening time, stamped on the messages (default: now)
  --dtc-rate <0-1>           chance a car a dongle is plugged into has trouble codes (default 0.3)
  --faults                   sensor faults at a rate of 0.1: duplicates, late and malformed reports
  --fault-rate <0-1>         the same, at the rate given
  --telemetry-every <min>    simulated minutes between a dongle's readings (default 5)

The printer:
  --printer-port <port>      run a virtual ESC/POS printer on this TCP port (e.g. 9100)
  --printer-host <address>   the address it listens on (default 0.0.0.0)
  --printer-address <host>   the address ASE is told to print to (default 127.0.0.1)
  --out <dir>                where it writes each label as PNG and text (default data/simulator/labels)

  --help                     this text

Stops cleanly on Ctrl-C (SIGINT) or SIGTERM: every device says offline and disconnects.`;

type NumberKey =
  | 'seed'
  | 'bays'
  | 'dongles'
  | 'displays'
  | 'hours'
  | 'speed'
  | 'dtcRate'
  | 'faultRate'
  | 'telemetryEveryMinutes'
  | 'printerPort';
const NUMBER_FLAGS: Record<string, { key: NumberKey; min: number; max: number; integer: boolean }> = {
  '--seed': { key: 'seed', min: 0, max: 0xffffffff, integer: true },
  '--bays': { key: 'bays', min: 0, max: 64, integer: true },
  '--dongles': { key: 'dongles', min: 0, max: 200, integer: true },
  '--displays': { key: 'displays', min: 0, max: 64, integer: true },
  '--hours': { key: 'hours', min: 0.1, max: 24, integer: false },
  '--speed': { key: 'speed', min: 0, max: 100_000, integer: false },
  '--dtc-rate': { key: 'dtcRate', min: 0, max: 1, integer: false },
  '--fault-rate': { key: 'faultRate', min: 0, max: 1, integer: false },
  '--telemetry-every': { key: 'telemetryEveryMinutes', min: 1, max: 600, integer: true },
  '--printer-port': { key: 'printerPort', min: 1, max: 65535, integer: true },
};
const TEXT_FLAGS = [
  '--pairing',
  '--server',
  '--email',
  '--password',
  '--pairings-dir',
  '--broker',
  '--ca',
  '--duration',
  '--start',
  '--printer-host',
  '--printer-address',
  '--out',
];

function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text);
  if (match === null) return null;
  const unit = { s: 1, m: 60, h: 3600 }[(match[2] ?? 's') as 's' | 'm' | 'h'];
  const seconds = Number(match[1]) * unit;
  return seconds > 0 ? seconds : null;
}

export function parseSimArgs(argv: string[]): ParsedSimArgs {
  const args: SimArgs = {
    pairings: [],
    server: null,
    email: null,
    password: null,
    pairingsDir: 'data/simulator/pairings',
    broker: null,
    tls: false,
    ca: null,
    seed: 1,
    bays: 6,
    dongles: 2,
    displays: 1,
    hours: 10,
    speed: 60,
    durationSeconds: null,
    start: null,
    dtcRate: 0.3,
    faultRate: 0,
    telemetryEveryMinutes: 5,
    printerPort: null,
    printerHost: '0.0.0.0',
    printerAdvertisedHost: '127.0.0.1',
    out: 'data/simulator/labels',
  };
  const error = (message: string): ParsedSimArgs => ({ kind: 'error', message });
  const expanded = argv.flatMap((arg) =>
    arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg],
  );
  for (let i = 0; i < expanded.length; i++) {
    const flag = expanded[i]!;
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    if (flag === '--tls') {
      args.tls = true;
      continue;
    }
    if (flag === '--faults') {
      args.faultRate = 0.1;
      continue;
    }
    const range = NUMBER_FLAGS[flag];
    if (range === undefined && !TEXT_FLAGS.includes(flag)) return error(`unknown argument "${flag}"`);
    const value = expanded[i + 1];
    if (value === undefined || (value.startsWith('--') && flag !== '--password'))
      return error(`${flag} needs a value`);
    i++;
    if (range !== undefined) {
      const n = Number(value);
      if (!Number.isFinite(n) || n < range.min || n > range.max || (range.integer && !Number.isInteger(n)))
        return error(
          `${flag} must be ${range.integer ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}, got "${value}"`,
        );
      args[range.key] = n;
      continue;
    }
    switch (flag) {
      case '--pairing':
        args.pairings.push(value);
        break;
      case '--server':
        if (!/^https?:\/\//.test(value)) return error(`--server must be an http(s) URL, got "${value}"`);
        args.server = value;
        break;
      case '--email':
        args.email = value;
        break;
      case '--password':
        args.password = value;
        break;
      case '--pairings-dir':
        args.pairingsDir = value;
        break;
      case '--broker':
        if (!/^mqtts?:\/\/[^/]+$/.test(value))
          return error(`--broker must look like mqtt://host:port, got "${value}"`);
        args.broker = value;
        break;
      case '--ca':
        args.ca = value;
        break;
      case '--duration': {
        const seconds = parseDuration(value);
        if (seconds === null) return error(`--duration must be like 90s, 10m or 1h, got "${value}"`);
        args.durationSeconds = seconds;
        break;
      }
      case '--start':
        args.start = new Date(value);
        if (Number.isNaN(args.start.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value))
          return error(`--start must be an ISO date-time such as 2026-12-07T07:30:00Z, got "${value}"`);
        break;
      case '--printer-host':
        args.printerHost = value;
        break;
      case '--printer-address':
        args.printerAdvertisedHost = value;
        break;
      case '--out':
        args.out = value;
        break;
      default:
        return error(`unknown argument "${flag}"`);
    }
  }
  if (args.server !== null && (args.email === null || args.password === null))
    return error('--server needs --email and --password (the owner signs in to pair the devices)');
  if (args.tls && args.ca === null && args.server === null)
    return error('--tls needs the CA certificate: --ca <file>, or --server to download it');
  if (args.server !== null && args.pairings.length > 0)
    return error('give either --server or --pairing, not both');
  return { kind: 'run', args };
}
