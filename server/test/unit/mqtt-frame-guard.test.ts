import { generate } from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { FrameGuard } from '../../src/modules/devices/frame-guard.js';

/** Feeds `bytes` through a guard in chunks of `size` and returns what came out (or the error). */
async function through(guard: FrameGuard, bytes: Buffer, size: number): Promise<Buffer | Error> {
  const out: Buffer[] = [];
  guard.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<Buffer | Error>((resolve) => {
    guard.on('end', () => resolve(Buffer.concat(out)));
    guard.on('error', (error) => resolve(error));
  });
  for (let i = 0; i < bytes.length; i += size) guard.write(bytes.subarray(i, i + size));
  guard.end();
  return ended;
}

const publish = (payloadBytes: number) =>
  generate({
    cmd: 'publish',
    topic: 'ase/v1/kiosk/k1/heartbeat',
    payload: Buffer.alloc(payloadBytes, 0x61),
    qos: 0,
    retain: false,
    dup: false,
  });
const ping = generate({ cmd: 'pingreq' });

describe('the MQTT frame guard', () => {
  it('passes packets under the limit unchanged, however the bytes are split', async () => {
    const stream = Buffer.concat([publish(10), ping, publish(200), publish(0)]);
    for (const size of [1, 2, 3, 7, stream.length]) {
      expect(await through(new FrameGuard(1024, () => 'skip'), stream, size)).toEqual(stream);
    }
  });

  it('skips an oversized packet without passing a byte of it, and goes on', async () => {
    const seen: Array<[number, number]> = [];
    const big = publish(5000);
    const stream = Buffer.concat([ping, big, publish(10)]);
    const out = await through(
      new FrameGuard(1024, (type, length) => {
        seen.push([type, length]);
        return 'skip';
      }),
      stream,
      5,
    );
    expect(out).toEqual(Buffer.concat([ping, publish(10)]));
    expect(seen).toEqual([[3, big.length - 3]]);
  });

  it('fails the stream when told to close, and on a remaining length of five bytes', async () => {
    expect(await through(new FrameGuard(1024, () => 'close'), publish(5000), 64)).toBeInstanceOf(Error);
    expect(
      await through(new FrameGuard(1024, () => 'skip'), Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]), 1),
    ).toBeInstanceOf(Error);
  });
});
