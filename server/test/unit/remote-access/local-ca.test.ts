import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/lib/clock.js';
import type { HostInfo } from '../../../src/modules/remote-access/host-info.js';
import {
  LocalCertificates,
  mobileConfigFor,
  SERVER_VALIDITY_DAYS,
} from '../../../src/modules/remote-access/local-ca.js';

const DAY_MS = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(host: HostInfo = { hostname: 'ShopBox', addresses: ['192.168.1.20', 'fd00::20'] }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ase-tls-'));
  dirs.push(dataDir);
  const clock = new ManualClock('2026-03-02T14:00:00.000Z');
  const hostRef = { current: host };
  const make = () =>
    new LocalCertificates({
      dir: join(dataDir, 'tls'),
      clock,
      shopName: async () => 'Bob’s Garage, "Main St"',
      hostInfo: () => hostRef.current,
    });
  return { dir: join(dataDir, 'tls'), clock, hostRef, make };
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('local certificate authority', () => {
  it('makes a CA and a server certificate it signed, naming the box, with private keys 0600', async () => {
    const { dir, make } = setup();
    const result = await make().ensure();
    expect(result.caCreated).toBe(true);
    expect(result.serverIssued).toBe(true);

    const ca = new X509Certificate(result.caPem);
    const server = new X509Certificate(result.certPem);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true); // self-signed root
    expect(ca.subject).toContain('ASE local CA — Bob’s Garage');
    expect(ca.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' });
    const caYears = (new Date(ca.validTo).getTime() - new Date(ca.validFrom).getTime()) / (365 * DAY_MS);
    expect(caYears).toBeGreaterThanOrEqual(10);

    const san = server.subjectAltName ?? '';
    for (const name of [
      'DNS:localhost',
      'DNS:shopbox',
      'DNS:shopbox.local',
      'IP Address:127.0.0.1',
      'IP Address:192.168.1.20',
    ])
      expect(san).toContain(name);
    expect(result.status.serverNames).toEqual([
      'localhost',
      'shopbox',
      'shopbox.local',
      '127.0.0.1',
      '192.168.1.20',
      '::1',
      'fd00::20',
    ]);
    expect(server.keyUsage ?? []).toContain('1.3.6.1.5.5.7.3.1'); // serverAuth
    const days = (new Date(server.validTo).getTime() - new Date(server.validFrom).getTime()) / DAY_MS;
    expect(days).toBeLessThanOrEqual(825);
    expect(days).toBe(SERVER_VALIDITY_DAYS);

    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'ca.key'))).toBe(0o600);
    expect(mode(join(dir, 'server.key'))).toBe(0o600);
    expect(readFileSync(join(dir, 'ca.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(result.status.caFingerprintSha256).toBe(ca.fingerprint256);
  });

  it('keeps the same CA and certificate across restarts while nothing changed', async () => {
    const { make } = setup();
    const first = await make().ensure();
    const second = await make().ensure(); // a new instance: the server restarted
    expect(second.caCreated).toBe(false);
    expect(second.serverIssued).toBe(false);
    expect(second.caPem).toBe(first.caPem);
    expect(second.certPem).toBe(first.certPem);
  });

  it('reissues the server certificate (same CA) when the box gets another address', async () => {
    const { make, hostRef } = setup();
    const certificates = make();
    const before = await certificates.ensure();
    hostRef.current = { hostname: 'ShopBox', addresses: ['192.168.1.57'] };
    const after = await certificates.ensure();
    expect(after.serverIssued).toBe(true);
    expect(after.caPem).toBe(before.caPem);
    expect(after.status.serverNames).toContain('192.168.1.57');
    expect(after.status.serverNames).not.toContain('192.168.1.20');
    expect(new X509Certificate(after.certPem).checkIssued(new X509Certificate(before.caPem))).toBe(true);
    // Same list again, in another order: no reissue.
    hostRef.current = { hostname: 'shopbox', addresses: ['192.168.1.57'] };
    expect((await certificates.ensure()).serverIssued).toBe(false);
  });

  it('reissues within 30 days of the end, not before', async () => {
    const { make, clock } = setup();
    const certificates = make();
    const first = await certificates.ensure();
    clock.advance((SERVER_VALIDITY_DAYS - 32) * DAY_MS);
    expect((await certificates.ensure()).serverIssued).toBe(false);
    clock.advance(3 * DAY_MS);
    const renewed = await certificates.ensure();
    expect(renewed.serverIssued).toBe(true);
    expect(renewed.caPem).toBe(first.caPem);
    expect(new Date(renewed.status.serverNotAfter).getTime()).toBeGreaterThan(
      new Date(first.status.serverNotAfter).getTime(),
    );
  });

  it('remakes a lost or damaged server key, and a CA whose key is gone', async () => {
    const { dir, make } = setup();
    const first = await make().ensure();
    unlinkSync(join(dir, 'server.key'));
    const again = await make().ensure();
    expect(again.serverIssued).toBe(true);
    expect(again.caPem).toBe(first.caPem);

    writeFileSync(join(dir, 'server.crt'), 'not a certificate');
    expect((await make().ensure()).serverIssued).toBe(true);

    unlinkSync(join(dir, 'ca.key'));
    const newCa = await make().ensure();
    expect(newCa.caCreated).toBe(true);
    expect(newCa.caPem).not.toBe(first.caPem);
    expect(new X509Certificate(newCa.certPem).checkIssued(new X509Certificate(newCa.caPem))).toBe(true);
  });

  it('makes only one CA when asked twice at once', async () => {
    const { make } = setup();
    const certificates = make();
    const [a, b] = await Promise.all([certificates.ensure(), certificates.ensure()]);
    expect(a.caPem).toBe(b.caPem);
    expect([a.caCreated, b.caCreated].filter(Boolean)).toHaveLength(1);
  });

  it('wraps the CA in an Apple profile with the DER certificate', async () => {
    const { make } = setup();
    const { caPem, status } = await make().ensure();
    const profile = mobileConfigFor(caPem, status.caName, status.caFingerprintSha256);
    expect(profile).toContain('<string>com.apple.security.root</string>');
    const data = /<data>([\s\S]*?)<\/data>/.exec(profile)?.[1]?.replace(/\s+/g, '') ?? '';
    expect(Buffer.from(data, 'base64').equals(new X509Certificate(caPem).raw)).toBe(true);
    expect(profile).toContain('Bob’s Garage, &quot;Main St&quot;');
    // Same CA, same profile ids: installing again replaces the profile instead of adding another.
    expect(mobileConfigFor(caPem, status.caName, status.caFingerprintSha256)).toBe(profile);
  });
});
