import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, envNameFor, loadConfig } from '../../src/config/load-config.js';
import { fastifyTrustProxy } from '../../src/lib/network.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ase-config-'));
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('runs on embedded defaults with data in ./data', () => {
    const cwd = tempDir();
    const config = loadConfig({ env: {}, cwd });
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(join(cwd, 'data'));
    expect(config.logLevel).toBe('info');
  });

  it('maps camelCase keys to ASE_ environment names', () => {
    expect(envNameFor('dataDir')).toBe('ASE_DATA_DIR');
    expect(envNameFor('sessionIdleMinutes')).toBe('ASE_SESSION_IDLE_MINUTES');
  });

  it('layers defaults, then the file, then the environment', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'ase.config.json'), JSON.stringify({ port: 9000, logLevel: 'warn' }));
    const config = loadConfig({ env: { ASE_PORT: '9100', ASE_TRUSTED_PROXIES: '10.0.0.1' }, cwd });
    expect(config.port).toBe(9100);
    expect(config.logLevel).toBe('warn');
    expect(config.trustedProxies).toBe('10.0.0.1');
  });

  it('reads the file named by ASE_CONFIG', () => {
    const cwd = tempDir();
    const file = join(cwd, 'elsewhere.json');
    writeFileSync(file, JSON.stringify({ dataDir: '/var/lib/ase' }));
    expect(loadConfig({ env: { ASE_CONFIG: file }, cwd }).dataDir).toBe('/var/lib/ase');
  });

  it('stops on an unknown key in the file, naming it', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'ase.config.json'), JSON.stringify({ prot: 9000 }));
    const error = configError(() => loadConfig({ env: {}, cwd }));
    expect(error.message).toContain('unknown key "prot"');
  });

  it('stops on an unknown ASE_ environment variable, naming it', () => {
    const error = configError(() => loadConfig({ env: { ASE_DATADIR: '/tmp/x' }, cwd: tempDir() }));
    expect(error.message).toContain('ASE_DATADIR');
  });

  it('stops on a bad value, naming the variable and the key', () => {
    const error = configError(() => loadConfig({ env: { ASE_PORT: 'eighty' }, cwd: tempDir() }));
    expect(error.message).toContain('ASE_PORT (config key "port")');
    expect(error.message).toContain('"eighty"');
  });

  it('stops on a value out of range and on a bad enum value in the file', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'ase.config.json'), JSON.stringify({ port: 70000, logLevel: 'loud' }));
    const error = configError(() => loadConfig({ env: {}, cwd }));
    expect(error.issues.some((i) => i.includes('"port"'))).toBe(true);
    expect(error.issues.some((i) => i.includes('"logLevel"'))).toBe(true);
  });

  it('stops on a config file that is not JSON, or missing when named', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'ase.config.json'), '{ port: 1 ');
    expect(configError(() => loadConfig({ env: {}, cwd })).message).toContain('not valid JSON');
    expect(
      configError(() => loadConfig({ env: { ASE_CONFIG: join(cwd, 'nope.json') }, cwd })).message,
    ).toContain('cannot be read');
  });

  it('trusts the tunnel on the box itself by default, and can trust no one', () => {
    const config = loadConfig({ env: {}, cwd: tempDir() });
    expect(config.trustedProxies).toBe('127.0.0.1,::1');
    expect(fastifyTrustProxy(config.trustedProxies)).toEqual(['127.0.0.1', '::1']);
    expect(config.httpsPort).toBe(8443);
    expect(config.tunnelMetricsAddress).toBe('127.0.0.1:20241');
    const none = loadConfig({ env: { ASE_TRUSTED_PROXIES: '' }, cwd: tempDir() });
    expect(fastifyTrustProxy(none.trustedProxies)).toBe(false);
    const ranges = loadConfig({
      env: { ASE_TRUSTED_PROXIES: ' 10.0.0.0/8 , fd00::/8,loopback' },
      cwd: tempDir(),
    });
    expect(fastifyTrustProxy(ranges.trustedProxies)).toEqual(['10.0.0.0/8', 'fd00::/8', 'loopback']);
  });

  it('stops on a trusted proxy that is not an address or CIDR, naming it', () => {
    const error = configError(() =>
      loadConfig({ env: { ASE_TRUSTED_PROXIES: '127.0.0.1,true,10.0.0.0/33' }, cwd: tempDir() }),
    );
    expect(error.message).toContain('ASE_TRUSTED_PROXIES (config key "trustedProxies")');
    expect(error.message).toContain('true, 10.0.0.0/33');
    expect(error.issues).toHaveLength(1);
  });

  it('stops on a tunnel metrics address without a port, and an HTTPS port out of range', () => {
    const error = configError(() =>
      loadConfig({
        env: { ASE_TUNNEL_METRICS_ADDRESS: 'http://127.0.0.1', ASE_HTTPS_PORT: '70000' },
        cwd: tempDir(),
      }),
    );
    expect(error.message).toContain('ASE_TUNNEL_METRICS_ADDRESS');
    expect(error.message).toContain('ASE_HTTPS_PORT');
    expect(loadConfig({ env: { ASE_HTTPS_PORT: '0' }, cwd: tempDir() }).httpsPort).toBe(0);
  });
});
