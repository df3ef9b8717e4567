import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * The shop-floor bench runs what it measures as separate processes, as a shop runs them: ASE
 * (`server/src/main.ts`), Debian's mosquitto as the baseline broker, and the load generator
 * (mqtt-load.ts). Everything listens on 127.0.0.1 only.
 */

const HOST = '127.0.0.1';
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MOSQUITTO_PATHS = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'];

/** A port the kernel just handed out and released: free unless something races for it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  pid: number;
  close: () => Promise<void>;
}

/** Resident set size of a process in MB, from /proc (Linux: the appliance's OS). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (match === null) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** The median of `samples` RSS readings taken `intervalMs` apart: one reading jumps with the GC. */
export async function settledRssMb(pid: number, samples = 7, intervalMs = 300): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    readings.push(rssMb(pid));
    await delay(intervalMs);
  }
  readings.sort((a, b) => a - b);
  return readings[Math.floor(readings.length / 2)]!;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await delay(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface AseProcess extends ChildServer {
  baseUrl: string;
  mqttUrl: string;
}

/** ASE as `npm start` runs it (one Node process), on a fresh data folder removed on close. */
export async function startAseProcess(): Promise<AseProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ase-bench-floor-'));
  const [httpPort, mqttPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ASE_DATA_DIR: dataDir,
      ASE_HOST: HOST,
      ASE_PORT: String(httpPort),
      ASE_HTTPS_PORT: '0',
      ASE_MQTT_HOST: HOST,
      ASE_MQTT_PORT: String(mqttPort),
      ASE_MQTT_TLS_PORT: '0',
      // The per-device flood limit (20/s) would measure the limit, not the broker: the throughput
      // run sends thousands a second from each bench device. Everything else is as shipped.
      ASE_MQTT_DEVICE_MESSAGES_PER_SECOND: '100000',
      ASE_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://${HOST}:${httpPort}`;
  const close = async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntil(
      'ASE to answer /api/health',
      async () => (await fetch(`${baseUrl}/api/health`)).ok,
      60_000,
    );
    // The broker binds after the HTTP listener; a refused MQTT connect would fail the first run.
    await waitUntil('ASE broker to listen', () => portAccepts(mqttPort), 20_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { pid: child.pid!, baseUrl, mqttUrl: `mqtt://${HOST}:${mqttPort}`, close };
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, HOST);
  });
}

export function mosquittoPath(): string | null {
  for (const path of MOSQUITTO_PATHS) {
    if (existsSync(path)) return path;
  }
  return null;
}

/** Debian's mosquitto (apt does not start it): anonymous, no persistence, loopback only. */
export async function startMosquitto(): Promise<ChildServer & { mqttUrl: string }> {
  const binary = mosquittoPath();
  if (binary === null) throw new Error('mosquitto is not installed (apt-get install mosquitto)');
  const dir = mkdtempSync(join(tmpdir(), 'ase-bench-mosquitto-'));
  const port = await freePort();
  const configPath = join(dir, 'mosquitto.conf');
  writeFileSync(
    configPath,
    [`listener ${port} ${HOST}`, 'allow_anonymous true', 'persistence false', 'log_dest none', ''].join('\n'),
  );
  const child = spawn(binary, ['-c', configPath], { stdio: ['ignore', 'ignore', 'inherit'] });
  const close = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil('mosquitto to listen', () => portAccepts(port), 10_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { pid: child.pid!, mqttUrl: `mqtt://${HOST}:${port}`, close };
}

/**
 * The load generator in its own process. It reads one JSON request on stdin and writes JSON lines:
 * `{"ready":…}` when it holds its connections (for memory readings), then `{"result":…}`.
 * `onReady` runs while the generator waits; its return releases it.
 */
export async function runLoadGenerator<R>(
  request: unknown,
  onReady: (ready: unknown) => Promise<void> = async () => {},
): Promise<R> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/bench/floor/mqtt-load.ts'], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.write(JSON.stringify(request) + '\n');
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    for await (const line of lines) {
      const message = JSON.parse(line) as { ready?: unknown; result?: R; error?: string };
      if (message.error !== undefined) throw new Error(`load generator: ${message.error}`);
      if (message.ready !== undefined) {
        await onReady(message.ready);
        child.stdin.write('release\n');
      }
      if (message.result !== undefined) return message.result;
    }
    throw new Error(`load generator exited (${await exited}) without a result`);
  } finally {
    await stopChild(child);
  }
}
