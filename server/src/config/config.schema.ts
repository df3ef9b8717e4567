import { Type, type Static } from '@sinclair/typebox';

/**
 * Every setting the server reads at start. Keys are flat so each maps to one environment variable:
 * `dataDir` ⇄ `ASE_DATA_DIR`. Shop settings that staff change at run time (tax, labour rate, ...) live
 * in the database, not here.
 */
export const ConfigSchema = Type.Object(
  {
    host: Type.String({ default: '0.0.0.0', minLength: 1, description: 'Address to listen on.' }),
    port: Type.Integer({
      default: 8080,
      minimum: 0,
      maximum: 65535,
      description: 'HTTP port for UI and API.',
    }),
    dataDir: Type.String({
      default: './data',
      minLength: 1,
      description: 'Where the database, backups and files live.',
    }),
    uiDir: Type.String({
      default: '',
      description: 'The built staff app to serve at /; empty means ui/build beside the server.',
    }),
    // A union of literals (not StringEnum) so TypeBox's own Value checker can validate it.
    logLevel: Type.Union(
      (['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const).map((l) => Type.Literal(l)),
      { default: 'info', description: 'pino log level: fatal, error, warn, info, debug, trace or silent.' },
    ),
    trustedProxies: Type.String({
      default: '127.0.0.1,::1',
      description:
        'Comma-separated addresses or CIDRs whose X-Forwarded-* headers are believed (client IP, https); ' +
        'the tunnel (cloudflared, tailscale serve) runs on the box itself. Empty = trust no one.',
    }),
    httpsPort: Type.Integer({
      default: 8443,
      minimum: 0,
      maximum: 65535,
      description: 'HTTPS port on the LAN (certificate from the local CA in <dataDir>/tls); 0 turns it off.',
    }),
    mqttHost: Type.String({
      default: '0.0.0.0',
      minLength: 1,
      description: "Address the shop-floor MQTT broker listens on (both ports); '0.0.0.0' = every interface.",
    }),
    mqttPort: Type.Integer({
      default: 1883,
      minimum: 0,
      maximum: 65535,
      description:
        'Plain MQTT 3.1.1 port for the shop-floor devices (user/password per device); 0 turns it off. ' +
        'If the port is taken, one line is logged and HTTP keeps serving.',
    }),
    mqttTlsPort: Type.Integer({
      default: 8883,
      minimum: 0,
      maximum: 65535,
      description:
        "MQTT over TLS port, with a certificate from the shop's local CA (<dataDir>/tls; devices pin its SHA-256); 0 turns it off.",
    }),
    mqttDeviceMessagesPerSecond: Type.Integer({
      default: 20,
      minimum: 1,
      maximum: 100_000,
      description:
        'Reports one device may send per second (bursts of 2.5 s worth); more are dropped and counted. ' +
        'The shop floor bench raises it to measure the broker itself.',
    }),
    tunnelMetricsAddress: Type.String({
      default: '127.0.0.1:20241',
      minLength: 1,
      description: "host:port of cloudflared's --metrics server; its /ready says whether the tunnel is up.",
    }),
    bodyLimitBytes: Type.Integer({
      default: 1_048_576,
      minimum: 1024,
      maximum: 104_857_600,
      description: 'Largest JSON body accepted.',
    }),
    sessionIdleMinutes: Type.Integer({
      default: 720,
      minimum: 1,
      description: 'A staff session ends after this long without a request.',
    }),
    sessionMaxAgeHours: Type.Integer({
      default: 168,
      minimum: 1,
      description: 'A staff session ends this long after sign-in, used or not.',
    }),
    pinSessionIdleMinutes: Type.Integer({
      default: 60,
      minimum: 1,
      description: 'Idle limit for technicians signed in by PIN on shared tablets.',
    }),
    loginMaxFailures: Type.Integer({
      default: 5,
      minimum: 1,
      description: 'Failed sign-ins in a row before the account is locked for a while.',
    }),
    loginLockoutMinutes: Type.Integer({
      default: 15,
      minimum: 1,
      description: 'How long a locked account waits.',
    }),
    loginRateLimitPerMinute: Type.Integer({
      default: 30,
      minimum: 1,
      description: 'Sign-in requests per minute from one address.',
    }),
    notificationPollSeconds: Type.Integer({
      default: 5,
      minimum: 0,
      maximum: 3600,
      description: 'How often the notifications outbox looks for messages to send; 0 turns the worker off.',
    }),
    obdSerialPath: Type.String({
      default: '',
      description:
        'Serial port of the ELM327 OBD adapter plugged into the server (e.g. /dev/ttyUSB0, /dev/rfcomm0); empty = none.',
    }),
    obdSerialBaudRate: Type.Integer({
      default: 38400,
      minimum: 1200,
      maximum: 2_000_000,
      description: "The adapter's baud rate (38400 for a genuine ELM327; clones use 9600 or 115200).",
    }),
    obdDtcDescriptionsFile: Type.String({
      default: '',
      description:
        'JSON file of generic DTC titles ({"P0300": "..."}); empty = devices/obd/data/dtc-generic.en.json in the app.',
    }),
    obdTelemetryRawDays: Type.Integer({
      default: 30,
      minimum: 1,
      maximum: 3650,
      description: 'Days OBD dongle telemetry is kept row by row; daily roll-ups are kept for ever.',
    }),
    printQueuePollSeconds: Type.Integer({
      default: 2,
      minimum: 0,
      maximum: 3600,
      description: 'How often the print queue looks for labels to send; 0 turns the worker off.',
    }),
    printerTimeoutMs: Type.Integer({
      default: 5000,
      minimum: 100,
      maximum: 120_000,
      description:
        'How long a label printer has to take a job (connect, write, answer the status query) before the attempt fails and is retried.',
    }),
    lowDiskFreeBytes: Type.Integer({
      default: 1_000_000_000,
      minimum: 0,
      description:
        "Warn the owner when the data folder's disk has less free space than this (or lowDiskFreePercent, the larger).",
    }),
    lowDiskFreePercent: Type.Number({
      default: 5,
      minimum: 0,
      maximum: 100,
      description:
        "Warn the owner when the data folder's disk has less than this percentage free (or lowDiskFreeBytes).",
    }),
  },
  { additionalProperties: false },
);

export type AppConfig = Static<typeof ConfigSchema>;
