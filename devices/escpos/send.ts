import { connect, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import { STATUS_QUERY } from './commands.js';

/**
 * Sending a job to a printer and knowing it was taken. After the job's bytes comes a real-time
 * status query (DLE EOT 1): the printer answers it only once it has read everything before it,
 * so an answer means "the printer has the job", and a printer that accepts the connection but
 * never reads gives no answer and the send fails after `timeoutMs` instead of hanging.
 */

export type SendStage = 'connect' | 'write' | 'confirm';

export class PrinterSendError extends Error {
  constructor(
    message: string,
    /** Where it failed: before `write` nothing reached the printer. */
    readonly stage: SendStage,
    /**
     * The printer answered the status query (with "offline"): it has read the job and may print
     * it later (paper changed, cover closed), so sending it again could print it twice.
     */
    readonly printerAnswered = false,
  ) {
    super(message);
    this.name = 'PrinterSendError';
  }
}

export interface SendResult {
  bytesWritten: number;
  /** The printer's status byte (bit 3 set = offline). */
  status: number;
  elapsedMs: number;
}

/** Bit 3 of the DLE EOT 1 answer: the printer is offline (cover open, paper out, error). */
const STATUS_OFFLINE_BIT = 0x08;

export interface TcpTarget {
  host: string;
  port: number;
}

export function sendToTcpPrinter(target: TcpTarget, job: Buffer, timeoutMs = 5000): Promise<SendResult> {
  const started = performance.now();
  return new Promise<SendResult>((resolve, reject) => {
    let stage: SendStage = 'connect';
    let settled = false;
    const socket: Socket = connect({ host: target.host, port: target.port });
    socket.setNoDelay(true);
    const finish = (error: Error | null, status = 0) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        // destroy, not end: unread bytes are dropped with the connection rather than printed
        // late, after the job has been given up on and queued again.
        socket.destroy();
        reject(error);
        return;
      }
      socket.end();
      resolve({ bytesWritten: job.length, status, elapsedMs: performance.now() - started });
    };
    const timer = setTimeout(
      () => finish(new PrinterSendError(timeoutMessage(stage, target, timeoutMs), stage)),
      timeoutMs,
    );
    // `on`, not `once`: finish ignores all but the first, and a second 'error' without a listener
    // would be thrown by the socket and take the whole server down.
    socket.on('error', (error) =>
      finish(new PrinterSendError(`${describe(target)}: ${error.message}`, stage)),
    );
    socket.once('close', () =>
      finish(new PrinterSendError(`${describe(target)} closed the connection before answering`, stage)),
    );
    socket.once('data', (data: Buffer) => {
      const status = data[0] ?? 0;
      if (status & STATUS_OFFLINE_BIT) {
        finish(
          new PrinterSendError(
            `${describe(target)} reports it is offline (status 0x${hex(status)}): paper, cover or error`,
            'confirm',
            true,
          ),
        );
      } else finish(null, status);
    });
    socket.once('connect', () => {
      stage = 'write';
      socket.write(Buffer.concat([job, STATUS_QUERY]), (error) => {
        if (!error) stage = 'confirm';
      });
    });
  });
}

export interface SerialTarget {
  path: string;
  baudRate?: number;
}

/** Opens a port; tests pass one that builds a `SerialPortMock` (@serialport/binding-mock). */
export type OpenSerialPort = (options: { path: string; baudRate: number; autoOpen: false }) => SerialLike;

/** What `send` needs of a `SerialPort` (and `SerialPortMock` has). */
export interface SerialLike {
  open(callback: (error: Error | null) => void): void;
  write(data: Buffer): boolean;
  drain(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  once(event: 'data', listener: (data: Buffer) => void): unknown;
  once(event: 'error' | 'close', listener: (error?: Error) => void): unknown;
  on(event: 'error', listener: (error?: Error) => void): unknown;
  readonly isOpen: boolean;
}

const openRealPort: OpenSerialPort = (options) => new SerialPort(options);

export function sendToSerialPrinter(
  target: SerialTarget,
  job: Buffer,
  timeoutMs = 5000,
  openPort: OpenSerialPort = openRealPort,
): Promise<SendResult> {
  const started = performance.now();
  const where = `serial printer ${target.path}`;
  return new Promise<SendResult>((resolve, reject) => {
    let stage: SendStage = 'connect';
    let settled = false;
    const port = openPort({ path: target.path, baudRate: target.baudRate ?? 9600, autoOpen: false });
    const finish = (error: Error | null, status = 0) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (port.isOpen) port.close(() => undefined);
      if (error) reject(error);
      else resolve({ bytesWritten: job.length, status, elapsedMs: performance.now() - started });
    };
    const timer = setTimeout(
      () => finish(new PrinterSendError(`${where}: no answer within ${timeoutMs} ms (${stage})`, stage)),
      timeoutMs,
    );
    port.on('error', (error) =>
      finish(new PrinterSendError(`${where}: ${error?.message ?? 'error'}`, stage)),
    );
    port.once('close', () => finish(new PrinterSendError(`${where} was closed (unplugged?)`, stage)));
    port.once('data', (data: Buffer) => {
      const status = data[0] ?? 0;
      if (status & STATUS_OFFLINE_BIT) {
        finish(
          new PrinterSendError(
            `${where} reports it is offline (status 0x${hex(status)}): paper, cover or error`,
            'confirm',
            true,
          ),
        );
      } else finish(null, status);
    });
    port.open((error) => {
      if (error) return finish(new PrinterSendError(`${where}: ${error.message}`, 'connect'));
      stage = 'write';
      port.write(Buffer.concat([job, STATUS_QUERY]));
      port.drain((drainError) => {
        if (drainError) return finish(new PrinterSendError(`${where}: ${drainError.message}`, 'write'));
        stage = 'confirm';
      });
    });
  });
}

function describe(target: TcpTarget): string {
  return `printer ${target.host}:${target.port}`;
}

function timeoutMessage(stage: SendStage, target: TcpTarget, timeoutMs: number): string {
  const what = {
    connect: 'did not accept a connection',
    write: 'did not take the bytes',
    confirm: 'took the connection but did not read the job',
  }[stage];
  return `${describe(target)} ${what} within ${timeoutMs} ms`;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
