import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SystemdNotifier, type NotifyLogger } from '../../src/lib/systemd-notify.js';
import { startNotifyListener, type NotifyListener } from './notify-listener.js';

const REPO = join(import.meta.dirname, '../../..');

function recordingLogger(): NotifyLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (_obj, msg) => void lines.push(`warn: ${msg}`),
    error: (_obj, msg) => void lines.push(`error: ${msg}`),
  };
}

let listener: NotifyListener | undefined;
afterEach(async () => {
  await listener?.stop();
  listener = undefined;
});

describe('SystemdNotifier (sd_notify through the systemd-notify binary)', () => {
  it('does nothing at all outside systemd (no NOTIFY_SOCKET)', async () => {
    const logger = recordingLogger();
    let checks = 0;
    const notifier = new SystemdNotifier({
      env: { WATCHDOG_USEC: '20000' },
      logger,
      command: '/nonexistent/systemd-notify', // would log an error if it were ever run
      healthCheck: async () => ++checks > 0,
    });
    expect(notifier.enabled).toBe(false);
    expect(notifier.watchdogIntervalMs).toBeNull();
    await notifier.ready('up');
    await notifier.status('still up');
    await notifier.stopping();
    await notifier.close();
    expect(checks).toBe(0);
    expect(logger.lines).toEqual([]);
  });

  it('sends READY=1 with a one-line status, then WATCHDOG=1 only while healthy, then STOPPING=1', async () => {
    listener = await startNotifyListener();
    const logger = recordingLogger();
    // Healthy, healthy, failing (false), failing (throws), healthy: exactly 3 pings must arrive.
    const script: Array<boolean | Error> = [true, true, false, new Error('database is locked'), true];
    let calls = 0;
    let scriptDone!: () => void;
    const done = new Promise<void>((resolve) => (scriptDone = resolve));
    let releaseLast!: (healthy: boolean) => void;
    const notifier = new SystemdNotifier({
      env: { NOTIFY_SOCKET: listener.socketPath, WATCHDOG_USEC: '40000', PATH: process.env.PATH },
      logger,
      healthCheck: () => {
        const step = script[calls++];
        if (step === undefined) {
          // Checks run one at a time, so every earlier ping has been delivered by now; hold this
          // one open so no further check starts while the test counts.
          scriptDone();
          return new Promise<boolean>((resolve) => (releaseLast = resolve));
        }
        return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
      },
    });
    expect(notifier.enabled).toBe(true);
    expect(notifier.watchdogIntervalMs).toBe(20); // WATCHDOG_USEC / 2

    await notifier.ready('ASE is ready\non port 8080');
    await listener.waitFor((m) => m.message.startsWith('READY=1'));
    await done;
    await notifier.stopping();
    await listener.waitFor((m) => m.message === 'STOPPING=1');
    releaseLast(true); // a check that ends after STOPPING=1 must not ping
    await notifier.close();

    const sent = listener.messages.map((m) => m.message).filter((m) => m !== 'BARRIER=1');
    expect(sent[0]).toBe('READY=1\nSTATUS=ASE is ready on port 8080');
    expect(sent.filter((m) => m === 'WATCHDOG=1')).toHaveLength(3);
    expect(sent.at(-1)).toBe('STOPPING=1');
    expect(sent).toHaveLength(5);
    // Each send waited for the manager (BARRIER=1 carries a pipe the listener closed): that
    // synchronisation is what lets systemd attribute a short-lived child's message to ase.service.
    const barriers = listener.messages.filter((m) => m.message === 'BARRIER=1');
    expect(barriers).toHaveLength(5);
    expect(barriers.every((b) => b.fds === 1)).toBe(true);
    expect(logger.lines).toEqual([
      'error: health check failing; watchdog pings withheld',
      'warn: health check passes again; watchdog pings resume',
    ]);
  });

  it('sends no watchdog pings when the watchdog belongs to another process (WATCHDOG_PID)', async () => {
    listener = await startNotifyListener();
    let checks = 0;
    const notifier = new SystemdNotifier({
      env: { NOTIFY_SOCKET: listener.socketPath, WATCHDOG_USEC: '20000', WATCHDOG_PID: '1' },
      pid: 4242,
      logger: recordingLogger(),
      healthCheck: async () => ++checks > 0,
    });
    expect(notifier.watchdogIntervalMs).toBeNull();
    await notifier.ready();
    await notifier.stopping();
    await notifier.close();
    expect(checks).toBe(0);
    expect(listener.messages.map((m) => m.message).filter((m) => m !== 'BARRIER=1')).toEqual([
      'READY=1',
      'STOPPING=1',
    ]);
  });

  it('logs a failed send and keeps going (the server must not die for a lost notification)', async () => {
    const logger = recordingLogger();
    const notifier = new SystemdNotifier({
      env: { NOTIFY_SOCKET: '/nonexistent/notify.sock' },
      logger,
      healthCheck: async () => true,
    });
    await notifier.ready('up'); // the real binary, a socket that is not there
    await notifier.stopping();
    expect(logger.lines).toEqual(['error: sd_notify failed', 'error: sd_notify failed']);
  });

  it('the real server notifies READY=1 after listening, pings the watchdog, and STOPPING=1 on SIGTERM', async () => {
    listener = await startNotifyListener();
    const dataDir = mkdtempSync(join(tmpdir(), 'ase-notify-server-'));
    const server = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'server/src/main.ts')], {
      cwd: REPO,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ASE_DATA_DIR: dataDir,
        ASE_HOST: '127.0.0.1',
        ASE_PORT: '0',
        ASE_HTTPS_PORT: '0', // LAN HTTPS off: a fixed port could be taken by a parallel test
        ASE_MQTT_PORT: '0', // the shop floor's broker too, for the same reason
        ASE_MQTT_TLS_PORT: '0',
        ASE_LOG_LEVEL: 'warn',
        ASE_UI_DIR: dataDir,
        NOTIFY_SOCKET: listener.socketPath,
        WATCHDOG_USEC: '400000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const guard = setTimeout(() => server.kill('SIGKILL'), 150_000);
    try {
      const ready = await listener.waitFor((m) => m.message.startsWith('READY=1'), 120_000);
      expect(ready.message).toContain(`STATUS=ASE is ready, data in ${dataDir}`);
      await listener.waitFor((m) => m.message === 'WATCHDOG=1', 10_000);
      server.kill('SIGTERM');
      await listener.waitFor((m) => m.message === 'STOPPING=1', 20_000);
      expect(await exited).toBe(0);
      const sent = listener.messages.map((m) => m.message).filter((m) => m !== 'BARRIER=1');
      expect(sent.at(-1)).toBe('STOPPING=1');
    } finally {
      clearTimeout(guard);
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
