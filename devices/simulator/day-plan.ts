import { SeededRandom } from './random.js';
import { randomVin } from './vin.js';

/**
 * A shop day as a list of timed steps, made from the seed alone (no clock, no network): the same
 * options give the same steps, which the simulation then plays against a broker. Each bay and each
 * dongle draws from its own stream, so adding a dongle does not move the cars in the bays.
 */
export interface DayOptions {
  seed: number;
  bays: number;
  dongles: number;
  /** How long the shop is open, in simulated hours. */
  hours: number;
  /** Chance that a car a dongle is plugged into has trouble codes. */
  dtcRate: number;
  /** Chance that a sensor report carries a fault (0 = none): a duplicate, a late one, a broken one. */
  faultRate: number;
  telemetryEveryMinutes: number;
  /**
   * Real cars to plug the dongles into, in turn (the shop's open repair orders when paired with
   * a server, so the readings and codes land on them); made-up cars when empty or absent.
   */
  cars?: readonly ShopCar[];
}

export interface ShopCar {
  vin: string;
  odometerKm: number;
}

export const FAULTS = ['duplicate', 'out-of-order', 'malformed'] as const;
export type Fault = (typeof FAULTS)[number];
/** How a malformed report is broken: not JSON, a value the contract does not allow, a field it does not know. */
export const MALFORMED_KINDS = ['truncated-json', 'bad-value', 'unknown-field'] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

interface At {
  /** Seconds after opening. */
  second: number;
}
export type OccupancyStep = At & {
  action: 'occupancy';
  bay: number;
  event: 'in' | 'out';
  fault: Fault | null;
  malformed: MalformedKind | null;
};
export type TelemetryStep = At & {
  action: 'telemetry';
  dongle: number;
  vin: string;
  odometerKm: number;
  batteryVolts: number;
  fuelPercent: number;
  milOn: boolean;
};
export type DtcStep = At & {
  action: 'dtc';
  dongle: number;
  vin: string;
  stored: string[];
  pending: string[];
  permanent: string[];
  milOn: boolean;
};
export type PlanStep = OccupancyStep | TelemetryStep | DtcStep;

interface Visit {
  bay: number;
  inSecond: number;
  outSecond: number;
}

/** Generic (SAE J2012) codes a shop sees every week; the server describes them, not the simulator. */
const COMMON_CODES = [
  'P0300',
  'P0301',
  'P0171',
  'P0420',
  'P0442',
  'P0455',
  'P0128',
  'P0113',
  'P0507',
  'C0035',
  'U0100',
];

function streamFor(seed: number, purpose: number, index: number): SeededRandom {
  return new SeededRandom((seed ^ Math.imul(purpose * 1000 + index + 1, 0x9e3779b1)) >>> 0);
}

/** Cars come and go in one bay: a short wait, a job of half an hour to a few hours, the next car. */
function bayVisits(options: DayOptions, bay: number): { visits: Visit[]; steps: OccupancyStep[] } {
  const random = streamFor(options.seed, 1, bay);
  const closing = options.hours * 3600;
  const visits: Visit[] = [];
  const steps: OccupancyStep[] = [];
  let faults = 0;
  const occupancy = (second: number, event: 'in' | 'out'): OccupancyStep => {
    const faulty = options.faultRate > 0 && random.chance(options.faultRate);
    // Faults take turns so a short day with faults on still shows each kind; out-of-order only
    // on an "in" (an "out" always follows to overtake it).
    let fault: Fault | null = faulty ? FAULTS[(faults + bay) % FAULTS.length]! : null;
    if (fault === 'out-of-order' && event === 'out') fault = 'duplicate';
    if (fault !== null) faults++;
    const malformed = fault === 'malformed' ? random.pick(MALFORMED_KINDS) : null;
    return { second, action: 'occupancy', bay, event, fault, malformed };
  };
  let second = random.int(0, 30 * 60);
  while (second < closing - 20 * 60) {
    const outSecond = Math.min(second + random.int(25 * 60, 150 * 60), closing - 60);
    visits.push({ bay, inSecond: second, outSecond });
    steps.push(occupancy(second, 'in'), occupancy(outSecond, 'out'));
    second = outSecond + random.int(3 * 60, 40 * 60);
  }
  return { visits, steps };
}

/** One car on a lift with a dongle in its OBD port: readings every few minutes, codes if it has any. */
function dongleSession(
  options: DayOptions,
  dongle: number,
  random: SeededRandom,
  visit: Visit,
  car: ShopCar | undefined,
): PlanStep[] {
  const plugged = visit.inSecond + random.int(2 * 60, 8 * 60);
  const unplugged = visit.outSecond - random.int(60, 180);
  if (unplugged <= plugged) return [];
  const madeUp = { vin: randomVin(random), odometerKm: random.real(8_000, 260_000, 1) };
  const vin = car?.vin ?? madeUp.vin;
  let odometerKm = car?.odometerKm ?? madeUp.odometerKm;
  const fuelPercent = random.real(8, 95, 0);
  const stored = random.pick(COMMON_CODES);
  const others = COMMON_CODES.filter((code) => code !== stored);
  const codes = random.chance(options.dtcRate)
    ? {
        stored: [stored],
        pending: random.chance(0.4) ? [random.pick(others)] : [],
        permanent: random.chance(0.2) ? [random.pick(others)] : [],
      }
    : null;
  const milOn = codes !== null && (codes.stored.length > 0 || codes.permanent.length > 0);
  const steps: PlanStep[] = [];
  for (let second = plugged; second < unplugged; second += options.telemetryEveryMinutes * 60) {
    const engineRunning = second > plugged && random.chance(0.3);
    steps.push({
      second,
      action: 'telemetry',
      dongle,
      vin,
      odometerKm,
      batteryVolts: engineRunning ? random.real(13.8, 14.4, 2) : random.real(12.1, 12.7, 2),
      fuelPercent,
      milOn,
    });
    if (engineRunning) odometerKm = Math.round((odometerKm + random.real(0, 2, 1)) * 10) / 10;
  }
  if (codes !== null) steps.push({ second: plugged + 60, action: 'dtc', dongle, vin, ...codes, milOn });
  return steps;
}

/** The whole day, in the order it happens (ties keep bays before dongles, each in its own order). */
export function planDay(options: DayOptions): PlanStep[] {
  const bays = Array.from({ length: options.bays }, (_, bay) => bayVisits(options, bay));
  const steps: PlanStep[] = bays.flatMap((b) => b.steps);
  // A free dongle goes into the next car that arrives; it stays with that car until it leaves.
  const visits = bays.flatMap((b) => b.visits).sort((a, b) => a.inSecond - b.inSecond || a.bay - b.bay);
  const freeAt = Array.from({ length: options.dongles }, () => 0);
  const randoms = freeAt.map((_, dongle) => streamFor(options.seed, 2, dongle));
  const cars = options.cars ?? [];
  let plugged = 0;
  for (const visit of visits) {
    const dongle = freeAt.findIndex((second) => second <= visit.inSecond);
    if (dongle < 0) continue;
    freeAt[dongle] = visit.outSecond;
    const car = cars.length > 0 ? cars[plugged % cars.length] : undefined;
    plugged++;
    steps.push(...dongleSession(options, dongle, randoms[dongle]!, visit, car));
  }
  return steps.sort((a, b) => a.second - b.second);
}
