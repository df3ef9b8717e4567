import type { Static } from '@sinclair/typebox';
import type { OccupancySchema } from '../../server/contracts/mqtt.js';
import type { MalformedKind } from './day-plan.js';
import { DeviceClient } from './device-client.js';

type Occupancy = Static<typeof OccupancySchema>;

/**
 * A bay sensor (ultrasonic or radar over the lift): it reports a car coming in and leaving on
 * `ase/v1/bay-sensor/<id>/occupancy`. The fault methods are what a flaky sensor or radio does,
 * so the server's handling of each can be watched: a message sent twice, one that arrives after
 * the next, one that is not the contract at all.
 */
export class BaySensor extends DeviceClient {
  readonly kind = 'bay-sensor' as const;
  protected readonly model = 'ASE simulated bay sensor';
  #last: Occupancy | null = null;
  /** A report the radio held back: it goes out after the next one, with its original seq. */
  #heldBack: Occupancy | null = null;

  async report(event: 'in' | 'out', options: { holdBack?: boolean } = {}): Promise<void> {
    const message: Occupancy = { event, seq: this.nextSeq(), at: this.now() };
    this.#last = message;
    if (options.holdBack === true) {
      this.#heldBack = message;
      this.log(`car ${event} (seq ${message.seq}) held back: it will arrive after the next report`);
      return;
    }
    await this.publish('occupancy', message);
    this.log(`car ${event} (seq ${message.seq})`);
    const late = this.#heldBack;
    if (late !== null) {
      this.#heldBack = null;
      await this.publish('occupancy', late);
      this.log(`late report: car ${late.event} (seq ${late.seq}) after seq ${message.seq}`);
    }
  }

  /** The last report again, same seq and time: what a lost PUBACK and a resend look like. */
  async repeatLast(): Promise<void> {
    if (this.#last === null || this.#last === this.#heldBack) return;
    await this.publish('occupancy', this.#last);
    this.log(`duplicate: car ${this.#last.event} (seq ${this.#last.seq}) sent again`);
  }

  /** Something on the occupancy channel that the contract refuses; it uses no seq. */
  async sendMalformed(kind: MalformedKind): Promise<void> {
    const seq = this.peekSeq();
    const text =
      kind === 'truncated-json'
        ? `{"event":"in","seq":${seq},"at":"${this.now()}"`
        : kind === 'bad-value'
          ? JSON.stringify({ event: 'sideways', seq: seq, at: this.now() })
          : JSON.stringify({ event: 'in', seq: seq, at: this.now(), confidence: 0.4 });
    await this.publishText('occupancy', text);
    this.log(`malformed report (${kind}): ${text}`);
  }

  /** Whatever the sensor still holds when it shuts down goes out first. */
  override async close(): Promise<void> {
    const late = this.#heldBack;
    this.#heldBack = null;
    if (late !== null) await this.publish('occupancy', late).catch(() => undefined);
    await super.close();
  }
}
