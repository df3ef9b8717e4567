import { readFileSync } from 'node:fs';
import { SerialPortMock } from 'serialport';
import type { SerialBinding } from './elm327-link.js';

/** binding-mock's registry, reached through serialport's own (typed) re-export. */
export const MockBinding = SerialPortMock.binding;
type MockPortBinding = Awaited<ReturnType<typeof MockBinding.open>>;

/**
 * An ELM327 played back from a transcript (devices/obd/transcripts/*.txt) on
 * @serialport/binding-mock, for tests: each command the driver writes is checked against the
 * transcript's next "> COMMAND" line and answered with the lines under it, CR-separated and
 * followed by the adapter's prompt. SerialPortMock has no write hook, so the opened mock port's
 * `write` is wrapped. Two directives: `!unplug` (the port dies, as when the USB plug is pulled)
 * and `!silent` (no answer at all).
 */

export interface TranscriptStep {
  command: string;
  reply: string[];
}

export function parseTranscript(text: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.startsWith('> ')) steps.push({ command: line.slice(2).trim(), reply: [] });
    else if (steps.length > 0) steps.at(-1)!.reply.push(line);
  }
  // The file's last newline is not a blank reply line.
  for (const step of steps) while (step.reply.at(-1) === '') step.reply.pop();
  return steps;
}

export function readTranscript(name: string): TranscriptStep[] {
  return parseTranscript(readFileSync(new URL(`./transcripts/${name}`, import.meta.url), 'utf8'));
}

export interface TranscriptAdapter {
  /** Pass to the driver (or the app's tuning) as its serialport binding. */
  binding: SerialBinding;
  /** Every command the driver sent, in order. */
  sent: string[];
  /** Commands that did not match the transcript (a test expects none). */
  unexpected: string[];
}

/**
 * Registers a mock port at `path` whose adapter follows `steps`. MockBinding is one registry per
 * process: call `MockBinding.reset()` after each test.
 */
export function transcriptAdapter(path: string, steps: readonly TranscriptStep[]): TranscriptAdapter {
  MockBinding.createPort(path, { echo: false, record: false });
  const sent: string[] = [];
  const unexpected: string[] = [];
  let next = 0;

  const attach = (port: MockPortBinding) => {
    let line = '';
    const write = port.write.bind(port);
    port.write = async (buffer: Buffer) => {
      await write(buffer);
      line += buffer.toString('latin1');
      for (let cr = line.indexOf('\r'); cr !== -1; cr = line.indexOf('\r')) {
        const command = line.slice(0, cr).trim();
        line = line.slice(cr + 1);
        sent.push(command);
        const step = steps[next];
        if (step === undefined || step.command !== command) {
          unexpected.push(command);
          setImmediate(() => port.isOpen && port.emitData('?\r\r>'));
          continue;
        }
        next++;
        setImmediate(() => answer(port, step.reply));
      }
    };
  };

  const binding: SerialBinding = {
    list: () => MockBinding.list(),
    open: async (options) => {
      const port = await MockBinding.open(options);
      attach(port);
      return port;
    },
  };
  return { binding, sent, unexpected };
}

function answer(port: MockPortBinding, reply: readonly string[]): void {
  if (!port.isOpen) return;
  const directive = reply.findIndex((line) => line.startsWith('!'));
  const lines = directive === -1 ? reply : reply.slice(0, directive);
  if (lines.length > 0) port.emitData(`${lines.join('\r')}\r`);
  if (directive === -1) return port.emitData('\r>');
  if (reply[directive] === '!unplug') unplug(port, 10);
  // '!silent': nothing more, ever.
}

/**
 * The OS's view of a pulled USB adapter: the read in progress fails with an I/O error, and the
 * serialport stream closes itself with a "disconnected" error.
 */
function unplug(port: MockPortBinding, triesLeft: number): void {
  const internal = port as unknown as { pendingRead: ((error?: Error) => void) | null };
  const pending = internal.pendingRead;
  if (pending === null) {
    if (triesLeft > 0) setImmediate(() => unplug(port, triesLeft - 1));
    return;
  }
  internal.pendingRead = null;
  pending(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
}
