import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '../../..');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for failure messages. */
  output: string;
}

/** Runs a program to completion (bounded by a timeout) and returns what it printed. */
export function runProgram(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? REPO,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

/** A systemd unit file as [section] → list of [key, value] (keys may repeat, order kept). */
export function parseUnit(text: string): Map<string, Array<[string, string]>> {
  const sections = new Map<string, Array<[string, string]>>();
  let current: Array<[string, string]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = [];
      sections.set(header[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current === undefined || eq < 0) throw new Error(`not a unit line: ${raw}`);
    current.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  return sections;
}

/** Every value of `key` in `section`. */
export function unitValues(
  unit: Map<string, Array<[string, string]>>,
  section: string,
  key: string,
): string[] {
  return (unit.get(section) ?? []).filter(([k]) => k === key).map(([, v]) => v);
}

/**
 * `systemd-analyze verify --root` resolves units and ExecStart= programs inside the root: give it
 * systemd's own units (targets the ASE units refer to) and stand-ins for the programs a real
 * system has (node and cloudflared come from apt there).
 */
export function prepareVerifyRoot(root: string): void {
  cpSync('/usr/lib/systemd/system', join(root, 'usr/lib/systemd/system'), { recursive: true });
  mkdirSync(join(root, 'usr/bin'), { recursive: true });
  for (const program of ['node', 'cloudflared', 'systemctl'])
    writeFileSync(join(root, 'usr/bin', program), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
}

/** Runs systemd-analyze verify on units installed in root/etc/systemd/system. Silence means valid. */
export function verifyUnits(root: string, units: string[]): RunResult {
  return runProgram('systemd-analyze', ['verify', `--root=${root}`, '--man=no', ...units]);
}
