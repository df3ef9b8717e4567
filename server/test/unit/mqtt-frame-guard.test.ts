import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { generate } from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { FrameGuard, guardedConnection } from '../../src/modules/devices/frame-guard.js';

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

/** A real TCP connection on 127.0.0.1: the server's socket, and the bytes its peer received. */
async function tcpPair() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const accepted = once(server, 'connection') as Promise<[Socket]>;
  const peer = connect((server.address() as AddressInfo).port, '127.0.0.1');
  const [socket] = await accepted;
  const received: Buffer[] = [];
  peer.on('data', (chunk: Buffer) => received.push(chunk));
  const peerClosed = once(peer, 'close');
  return {
    socket,
    received: () => Buffer.concat(received),
    peerClosed,
    close: async () => {
      peer.destroy();
      socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

describe('the guarded connection’s writes', () => {
  const puback = (messageId: number) => generate({ cmd: 'puback', messageId });

  it('what is written in one turn of the event loop goes to the socket together, after the turn', async () => {
    const pair = await tcpPair();
    const connection = guardedConnection(pair.socket, new FrameGuard(1024, () => 'close'));
    connection.on('error', () => {}); // closing aborts it: aedes listens for that, so does the test
    for (const id of [1, 2, 3]) connection.write(puback(id));
    expect(pair.socket.writableCorked).toBe(1); // held for the rest of the turn: one write for the three
    await new Promise((resolve) => setImmediate(resolve));
    expect(pair.socket.writableCorked).toBe(0);
    const expected = Buffer.concat([1, 2, 3].map(puback));
    for (let i = 0; i < 100 && pair.received().length < expected.length; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pair.received()).toEqual(expected);
    await pair.close();
  });

  it('what was written before the connection is destroyed still reaches the peer (a refusal’s CONNACK)', async () => {
    const pair = await tcpPair();
    const connection = guardedConnection(pair.socket, new FrameGuard(1024, () => 'close'));
    connection.on('error', () => {}); // closing aborts it: aedes listens for that, so does the test
    const connack = generate({ cmd: 'connack', returnCode: 5, sessionPresent: false });
    connection.write(connack);
    connection.destroy();
    await pair.peerClosed;
    expect(pair.received()).toEqual(connack);
    await pair.close();
  });
});
