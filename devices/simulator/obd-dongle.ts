import type { Static } from '@sinclair/typebox';
import type { ObdDtcSchema, ObdTelemetrySchema } from '../../server/contracts/mqtt.js';
import { DeviceClient } from './device-client.js';

type Reading = Omit<Static<typeof ObdTelemetrySchema>, 'seq' | 'at'>;
type Scan = Omit<Static<typeof ObdDtcSchema>, 'seq' | 'at'>;

/**
 * An OBD dongle left in a car's diagnostic port: readings (VIN, odometer, battery, fuel, MIL) on
 * `…/telemetry` every few minutes, and a scan of the trouble codes on `…/dtc` when it finds any.
 */
export class ObdDongle extends DeviceClient {
  readonly kind = 'obd-dongle' as const;
  protected readonly model = 'ASE simulated OBD dongle';

  async sendTelemetry(reading: Reading): Promise<void> {
    await this.publish('telemetry', { seq: this.nextSeq(), at: this.now(), ...reading });
    this.log(
      `${reading.vin ?? 'no VIN'} ${reading.odometerKm ?? '?'} km, ${reading.batteryVolts ?? '?'} V, fuel ${reading.fuelPercent ?? '?'}%`,
    );
  }

  async sendCodes(scan: Scan): Promise<void> {
    await this.publish('dtc', { seq: this.nextSeq(), at: this.now(), ...scan });
    const codes = [
      ...scan.stored,
      ...scan.pending.map((c) => `${c} (pending)`),
      ...scan.permanent.map((c) => `${c} (permanent)`),
    ];
    this.log(`${scan.vin ?? 'no VIN'} codes ${codes.join(', ')}${scan.milOn ? ', MIL on' : ''}`);
  }
}
