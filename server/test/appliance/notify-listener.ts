import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface NotifyMessage {
  /** The datagram's text, e.g. "READY=1\nSTATUS=...". */
  message: string;
  /** The sender's pid from SCM_CREDENTIALS. */
  pid: number | null;
  /** File descriptors passed along (BARRIER=1 carries one). */
  fds: number;
}

/**
 * A stand-in for systemd's notification socket: a real AF_UNIX SOCK_DGRAM socket (Python, since
 * Node has none) that records every datagram and closes passed descriptors the way the manager
 * does, which is what releases systemd-notify's BARRIER=1 wait.
 */
const LISTENER = String.raw`
import array, json, os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
s.bind(sys.argv[1])
print(json.dumps({"listening": True}), flush=True)
while True:
    data, anc, _flags, _addr = s.recvmsg(65536, socket.CMSG_SPACE(64 * 4) + socket.CMSG_SPACE(12))
    fds, pid = [], None
    for level, kind, cdata in anc:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            a = array.array("i")
            a.frombytes(cdata[: len(cdata) - len(cdata) % a.itemsize])
            fds.extend(a)
        elif level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
            pid = int.from_bytes(cdata[0:4], sys.byteorder)
    print(json.dumps({"message": data.decode(), "pid": pid, "fds": len(fds)}), flush=True)
    for fd in fds:
        os.close(fd)
`;

export interface NotifyListener {
  socketPath: string;
  messages: NotifyMessage[];
  /** Resolves with the first message (already received or still to come) matching `test`. */
  waitFor(test: (m: NotifyMessage) => boolean, timeoutMs?: number): Promise<NotifyMessage>;
  stop(): Promise<void>;
}

export async function startNotifyListener(): Promise<NotifyListener> {
  const dir = mkdtempSync(join(tmpdir(), 'ase-notify-'));
  const socketPath = join(dir, 'notify.sock');
  const child: ChildProcessWithoutNullStreams = spawn('python3', ['-c', LISTENER, socketPath]);
  const messages: NotifyMessage[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const listening = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`notify listener exited (${code}): ${stderr}`)));
    lines.on('line', (line) => {
      const parsed = JSON.parse(line) as { listening?: boolean } & NotifyMessage;
      if (parsed.listening) return resolve();
      messages.push({ message: parsed.message, pid: parsed.pid, fds: parsed.fds });
      for (const wake of waiters) wake();
    });
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
  try {
    await listening;
  } finally {
    clearTimeout(timeout);
  }

  return {
    socketPath,
    messages,
    waitFor(test, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = messages.find(test);
          if (found === undefined) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(found);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no such notification within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        if (!check()) waiters.add(wake);
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
