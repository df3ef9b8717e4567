import { SerialPortStream, type OpenOptions } from '@serialport/stream';
import { ObdError } from './obd-error.js';

/**
 * The serial line to an ELM327 (USB or Bluetooth SPP, both are a serial port to us): open it,
 * send one command at a time, and read the reply up to the adapter's `>` prompt within a deadline.
 * The port being pulled out mid-command ends the command at once with `unplugged`, not a timeout.
 */

/** A serialport binding (the OS's, or @serialport/binding-mock's in tests). */
export type SerialBinding = OpenOptions['binding'];

export interface Elm327LinkOptions {
  path: string;
  /** 38400 is the ELM327's factory rate; many clones and Bluetooth bridges use 9600 or 115200. */
  baudRate?: number;
  /** The serialport binding; the OS one when absent. Tests pass @serialport/binding-mock. */
  binding?: SerialBinding;
}

const PROMPT = '>';

export class Elm327Link {
  #pending: {
    resolve: (text: string) => void;
    reject: (error: ObdError) => void;
    timer: NodeJS.Timeout;
    command: string;
  } | null = null;
  #buffer = '';
  /** Set once the line cannot be trusted (closed, unplugged, a reply that came too late). */
  #broken: ObdError | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly port: SerialPortStream,
    readonly path: string,
  ) {
    port.on('data', (chunk: Buffer) => this.#receive(chunk.toString('latin1')));
    port.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
      const fault =
        error?.disconnected === true
          ? new ObdError('unplugged', 'The OBD adapter was disconnected during the scan.', error.message)
          : new ObdError('unplugged', 'The serial port closed during the scan.', error?.message ?? null);
      this.#fail(fault);
    });
    // Without a listener an 'error' event would crash the process; the close handler does the rest.
    port.on('error', (error: Error) =>
      this.#fail(new ObdError('adapter-error', 'The serial port reported an error.', error.message)),
    );
  }

  /** Opens the port; an OS error becomes a fault an advisor understands. */
  static async open(options: Elm327LinkOptions): Promise<Elm327Link> {
    const binding = options.binding ?? (await import('serialport')).SerialPort.binding;
    const port = new SerialPortStream({
      binding,
      path: options.path,
      baudRate: options.baudRate ?? 38400,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) =>
      port.open((error) => (error ? reject(openFault(options.path, error)) : resolve())),
    );
    return new Elm327Link(port, options.path);
  }

  /**
   * Sends one command and resolves with the reply's text before the prompt. Commands queue, so
   * a reply can never be read as another command's.
   */
  send(command: string, timeoutMs: number): Promise<string> {
    const run = this.#queue.then(() => this.#sendNow(command, timeoutMs));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #sendNow(command: string, timeoutMs: number): Promise<string> {
    if (this.#broken) return Promise.reject(this.#broken);
    this.#buffer = '';
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A late reply would be taken for the next command's: the line is done for this scan.
        this.#fail(
          new ObdError(
            'timeout',
            `The OBD adapter did not answer "${command}" within ${Math.round(timeoutMs / 100) / 10} s.`,
            this.#buffer.trim() || null,
          ),
        );
      }, timeoutMs);
      this.#pending = { resolve, reject, timer, command };
      this.port.write(`${command}\r`, (error) => {
        if (error) this.#fail(new ObdError('unplugged', 'Writing to the OBD adapter failed.', error.message));
      });
    });
  }

  #receive(text: string): void {
    this.#buffer += text;
    const at = this.#buffer.indexOf(PROMPT);
    if (at === -1 || this.#pending === null) return;
    const reply = this.#buffer.slice(0, at);
    this.#buffer = this.#buffer.slice(at + 1);
    const pending = this.#pending;
    this.#pending = null;
    clearTimeout(pending.timer);
    pending.resolve(reply);
  }

  #fail(error: ObdError): void {
    this.#broken ??= error;
    const pending = this.#pending;
    this.#pending = null;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
  }

  /** Closes the port (idempotent; a port already gone is fine). */
  async close(): Promise<void> {
    this.#fail(new ObdError('unplugged', 'The scan was closed.'));
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}

/** The OS's (or binding's) open error as a fault: nothing there, someone else has it, not allowed. */
export function openFault(path: string, error: Error): ObdError {
  const text = error.message;
  if (/ENOENT|No such file|does not exist|cannot find|File not found/i.test(text))
    return new ObdError('no-adapter', `No OBD adapter at ${path}: is it plugged in?`, text);
  if (/lock|busy|EBUSY|Resource temporarily unavailable|Access denied/i.test(text))
    return new ObdError('port-busy', `The serial port ${path} is in use by another program or scan.`, text);
  if (/EACCES|Permission denied/i.test(text))
    return new ObdError(
      'permission',
      `ASE may not open ${path} (on Linux, add its user to the dialout group).`,
      text,
    );
  return new ObdError('no-adapter', `The serial port ${path} could not be opened.`, text);
}
