import { setTimeout as sleep } from 'node:timers/promises';
import { BaySensor } from './bay-sensor.js';
import type { PlanStep } from './day-plan.js';
import type { DeviceClient, Log } from './device-client.js';
import { Display } from './display.js';
import { ObdDongle } from './obd-dongle.js';
import type { DevicePairing } from './pairing.js';

export interface ShopFloorOptions {
  pairings: DevicePairing[];
  /** The simulated moment the day opens (second 0 of the plan). */
  start: Date;
  /** Simulated seconds per real second (60 = a minute a second); 0 = as fast as the broker acks. */
  speed: number;
  brokerUrl?: string | undefined;
  /** Connect over TLS trusting this CA (checked against each pairing's caSha256). */
  caPem?: string | undefined;
  log: Log;
}

export interface DayTotals {
  occupancy: number;
  telemetry: number;
  dtc: number;
  duplicate: number;
  outOfOrder: number;
  malformed: number;
  /** Steps for a bay or dongle the run has no device for. */
  skipped: number;
}

/**
 * The shop's devices, one client each, and the clock that plays a day's plan through them: bay
 * sensors by bay (in pairing order), dongles by number, displays listening. Each device is its
 * own MQTT connection with its own credentials, exactly as on a real shop floor.
 */
export class ShopFloor {
  readonly sensors: BaySensor[];
  readonly dongles: ObdDongle[];
  readonly displays: Display[];
  #second = 0;
  readonly totals: DayTotals = {
    occupancy: 0,
    telemetry: 0,
    dtc: 0,
    duplicate: 0,
    outOfOrder: 0,
    malformed: 0,
    skipped: 0,
  };

  constructor(private readonly options: ShopFloorOptions) {
    const deviceOptions = {
      brokerUrl: options.brokerUrl,
      caPem: options.caPem,
      clock: () => this.now(),
      seqStart: Math.floor(options.start.getTime() / 1000) * 1000,
      log: options.log,
    };
    const ofKind = (kind: DevicePairing['kind']) => options.pairings.filter((p) => p.kind === kind);
    this.sensors = ofKind('bay-sensor').map((p, i) => new BaySensor(p, deviceOptions, `bay ${i + 1} sensor`));
    this.dongles = ofKind('obd-dongle').map((p, i) => new ObdDongle(p, deviceOptions, `dongle ${i + 1}`));
    this.displays = ofKind('display').map((p, i) => new Display(p, deviceOptions, `display ${i + 1}`));
  }

  /** The simulated time: the step being played. */
  now(): Date {
    return new Date(this.options.start.getTime() + this.#second * 1000);
  }

  get devices(): DeviceClient[] {
    return [...this.displays, ...this.sensors, ...this.dongles];
  }

  /** Connects every device; if one cannot (refused, unreachable), the ones already up are closed. */
  async connect(): Promise<void> {
    try {
      for (const device of this.devices) await device.connect();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /**
   * Plays the steps in order, waiting the simulated time between them at `speed`. Returns false
   * when `signal` stopped it early. Each report is acknowledged by the broker before the next.
   */
  async play(steps: readonly PlanStep[], signal?: AbortSignal): Promise<boolean> {
    for (const step of steps) {
      if (signal?.aborted === true) return false;
      if (this.options.speed > 0 && step.second > this.#second) {
        const ms = ((step.second - this.#second) * 1000) / this.options.speed;
        try {
          await sleep(ms, undefined, signal ? { signal } : undefined);
        } catch {
          return false;
        }
      }
      this.#second = Math.max(this.#second, step.second);
      await this.perform(step);
    }
    return true;
  }

  private async perform(step: PlanStep): Promise<void> {
    const t = this.totals;
    switch (step.action) {
      case 'occupancy': {
        const sensor = this.sensors[step.bay];
        if (sensor === undefined) return void t.skipped++;
        if (step.fault === 'malformed') {
          await sensor.sendMalformed(step.malformed ?? 'truncated-json');
          t.malformed++;
        }
        await sensor.report(step.event, { holdBack: step.fault === 'out-of-order' });
        t.occupancy++;
        if (step.fault === 'out-of-order') t.outOfOrder++;
        if (step.fault === 'duplicate') {
          await sensor.repeatLast();
          t.duplicate++;
        }
        return;
      }
      case 'telemetry': {
        const dongle = this.dongles[step.dongle];
        if (dongle === undefined) return void t.skipped++;
        const { vin, odometerKm, batteryVolts, fuelPercent, milOn } = step;
        await dongle.sendTelemetry({ vin, odometerKm, batteryVolts, fuelPercent, milOn });
        t.telemetry++;
        return;
      }
      case 'dtc': {
        const dongle = this.dongles[step.dongle];
        if (dongle === undefined) return void t.skipped++;
        const { vin, stored, pending, permanent, milOn } = step;
        await dongle.sendCodes({ vin, stored, pending, permanent, milOn });
        t.dtc++;
        return;
      }
    }
  }

  /** Clean shutdown of every device (each says offline itself); safe to call twice. */
  async close(): Promise<void> {
    await Promise.all(this.devices.map((device) => device.close()));
  }
}
