import { PLATE_REGIONS } from './catalog/people.js';
import { COLORS, MAKES } from './catalog/vehicles.js';
import type { VehicleState } from './model.js';
import type { Random } from './random.js';
import { makeVin } from './vin.js';

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** Cars as they arrive: plausible age for the date, a unique valid VIN, a unique normalized plate. */
export class VehicleFactory {
  readonly #vins = new Set<string>();
  readonly #plates = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly idAt: (ms: number) => string,
  ) {}

  create(at: number, customerId: string): VehicleState {
    const r = this.random;
    const currentYear = new Date(at).getUTCFullYear();
    const make = r.weighted(MAKES);
    let model = r.weighted(make.models);
    let year = this.modelYear(currentYear);
    for (let attempt = 0; attempt < 10 && (year < model.years[0] || year > model.years[1]); attempt++) {
      model = r.weighted(make.models);
      year = this.modelYear(currentYear);
    }
    year = Math.min(Math.max(year, model.years[0]), model.years[1], currentYear + 1);
    const age = Math.max(0, currentYear - year);
    const milesPerDay = Math.max(8, r.normal(33, 10));
    const firstOdometer = Math.max(
      5,
      Math.round(age * 365 * milesPerDay * r.real(0.8, 1.2) + r.int(0, 3000)),
    );
    const engine = r.pick(model.engines);
    const hasPlate = r.chance(0.97);
    const region = hasPlate ? r.weighted(PLATE_REGIONS) : null;
    return {
      id: this.idAt(at),
      customerId,
      vin: this.vin(r.pick(model.wmi), year),
      make: make.make,
      model: model.model,
      year,
      trim: r.pick(model.trims),
      engine,
      body: model.body,
      color: r.weighted(COLORS).color,
      plate: region === null ? null : this.plate(r.pick(region.patterns)),
      region: region?.region ?? null,
      electric: engine === 'Electric',
      firstOdometer,
      milesPerDay,
      lastReading: 0,
      lastVisit: 0,
      createdAt: at,
      updatedAt: at,
      owners: [],
    };
  }

  /** Mostly 3-12 years old, as in a general repair shop's lot (dealers get the new ones). */
  private modelYear(currentYear: number): number {
    const age = Math.round(Math.abs(this.random.normal(7, 4.5)));
    return currentYear + 1 - Math.min(age + 1, 22);
  }

  private vin(wmi: string, year: number): string {
    for (;;) {
      const vin = makeVin(this.random, wmi, year);
      if (!this.#vins.has(vin)) {
        this.#vins.add(vin);
        return vin;
      }
    }
  }

  /** Pattern letters: L a letter, # a digit; spaces as printed, dropped in the stored form. */
  private plate(pattern: string): string {
    for (;;) {
      let plate = '';
      for (const char of pattern.replace(/ /g, '')) {
        plate += char === 'L' ? this.random.pick(LETTERS.split('')) : String(this.random.int(0, 9));
      }
      if (!this.#plates.has(plate)) {
        this.#plates.add(plate);
        return plate;
      }
    }
  }
}
