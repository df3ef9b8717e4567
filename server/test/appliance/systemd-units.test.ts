import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseUnit, prepareVerifyRoot, REPO, unitValues, verifyUnits } from './appliance-helpers.js';

const UNITS = ['ase.service', 'ase-tunnel.service', 'ase-tunnel.path', 'ase-tunnel-reload.service'];
const unitText = (name: string) => readFileSync(join(REPO, 'systemd', name), 'utf8');
const unit = (name: string) => parseUnit(unitText(name));
const one = (name: string, section: string, key: string) => unitValues(unit(name), section, key).join('\n');

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function scratchRootWith(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'ase-units-'));
  mkdirSync(join(root, 'etc/systemd/system'), { recursive: true });
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(root, 'etc/systemd/system', name), text);
  prepareVerifyRoot(root);
  return root;
}

describe('systemd/ units', () => {
  it('pass systemd-analyze verify', () => {
    const scratch = scratchRootWith(Object.fromEntries(UNITS.map((u) => [u, unitText(u)])));
    const result = verifyUnits(scratch, UNITS);
    expect(result.output.trim(), result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('the verify check does catch a broken unit (an unknown key, a bad value)', () => {
    const broken = unitText('ase.service')
      .replace('Restart=on-failure', 'Restart=sometimes')
      .replace('PrivateTmp=yes', 'PrivateTmp=yes\nProtectEverything=yes');
    const scratch = scratchRootWith({ 'ase.service': broken });
    const result = verifyUnits(scratch, ['ase.service']);
    expect(result.output).toContain('sometimes');
    expect(result.output).toContain('ProtectEverything');
  });

  it('ase.service: notify + watchdog, restart on failure, user ase, config and data where the installer puts them', () => {
    const s = (key: string) => one('ase.service', 'Service', key);
    expect(s('Type')).toBe('notify');
    expect(s('NotifyAccess')).toBe('all'); // systemd-notify is a child of the server
    expect(Number.parseInt(s('WatchdogSec'), 10)).toBeGreaterThan(0);
    expect(s('Restart')).toBe('on-failure');
    expect(s('RestartSec')).not.toBe('');
    expect(s('KillMode')).toBe('control-group'); // stops Litestream with the server
    expect(s('User')).toBe('ase');
    expect(s('SupplementaryGroups')).toBe('dialout');
    expect(s('EnvironmentFile')).toBe('/etc/ase/ase.env');
    expect(s('StateDirectory')).toBe('ase');
    expect(s('WorkingDirectory')).toBe('/opt/ase/app');
    // The program the unit starts is this repository's entry point as the installer compiles it
    // (tsconfig.build.json: server/src/*.ts -> dist/server/src/*.js under /opt/ase/app).
    const exec = s('ExecStart').split(' ');
    expect(exec).toEqual(['/usr/bin/node', '/opt/ase/app/dist/server/src/main.js']);
    expect(existsSync(join(REPO, 'server/src/main.ts'))).toBe(true);
    const installer = readFileSync(join(REPO, 'installer/install.sh'), 'utf8');
    expect(installer).toContain('tsc -p tsconfig.build.json');
  });

  it('ase.service is hardened but keeps what Node, Litestream and serial devices need', () => {
    const s = (key: string) => one('ase.service', 'Service', key);
    for (const [key, value] of [
      ['NoNewPrivileges', 'yes'],
      ['ProtectSystem', 'strict'],
      ['ProtectHome', 'yes'],
      ['PrivateTmp', 'yes'],
      ['CapabilityBoundingSet', ''],
      ['LockPersonality', 'yes'],
      ['SystemCallFilter', '@system-service'],
      ['RestrictAddressFamilies', 'AF_UNIX AF_INET AF_INET6 AF_NETLINK'],
      ['DevicePolicy', 'closed'],
    ])
      expect(s(key!), key).toBe(value);
    expect(unitValues(unit('ase.service'), 'Service', 'DeviceAllow')).toEqual(
      expect.arrayContaining(['char-ttyUSB rw', 'char-ttyACM rw']),
    );
    // NAS/USB replicas are mounted there; everything else stays read-only.
    expect(s('ReadWritePaths')).toBe('-/mnt -/media -/srv');
    // V8's JIT needs W+X memory; PrivateDevices would hide /dev/ttyUSB*.
    expect(unitValues(unit('ase.service'), 'Service', 'MemoryDenyWriteExecute')).toEqual([]);
    expect(unitValues(unit('ase.service'), 'Service', 'PrivateDevices')).toEqual([]);
  });

  it('the tunnel runs cloudflared on the token file the server writes, and restarts when it changes', () => {
    const token = '/var/lib/ase/tunnel/cloudflared.env';
    expect(one('ase-tunnel.service', 'Unit', 'ConditionPathExists')).toBe(token);
    expect(one('ase-tunnel.service', 'Service', 'EnvironmentFile')).toBe(token);
    expect(one('ase-tunnel.service', 'Service', 'ExecStart')).toBe(
      '/usr/bin/cloudflared tunnel --no-autoupdate --metrics 127.0.0.1:20241 run',
    );
    expect(one('ase-tunnel.service', 'Service', 'DynamicUser')).toBe('yes');
    expect(one('ase-tunnel.service', 'Service', 'NoNewPrivileges')).toBe('yes');
    expect(one('ase-tunnel.path', 'Path', 'PathChanged')).toBe(token);
    expect(one('ase-tunnel.path', 'Path', 'Unit')).toBe('ase-tunnel-reload.service');
    expect(one('ase-tunnel-reload.service', 'Service', 'Type')).toBe('oneshot');
    expect(one('ase-tunnel-reload.service', 'Service', 'ExecStart')).toBe(
      '/usr/bin/systemctl restart ase-tunnel.service',
    );
  });
});

describe('installer/99-ase-serial.rules', () => {
  const rules = readFileSync(join(REPO, 'installer/99-ase-serial.rules'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));

  it('gives ttyUSB/ttyACM to dialout and names the common USB-serial chips', () => {
    expect(rules).toContain('SUBSYSTEM=="tty", KERNEL=="ttyUSB[0-9]*", GROUP="dialout", MODE="0660"');
    expect(rules).toContain('SUBSYSTEM=="tty", KERNEL=="ttyACM[0-9]*", GROUP="dialout", MODE="0660"');
    for (const vendor of ['0403', '1a86', '10c4', '067b'])
      // FTDI, CH340, CP210x, PL2303
      expect(
        rules.some((r) => r.includes(`ENV{ID_VENDOR_ID}=="${vendor}"`) && r.includes('SYMLINK+="ase/')),
        vendor,
      ).toBe(true);
  });

  it('every rule is a list of well-formed KEY op "value" pairs', () => {
    const pair = /^[A-Z_]+(\{[A-Za-z_]+\})?(==|!=|\+=|=|:=)"[^"]*"$/;
    for (const rule of rules) for (const part of rule.split(/,\s*/)) expect(part, rule).toMatch(pair);
  });
});
