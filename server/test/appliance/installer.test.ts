import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareVerifyRoot, REPO, runProgram, verifyUnits } from './appliance-helpers.js';

const UNITS = ['ase.service', 'ase-tunnel.service', 'ase-tunnel.path', 'ase-tunnel-reload.service'];
const SCRIPTS = readdirSync(join(REPO, 'installer')).filter((f) => f.endsWith('.sh'));

function mode(path: string): string {
  return (statSync(path).mode & 0o7777).toString(8).padStart(4, '0');
}

function install(root: string, ...args: string[]) {
  return runProgram('bash', [join(REPO, 'installer/install.sh'), '--root', root, ...args]);
}

function uninstall(root: string, ...args: string[]) {
  return runProgram('bash', [join(REPO, 'installer/uninstall.sh'), '--root', root, ...args]);
}

/** Where each dry-run command appears in the output (-1 when missing). */
function commandIndex(output: string, command: string): number {
  return output.split('\n').findIndex((line) => line.startsWith(`[dry-run] ${command}`));
}

describe('installer/*.sh', () => {
  it.each(SCRIPTS)('%s is shellcheck clean', (script) => {
    const result = runProgram('shellcheck', [
      '--shell=bash',
      '--external-sources',
      join('installer', script),
    ]);
    expect(result.output.trim(), result.output).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('install.sh / uninstall.sh in a scratch root (dry run: no real /etc, /opt or systemd)', () => {
  let root: string;
  const realPaths = ['/etc/ase', '/opt/ase', '/var/lib/ase', '/etc/systemd/system/ase.service'];
  const realBefore = realPaths.map((p) => existsSync(p));

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ase-install-root-'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    // Nothing of the host system was created (or removed) by any run.
    expect(realPaths.map((p) => existsSync(p))).toEqual(realBefore);
  });

  it('a first install lands every file where it belongs, with its mode, and prints the system commands', () => {
    const result = install(root, '--port', '8181');
    expect(result.status, result.output).toBe(0);
    const out = result.stdout;

    // The app: the checkout's sources, without dependencies, build output or local data.
    const app = join(root, 'opt/ase/app');
    for (const file of [
      'package.json',
      'package-lock.json',
      'server/src/main.ts',
      'ui/src',
      'systemd/ase.service',
    ])
      expect(existsSync(join(app, file)), file).toBe(true);
    for (const file of ['node_modules', 'data', '.git', 'test-results', 'ui/build'])
      expect(existsSync(join(app, file)), file).toBe(false);
    expect(mode(join(app, 'server/src/main.ts'))).toBe('0644');
    expect(mode(join(app, 'server'))).toBe('0755');
    expect(existsSync(join(root, 'opt/ase/app.new'))).toBe(false);

    // Units and udev rules, byte for byte, world-readable and not writable.
    for (const unit of UNITS) {
      const installed = join(root, 'etc/systemd/system', unit);
      expect(readFileSync(installed, 'utf8')).toBe(readFileSync(join(REPO, 'systemd', unit), 'utf8'));
      expect(mode(installed), unit).toBe('0644');
    }
    const rules = join(root, 'etc/udev/rules.d/99-ase-serial.rules');
    expect(readFileSync(rules, 'utf8')).toBe(
      readFileSync(join(REPO, 'installer/99-ase-serial.rules'), 'utf8'),
    );
    expect(mode(rules)).toBe('0644');

    // Config: readable by root and the ase group only (it may hold secrets later).
    const env = readFileSync(join(root, 'etc/ase/ase.env'), 'utf8');
    expect(env).toMatch(/^ASE_DATA_DIR=\/var\/lib\/ase$/m);
    expect(env).toMatch(/^ASE_PORT=8181$/m);
    expect(mode(join(root, 'etc/ase/ase.env'))).toBe('0640');
    expect(mode(join(root, 'etc/ase'))).toBe('0750');
    for (const dir of ['var/lib/ase', 'var/lib/ase/backups']) expect(mode(join(root, dir)), dir).toBe('0750');
    expect(mode(join(root, 'var/lib/ase/tunnel'))).toBe('0700'); // holds the tunnel token

    // What needs a real system is printed, in order, not run.
    for (const command of [
      'useradd --system --user-group --groups dialout',
      'chown ase:ase /var/lib/ase',
      'chown root:ase /etc/ase/ase.env',
      '(cd /opt/ase/app.new && /usr/bin/npm ci',
      '(cd /opt/ase/app.new && /usr/bin/npm run build:ui)',
      '(cd /opt/ase/app.new && node_modules/.bin/tsc -p tsconfig.build.json --sourceMap false',
      '(cd /opt/ase/app.new && /usr/bin/npm prune --omit=dev',
      'systemctl daemon-reload',
      'udevadm control --reload-rules',
      'systemctl enable ase.service ase-tunnel.service ase-tunnel.path',
      'systemctl restart ase.service',
      'wait for http://127.0.0.1:8181/api/health',
    ])
      expect(commandIndex(out, command), `${command}\n${out}`).toBeGreaterThanOrEqual(0);
    // typescript is a dev dependency: the server must be compiled before the prune removes it.
    expect(commandIndex(out, '(cd /opt/ase/app.new && node_modules/.bin/tsc')).toBeLessThan(
      commandIndex(out, '(cd /opt/ase/app.new && /usr/bin/npm prune'),
    );
    expect(commandIndex(out, 'systemctl daemon-reload')).toBeLessThan(
      commandIndex(out, 'systemctl restart ase.service'),
    );
    expect(commandIndex(out, 'systemctl stop ase.service')).toBe(-1); // nothing to stop on a first install
    expect(out).toMatch(/http:\/\/[^\s]+:8181/);
  });

  it('a second run upgrades in place: keeps ase.env and the data, backs the database up before the new version starts', () => {
    // A real database (WAL mode, as the server keeps it) and a photo in the data dir.
    const data = join(root, 'var/lib/ase');
    const db = new BetterSqlite3(join(data, 'ase.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO customers (name) VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run(`customer ${i}`);
    db.close();
    mkdirSync(join(data, 'media/ab'), { recursive: true });
    writeFileSync(join(data, 'media/ab/abcdef'), 'photo bytes');
    // The owner changed the config; old upgrade copies pile up (only the newest 5 are kept).
    const envPath = join(root, 'etc/ase/ase.env');
    const customEnv = `${readFileSync(envPath, 'utf8')}ASE_LOG_LEVEL=debug\n`;
    writeFileSync(envPath, customEnv);
    for (let i = 0; i < 6; i++) {
      const old = join(data, `backups/ase-before-upgrade-0.0.${i}-2020010${i}T000000Z.db`);
      writeFileSync(old, 'old copy');
      utimesSync(old, new Date(2020, 0, i + 1), new Date(2020, 0, i + 1));
    }
    writeFileSync(join(data, 'backups/ase-20200101-before-0016.db'), 'the server’s own migration copy');
    writeFileSync(join(root, 'opt/ase/app/OLD-VERSION-MARKER'), '');

    const result = install(root, '--port', '9999');
    expect(result.status, result.output).toBe(0);
    const out = result.stdout;

    expect(readFileSync(envPath, 'utf8')).toBe(customEnv); // kept, --port ignored for an existing config
    expect(out).toContain('Keeping the configuration in /etc/ase/ase.env');
    expect(out).toContain('Upgrading from 0.1.0 to 0.1.0');
    expect(readFileSync(join(data, 'media/ab/abcdef'), 'utf8')).toBe('photo bytes');
    const live = new BetterSqlite3(join(data, 'ase.db'), { readonly: true });
    expect(live.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(500);
    live.close();

    // The backup is a consistent SQLite copy with every row, taken after the stop and before the start.
    const backups = readdirSync(join(data, 'backups'));
    const fresh = backups.filter((f) => /^ase-before-upgrade-0\.1\.0-\d{8}T\d{6}Z\.db$/.test(f));
    expect(fresh, backups.join(', ')).toHaveLength(1);
    const copy = new BetterSqlite3(join(data, 'backups', fresh[0]!), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(500);
    expect(copy.prepare('SELECT name FROM customers WHERE id = 500').pluck().get()).toBe('customer 499');
    copy.close();
    expect(backups.filter((f) => /-(wal|shm)$/.test(f))).toEqual([]); // one self-contained file
    expect(backups.filter((f) => f.startsWith('ase-before-upgrade-'))).toHaveLength(5);
    expect(backups).not.toContain('ase-before-upgrade-0.0.0-20200100T000000Z.db'); // the oldest went
    expect(backups).toContain('ase-20200101-before-0016.db'); // the server's copies are not the installer's
    expect(commandIndex(out, 'systemctl stop ase.service')).toBeGreaterThanOrEqual(0);
    expect(out.indexOf('systemctl stop ase.service')).toBeLessThan(out.indexOf('Backing up the database'));
    expect(out.indexOf('Backing up the database')).toBeLessThan(out.indexOf('systemctl restart ase.service'));

    // The new version replaced the old one, which stays beside it for a rollback.
    expect(existsSync(join(root, 'opt/ase/app/OLD-VERSION-MARKER'))).toBe(false);
    expect(existsSync(join(root, 'opt/ase/app.prev/OLD-VERSION-MARKER'))).toBe(true);
    expect(existsSync(join(root, 'opt/ase/app/server/src/main.ts'))).toBe(true);
  });

  it('the installed units pass systemd-analyze verify in the scratch root', () => {
    prepareVerifyRoot(root);
    const result = verifyUnits(root, UNITS);
    expect(result.output.trim(), result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('uninstall removes the app, units and rules but keeps the data and the config', () => {
    const result = uninstall(root);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(root, 'opt/ase'))).toBe(false);
    for (const unit of UNITS) expect(existsSync(join(root, 'etc/systemd/system', unit)), unit).toBe(false);
    expect(existsSync(join(root, 'etc/udev/rules.d/99-ase-serial.rules'))).toBe(false);
    expect(existsSync(join(root, 'var/lib/ase/ase.db'))).toBe(true);
    expect(existsSync(join(root, 'var/lib/ase/media/ab/abcdef'))).toBe(true);
    expect(existsSync(join(root, 'etc/ase/ase.env'))).toBe(true);
    expect(commandIndex(result.stdout, 'systemctl disable --now')).toBeGreaterThanOrEqual(0);
    expect(commandIndex(result.stdout, 'userdel')).toBe(-1);
  });

  it('uninstall --purge also removes the data, the config and the ase user', () => {
    const result = uninstall(root, '--purge');
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(root, 'var/lib/ase'))).toBe(false);
    expect(existsSync(join(root, 'etc/ase'))).toBe(false);
    expect(commandIndex(result.stdout, 'userdel ase')).toBeGreaterThanOrEqual(0);
  });

  it('refuses bad options with a clear message', () => {
    const badPort = install(root, '--port', '99999');
    expect(badPort.status).not.toBe(0);
    expect(badPort.stderr).toContain('--port must be 1-65535');
    const unknown = uninstall(root, '--everything');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('unknown option: --everything');
  });
});
