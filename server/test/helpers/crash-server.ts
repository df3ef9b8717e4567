import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ConfigSchema } from '../../src/config/config.schema.js';
import { serverBundle } from './server-bundle.js';

/**
 * The real ASE server as a child process, for the crash-safety loop: `node <bundle>`, where the
 * bundle is server/src/main.ts built once per test process (server-bundle.ts). One process, no
 * wrapper, so SIGKILL hits the server itself; no tsx loader, so each of the many restarts is quick.
 */
export const ROOT = new URL('../../../', import.meta.url).pathname;

/** A port nobody listens on right now (the lane keeps it for every restart). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class ServerStartError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(`${message}\n--- server output ---\n${output.slice(-4000)}`);
    this.name = 'ServerStartError';
  }
}

export interface CrashServerOptions {
  dataDir: string;
  port: number;
  /** The LAN HTTPS listener's port, when this build has one (each lane needs its own). */
  httpsPort?: number;
  /** Longest wait for /api/health to answer 200. */
  startTimeoutMs?: number;
  /** The JavaScript entry point to run; default: the esbuild bundle of server/src/main.ts. */
  entry?: string;
}

/** user + system CPU milliseconds of a Linux process, from /proc (NaN elsewhere). */
function cpuMsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

/** The promise's value, or 'timeout' after `ms` (the timer is cleared either way). */
export async function raceTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this build's config knows httpsPort (an unknown ASE_* variable stops the start). */
const HAS_HTTPS_PORT = 'httpsPort' in ConfigSchema.properties;
const HAS_MQTT_PORTS = 'mqttPort' in ConfigSchema.properties;

/** pino levels: 50 error, 60 fatal. A clean start logs neither. */
const ERROR_LINE = /"level":(5\d|6\d)/;

/** One run of the server process: start, wait for health, SIGKILL. */
export class CrashServer {
  private child: ChildProcess | undefined;
  private output = '';
  private exitPromise: Promise<number | null> | undefined;
  readonly baseUrl: string;
  /** CPU time (user + system) the process had used when health first answered: start-up cost
   * that, unlike wall time, does not grow when other work shares the cores. */
  startCpuMs = Number.NaN;

  constructor(private readonly options: CrashServerOptions) {
    this.baseUrl = `http://127.0.0.1:${options.port}`;
  }

  get log(): string {
    return this.output;
  }

  /** Lines the server logged at error or fatal level (a clean start has none). */
  errorLines(): string[] {
    return this.output.split('\n').filter((line) => ERROR_LINE.test(line));
  }

  /** Lines at warn level, reported but allowed. */
  warnLines(): string[] {
    return this.output.split('\n').filter((line) => line.includes('"level":40'));
  }

  /** Spawns the server and resolves with the milliseconds until /api/health answered 200. */
  async start(): Promise<number> {
    if (this.child !== undefined) throw new Error('this CrashServer was started already');
    // Built once per test process, not part of a start's time.
    const entry = this.options.entry ?? (await serverBundle());
    const startedAt = performance.now();
    const child = spawn(process.execPath, [entry], {
      cwd: ROOT,
      // Its own process group: the SIGKILL goes to the group, so anything the server started
      // (a Litestream child, say) dies with it and no orphan outlives the test.
      detached: true,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        ASE_HOST: '127.0.0.1',
        ASE_PORT: String(this.options.port),
        ASE_DATA_DIR: this.options.dataDir,
        ASE_LOG_LEVEL: 'warn',
        ...(this.options.httpsPort !== undefined && HAS_HTTPS_PORT
          ? { ASE_HTTPS_PORT: String(this.options.httpsPort) }
          : {}),
        // The shop floor's broker off: its fixed ports (1883, 8883) would collide between lanes.
        ...(HAS_MQTT_PORTS ? { ASE_MQTT_PORT: '0', ASE_MQTT_TLS_PORT: '0' } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exitPromise = new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.once('error', () => resolve(-1));
    });

    const deadline = startedAt + (this.options.startTimeoutMs ?? 60_000);
    while (performance.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new ServerStartError(`server exited during start (code ${child.exitCode})`, this.output);
      try {
        const response = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        const body = await response.text();
        if (response.status === 200) {
          const wallMs = performance.now() - startedAt;
          this.startCpuMs = cpuMsOf(child.pid);
          return wallMs;
        }
        throw new ServerStartError(`/api/health answered ${response.status}: ${body}`, this.output);
      } catch (error) {
        if (error instanceof ServerStartError) throw error;
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new ServerStartError(
      `server did not answer /api/health within ${this.options.startTimeoutMs ?? 60_000} ms`,
      this.output,
    );
  }

  /** SIGKILL to the whole process group, then waits (bounded) until the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === undefined || this.exitPromise === undefined) return;
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is gone already; make sure of the process itself
      }
    }
    if ((await raceTimeout(this.exitPromise, 10_000)) === 'timeout')
      throw new Error(`server pid ${child.pid} did not exit within 10 s of SIGKILL`);
  }

  /** SIGTERM (the graceful stop systemd sends); resolves with the exit code, bounded. */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    const child = this.child;
    if (child === undefined || this.exitPromise === undefined) return null;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const code = await raceTimeout(this.exitPromise, timeoutMs);
    if (code === 'timeout') {
      await this.kill();
      throw new Error(`server did not stop within ${timeoutMs} ms of SIGTERM`);
    }
    return code;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }
}
