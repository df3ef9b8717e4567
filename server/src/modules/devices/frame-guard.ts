import { Duplex, Transform, Writable, type TransformCallback } from 'node:stream';
import type { Socket } from 'node:net';

/**
 * What to do with a packet over the frame limit, told its type (the high nibble of its first
 * byte: 1 CONNECT, 3 PUBLISH, …) and its length: skip its bytes and go on, or close the connection.
 */
export type OversizeAction = (packetType: number, length: number) => 'skip' | 'close';

const enum State {
  Header,
  Length,
  Body,
}

/**
 * Reads MQTT's framing (a type byte, then the remaining length in 1-4 bytes) as the bytes arrive,
 * so a packet longer than `limit` is never buffered: aedes' parser would hold all of it (up to
 * 256 MB, MQTT's own maximum) before anything could look at it. Over the limit, its bytes are
 * skipped or the connection closed, as `onOversize` says; everything else passes unchanged.
 */
export class FrameGuard extends Transform {
  #state = State.Header;
  #header: number[] = [];
  #length = 0;
  #multiplier = 1;
  #remaining = 0;
  #skipping = false;

  constructor(
    private readonly limit: number,
    private readonly onOversize: OversizeAction,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.#state === State.Header) {
        this.#header = [chunk[i]!];
        this.#length = 0;
        this.#multiplier = 1;
        this.#state = State.Length;
        i++;
      } else if (this.#state === State.Length) {
        const byte = chunk[i]!;
        this.#header.push(byte);
        this.#length += (byte & 0x7f) * this.#multiplier;
        this.#multiplier *= 128;
        i++;
        if (byte & 0x80) {
          if (this.#header.length === 5) {
            done(new Error('malformed MQTT packet: remaining length over 4 bytes'));
            return;
          }
          continue;
        }
        if (this.#length > this.limit) {
          if (this.onOversize(this.#header[0]! >> 4, this.#length) === 'close') {
            done(
              new Error(`MQTT packet of ${this.#length} bytes is over the ${this.limit}-byte frame limit`),
            );
            return;
          }
          this.#skipping = true;
        } else this.#passHeader();
        this.#remaining = this.#length;
        this.#state = this.#remaining === 0 ? State.Header : State.Body;
        if (this.#remaining === 0) this.#skipping = false;
      } else {
        const n = Math.min(this.#remaining, chunk.length - i);
        if (!this.#skipping) this.push(chunk.subarray(i, i + n));
        i += n;
        this.#remaining -= n;
        if (this.#remaining === 0) {
          this.#state = State.Header;
          this.#skipping = false;
        }
      }
    }
    done();
  }

  #passHeader(): void {
    this.push(Buffer.from(this.#header));
  }
}

/**
 * The socket as aedes sees it: reads through a FrameGuard, writes gathered per turn (below). The
 * peer's address stays readable (`remoteAddress`) and closing either side closes both.
 */
export function guardedConnection(socket: Socket, guard: FrameGuard): Duplex & { remoteAddress?: string } {
  socket.pipe(guard);
  const connection = Duplex.from({ readable: guard, writable: writesPerTurn(socket) }) as Duplex & {
    remoteAddress?: string;
  };
  connection.remoteAddress = socket.remoteAddress;
  // The socket is not the duplex's own writable side, so its errors (a reset) are passed on here:
  // unheard, an error event would be thrown out of the process.
  socket.on('error', (error) => connection.destroy(error));
  socket.once('close', () => connection.destroy());
  guard.once('error', () => socket.destroy());
  connection.once('close', () => socket.destroy());
  return connection;
}

/**
 * The socket as the broker writes to it: what the broker writes during one turn of the event loop
 * leaves in one write (one system call, one TCP segment) instead of one per packet. A device with
 * several QoS 1 reports in flight gets their PUBACKs together (one read of its reports, one write
 * of the answers), as from mosquitto; a PUBACK was a write of its own and the broker's largest cost.
 * Back-pressure stays the socket's: a write is done when the socket takes it, or after its drain.
 */
function writesPerTurn(socket: Socket): Writable {
  let corked = false;
  const flush = () => {
    if (!corked) return;
    corked = false;
    socket.uncork();
  };
  return new Writable({
    write(chunk: Buffer, encoding: BufferEncoding, done: (error?: Error | null) => void) {
      if (!corked) {
        corked = true;
        socket.cork();
        setImmediate(flush);
      }
      if (socket.write(chunk, encoding)) done();
      else socket.once('drain', () => done());
    },
    final(done: (error?: Error | null) => void) {
      flush();
      socket.end(() => done());
    },
    // What was written before the close still leaves: a refused client's CONNACK says why. The
    // error is the connection's own (its close aborts this side): the connection reports it, and
    // passing it on would raise it again here, where nobody listens.
    destroy(_error: Error | null, done: (error?: Error | null) => void) {
      flush();
      socket.destroy();
      done(null);
    },
  });
}
