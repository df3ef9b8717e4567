import { Elm327Link, type Elm327LinkOptions } from './elm327-link.js';
import {
  decodeDtcs,
  decodeOdometerKm,
  decodeProtocol,
  decodeReadiness,
  decodeVin,
  decodeVolts,
  replyLines,
  replyMessages,
  type Readiness,
} from './elm327-replies.js';
import { ObdError } from './obd-error.js';

/**
 * A whole scan with an ELM327: reset and set up the adapter, let it find the car's protocol,
 * then read what a service advisor needs (VIN, odometer, codes, readiness, battery). Clearing
 * codes is a separate call that demands an explicit confirmation.
 */

export interface ObdScanOptions extends Elm327LinkOptions {
  /** Deadline for an AT command or an OBD request once the protocol is known. */
  commandTimeoutMs?: number;
  /** Deadline for the first request, during which the adapter tries each protocol in turn. */
  searchTimeoutMs?: number;
}

export interface ObdScanResult {
  adapter: string;
  protocol: { number: string; name: string };
  vin: string | null;
  /** From mode 01 PID A6 where the car offers it (most cars built before 2019 do not). */
  odometerKm: number | null;
  stored: string[];
  pending: string[];
  /** Mode 0A; null when the car does not support it (before model year 2010). */
  permanent: string[] | null;
  readiness: Readiness | null;
  batteryVolts: number | null;
}

const DEFAULTS = { commandTimeoutMs: 5_000, searchTimeoutMs: 20_000 };

/** One open conversation with the adapter: `scan` and `clear` open, work and close one each. */
class Elm327Session {
  #isCan = true;

  constructor(
    private readonly link: Elm327Link,
    private readonly timeouts: { commandTimeoutMs: number; searchTimeoutMs: number },
  ) {}

  async lines(command: string, timeoutMs = this.timeouts.commandTimeoutMs): Promise<string[]> {
    return replyLines(command, await this.link.send(command, timeoutMs));
  }

  /** An OBD request's messages; NO DATA gives `otherwise` (a car need not support every PID). */
  async request<T>(command: string, decode: (m: number[][]) => T, otherwise: T): Promise<T> {
    try {
      return decode(replyMessages(await this.lines(command)));
    } catch (error) {
      if (error instanceof ObdError && error.fault === 'no-data') return otherwise;
      throw error;
    }
  }

  /**
   * ATZ (reset: the answer names the chip), then echo, linefeeds, spaces and headers off, and
   * automatic protocol search. The first request (0100) makes the adapter search; UNABLE TO
   * CONNECT there means the car is not answering (ignition off).
   */
  async start(): Promise<{ adapter: string; protocol: { number: string; name: string } }> {
    const reset = await this.lines('ATZ');
    const adapter = reset.find((line) => /ELM327/i.test(line));
    if (adapter === undefined)
      throw new ObdError(
        'not-an-adapter',
        'The device on this port does not answer like an ELM327 OBD adapter.',
        reset.join(' '),
      );
    for (const command of ['ATE0', 'ATL0', 'ATS0', 'ATH0', 'ATSP0']) {
      const reply = await this.lines(command);
      if (!reply.includes('OK'))
        throw new ObdError('adapter-error', `The adapter refused ${command}.`, reply.join(' '));
    }
    try {
      await this.lines('0100', this.timeouts.searchTimeoutMs);
    } catch (error) {
      // NO DATA to the one request every OBD-II car must answer: nothing is listening.
      if (error instanceof ObdError && error.fault === 'no-data')
        throw new ObdError('no-car', 'The car does not answer OBD requests: is the ignition on?', error.raw);
      throw error;
    }
    const protocol = decodeProtocol(await this.lines('ATDPN'));
    this.#isCan = protocol.isCan;
    return { adapter, protocol: { number: protocol.number, name: protocol.name } };
  }

  async read(): Promise<Omit<ObdScanResult, 'adapter' | 'protocol'>> {
    const dtcs = (mode: number) => (m: number[][]) => decodeDtcs(m, mode, this.#isCan);
    return {
      readiness: await this.request('0101', decodeReadiness, null),
      vin: await this.request('0902', decodeVin, null),
      odometerKm: await this.request('01A6', decodeOdometerKm, null),
      stored: await this.request('03', dtcs(0x03), []),
      pending: await this.request('07', dtcs(0x07), []),
      permanent: await this.request('0A', dtcs(0x0a), null),
      batteryVolts: decodeVolts(await this.lines('ATRV')),
    };
  }

  /** Mode 04: clears stored and pending codes, freeze frames and readiness (the MIL goes off). */
  async clear(): Promise<void> {
    const messages = replyMessages(await this.lines('04'));
    if (!messages.some((m) => m[0] === 0x44))
      throw new ObdError('adapter-error', 'The car did not confirm clearing its codes.', null);
  }
}

async function withSession<T>(options: ObdScanOptions, work: (s: Elm327Session) => Promise<T>): Promise<T> {
  const link = await Elm327Link.open(options);
  try {
    return await work(
      new Elm327Session(link, {
        commandTimeoutMs: options.commandTimeoutMs ?? DEFAULTS.commandTimeoutMs,
        searchTimeoutMs: options.searchTimeoutMs ?? DEFAULTS.searchTimeoutMs,
      }),
    );
  } finally {
    await link.close();
  }
}

/** Opens the port, scans the car, closes the port. Faults are ObdErrors (see obd-error.ts). */
export function scanVehicle(options: ObdScanOptions): Promise<ObdScanResult> {
  return withSession(options, async (session) => ({ ...(await session.start()), ...(await session.read()) }));
}

/**
 * Clears the car's codes (mode 04). The caller must pass `confirm: true`: clearing also resets the
 * readiness monitors, which a car needs for an emissions test, so it is never a side effect.
 */
export async function clearCodes(
  options: ObdScanOptions & { confirm: boolean },
): Promise<{ adapter: string; protocol: { number: string; name: string } }> {
  if (options.confirm !== true)
    throw new ObdError(
      'not-confirmed',
      'Clearing codes also resets the readiness monitors: confirm it explicitly.',
    );
  return withSession(options, async (session) => {
    const started = await session.start();
    await session.clear();
    return started;
  });
}
