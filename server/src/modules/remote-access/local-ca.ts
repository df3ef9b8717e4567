import {
  createHash,
  createPrivateKey,
  createPublicKey,
  KeyObject,
  randomBytes,
  webcrypto,
  X509Certificate,
} from 'node:crypto';
import { chmod, mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type * as X509 from '@peculiar/x509';
import type { Clock } from '../../lib/clock.js';
import { canonicalIp, currentHostInfo, dnsSafeHostname, type HostInfo } from './host-info.js';
import { SerialQueue } from '../../lib/serial-queue.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The CA outlives any device it is installed on. */
const CA_VALIDITY_DAYS = 3652;
/** Apple refuses TLS server certificates valid for more than 825 days; stay under it. */
export const SERVER_VALIDITY_DAYS = 820;
/** Reissue the server certificate this long before it runs out. */
export const SERVER_RENEW_BEFORE_DAYS = 30;
/** Devices' clocks drift; a certificate "not yet valid" by a minute would break a tablet. */
const BACKDATE_MS = 60 * 60 * 1000;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const FILES = { caKey: 'ca.key', caCert: 'ca.crt', serverKey: 'server.key', serverCert: 'server.crt' };

export interface TlsMaterial {
  caPem: string;
  certPem: string;
  keyPem: string;
}

export interface CertificateStatus {
  /** SHA-256 of the CA certificate, colon-separated hex: what to compare on a device. */
  caFingerprintSha256: string;
  caName: string;
  caNotAfter: string;
  /** The server certificate's names: DNS names first, then IP addresses. */
  serverNames: string[];
  serverNotBefore: string;
  serverNotAfter: string;
  serverFingerprintSha256: string;
}

export interface EnsureResult extends TlsMaterial {
  status: CertificateStatus;
  caCreated: boolean;
  serverIssued: boolean;
}

export interface LocalCertificatesOptions {
  /** `<dataDir>/tls`: keys (0600) and certificates. */
  dir: string;
  clock: Clock;
  /** The shop's name for the CA's name (read once, when the CA is made). */
  shopName: () => Promise<string>;
  /** The box's host name and addresses; tests hand in their own lists. */
  hostInfo?: () => HostInfo;
}

interface LoadedPair {
  cert: X509Certificate;
  certPem: string;
  keyPem: string;
}

/** Names the server certificate must carry, as sorted "DNS:x" / "IP:y" strings. */
export function wantedNames(host: HostInfo): { dns: string[]; ip: string[] } {
  const dns = new Set(['localhost']);
  const name = dnsSafeHostname(host.hostname);
  if (name !== null && name !== 'localhost') {
    dns.add(name);
    if (!name.includes('.')) dns.add(`${name}.local`); // mDNS, what macOS/iOS/Android resolve
  }
  const ip = new Set(['127.0.0.1', '::1', ...host.addresses.map(canonicalIp)]);
  return { dns: [...dns].sort(), ip: [...ip].sort() };
}

function nameKey(names: { dns: string[]; ip: string[] }): string {
  return [...names.dns.map((n) => `DNS:${n}`), ...names.ip.map((n) => `IP:${n}`)].sort().join(',');
}

/** The SANs of a certificate, read with node's parser ("DNS:a, IP Address:b"). */
function namesOf(pem: string): { dns: string[]; ip: string[] } {
  const dns: string[] = [];
  const ip: string[] = [];
  for (const entry of (new X509Certificate(pem).subjectAltName ?? '').split(', ')) {
    if (entry.startsWith('DNS:')) dns.push(entry.slice(4).toLowerCase());
    else if (entry.startsWith('IP Address:')) ip.push(canonicalIp(entry.slice(11)));
  }
  return { dns: dns.sort(), ip: ip.sort() };
}

/** The CN of node's subject text ("CN=ASE local CA — Bob\\, ...\nO=ASE"), unescaped. */
function commonNameOf(cert: X509Certificate): string {
  const cn = /^CN=(.*)$/m.exec(cert.subject)?.[1];
  return cn === undefined ? cert.subject : cn.replace(/\\(.)/g, '$1');
}

/**
 * @peculiar/x509 is loaded only when a certificate has to be made: most processes (and every test
 * app) never need it, and it is slow to import. It resolves its ASN.1 helpers through tsyringe,
 * which needs a Reflect metadata polyfill loaded first (its README says so).
 */
async function loadX509(): Promise<typeof X509> {
  await import('reflect-metadata');
  return import('@peculiar/x509');
}

function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01; // positive and never a leading zero byte
  return bytes.toString('hex');
}

function sameKey(cert: X509Certificate, keyPem: string): boolean {
  const fromKey = createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
  return fromKey.equals(cert.publicKey.export({ type: 'spki', format: 'der' }));
}

/** Write to a temporary file, flush, then rename: a power cut leaves the old file or the new one. */
async function writeAtomically(path: string, data: string, mode: number): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(temporary, mode); // in case the file existed with a wider mode
  await rename(temporary, path);
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function importSigningKey(keyPem: string): Promise<webcrypto.CryptoKey> {
  const der = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
}

function exportKeyPem(key: webcrypto.CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }) as string;
}

async function newKeyPair(): Promise<webcrypto.CryptoKeyPair> {
  return await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
}

/**
 * The shop's own certificate authority and the server certificate it signs, kept in `<dataDir>/tls`.
 * The CA is made once and kept (devices trust it one by one, by hand); the server certificate is
 * reissued whenever the box's names or addresses change or it nears its end. All work happens in
 * `ensure()`, never in the constructor; calls are serialised so two callers never both generate.
 */
export class LocalCertificates {
  readonly #options: LocalCertificatesOptions;
  readonly #queue = new SerialQueue();
  #lib: Promise<{ x509: typeof X509; crypto: X509.CryptoProvider }> | null = null;

  constructor(options: LocalCertificatesOptions) {
    this.#options = options;
  }

  /** The generator library and a private crypto provider (no global provider shared between apps). */
  #x509(): Promise<{ x509: typeof X509; crypto: X509.CryptoProvider }> {
    this.#lib ??= loadX509().then((x509) => {
      const crypto = new x509.CryptoProvider();
      crypto.set(webcrypto as unknown as Parameters<X509.CryptoProvider['set']>[0]);
      return { x509, crypto };
    });
    return this.#lib;
  }

  get dir(): string {
    return this.#options.dir;
  }

  /** Makes whatever is missing or out of date, then returns the CA, the server certificate and its key. */
  ensure(): Promise<EnsureResult> {
    return this.#queue.run(() => this.#ensure());
  }

  async #ensure(): Promise<EnsureResult> {
    const { dir, clock } = this.#options;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);

    let ca = await this.#load(FILES.caCert, FILES.caKey);
    let caCreated = false;
    if (ca === null || !sameKey(ca.cert, ca.keyPem) || !ca.cert.ca) {
      ca = await this.#createCa();
      caCreated = true;
    }

    const host = (this.#options.hostInfo ?? currentHostInfo)();
    const wanted = wantedNames(host);
    let server = await this.#load(FILES.serverCert, FILES.serverKey);
    const now = clock.now().getTime();
    const usable =
      server !== null &&
      !caCreated &&
      server.cert.checkIssued(ca.cert) &&
      server.cert.verify(ca.cert.publicKey) &&
      sameKey(server.cert, server.keyPem) &&
      nameKey(namesOf(server.certPem)) === nameKey(wanted) &&
      new Date(server.cert.validTo).getTime() - now > SERVER_RENEW_BEFORE_DAYS * DAY_MS;
    let serverIssued = false;
    if (!usable || server === null) {
      server = await this.#issueServer(ca, host, wanted);
      serverIssued = true;
    }
    const names = namesOf(server.certPem);
    return {
      caPem: ca.certPem,
      certPem: server.certPem,
      keyPem: server.keyPem,
      caCreated,
      serverIssued,
      status: {
        caFingerprintSha256: ca.cert.fingerprint256,
        caName: commonNameOf(ca.cert),
        caNotAfter: new Date(ca.cert.validTo).toISOString(),
        serverNames: [...names.dns, ...names.ip],
        serverNotBefore: new Date(server.cert.validFrom).toISOString(),
        serverNotAfter: new Date(server.cert.validTo).toISOString(),
        serverFingerprintSha256: server.cert.fingerprint256,
      },
    };
  }

  async #load(certFile: string, keyFile: string): Promise<LoadedPair | null> {
    const certPem = await readIfPresent(join(this.#options.dir, certFile));
    const keyPem = await readIfPresent(join(this.#options.dir, keyFile));
    if (certPem === null || keyPem === null) return null;
    try {
      return { cert: new X509Certificate(certPem), certPem, keyPem };
    } catch {
      return null; // unreadable (a half-written file from an old version): made again
    }
  }

  async #createCa(): Promise<LoadedPair> {
    const shop = (await this.#options.shopName()).trim() || 'ASE';
    const { x509, crypto } = await this.#x509();
    const keys = await newKeyPair();
    const notBefore = new Date(this.#options.clock.now().getTime() - BACKDATE_MS);
    const cert = await x509.X509CertificateGenerator.createSelfSigned(
      {
        serialNumber: randomSerial(),
        name: new x509.Name([
          { CN: [{ utf8String: `ASE local CA — ${shop}`.slice(0, 64) }] },
          { O: [{ utf8String: 'ASE' }] },
        ]),
        notBefore,
        notAfter: new Date(notBefore.getTime() + CA_VALIDITY_DAYS * DAY_MS),
        keys,
        signingAlgorithm: ALGORITHM,
        extensions: [
          // pathLen 0: this CA signs server certificates only, never another CA.
          new x509.BasicConstraintsExtension(true, 0, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
          await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto.get()),
        ],
      },
      crypto.get(),
    );
    const keyPem = exportKeyPem(keys.privateKey);
    const certPem = cert.toString('pem');
    // Key first: a crash between the two leaves a key without a certificate, which is remade.
    await writeAtomically(join(this.#options.dir, FILES.caKey), keyPem, 0o600);
    await writeAtomically(join(this.#options.dir, FILES.caCert), `${certPem}\n`, 0o644);
    return { cert: new X509Certificate(certPem), certPem: `${certPem}\n`, keyPem };
  }

  async #issueServer(ca: LoadedPair, host: HostInfo, wanted: { dns: string[]; ip: string[] }) {
    const { x509, crypto } = await this.#x509();
    const keys = await newKeyPair();
    const caCert = new x509.X509Certificate(ca.certPem);
    const notBefore = new Date(this.#options.clock.now().getTime() - BACKDATE_MS);
    const cert = await x509.X509CertificateGenerator.create(
      {
        serialNumber: randomSerial(),
        subject: new x509.Name([{ CN: [{ utf8String: dnsSafeHostname(host.hostname) ?? 'ase' }] }]),
        issuer: caCert.subjectName,
        notBefore,
        notAfter: new Date(notBefore.getTime() + SERVER_VALIDITY_DAYS * DAY_MS),
        publicKey: keys.publicKey,
        signingKey: await importSigningKey(ca.keyPem),
        signingAlgorithm: ALGORITHM,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
          new x509.SubjectAlternativeNameExtension([
            ...wanted.dns.map((value) => ({ type: 'dns' as const, value })),
            ...wanted.ip.map((value) => ({ type: 'ip' as const, value })),
          ]),
          await x509.AuthorityKeyIdentifierExtension.create(caCert, false, crypto.get()),
          await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto.get()),
        ],
      },
      crypto.get(),
    );
    const keyPem = exportKeyPem(keys.privateKey);
    const certPem = `${cert.toString('pem')}\n`;
    await writeAtomically(join(this.#options.dir, FILES.serverKey), keyPem, 0o600);
    await writeAtomically(join(this.#options.dir, FILES.serverCert), certPem, 0o644);
    return { cert: new X509Certificate(certPem), certPem, keyPem };
  }
}

/** A UUID-shaped string derived from the CA, so re-downloading the profile replaces, not duplicates. */
function stableUuid(seed: string, salt: string): string {
  const h = createHash('sha256').update(`${salt}:${seed}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An Apple configuration profile holding the CA (iPad/iPhone/macOS install it from Safari; then
 * Settings → General → About → Certificate Trust Settings turns full trust on). Unsigned: iOS says
 * "Not Verified", which is expected for a shop's own CA.
 */
export function mobileConfigFor(caPem: string, caName: string, fingerprint: string): string {
  const der = new X509Certificate(caPem).raw.toString('base64');
  const wrapped = der.replace(/(.{1,52})/g, '\t\t\t$1\n');
  const id = fingerprint.replace(/:/g, '').slice(0, 16).toLowerCase();
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
		<key>PayloadCertificateFileName</key>
		<string>ase-ca.crt</string>
		<key>PayloadContent</key>
		<data>
${wrapped}		</data>
		<key>PayloadDisplayName</key>
		<string>${xmlEscape(caName)}</string>
		<key>PayloadIdentifier</key>
		<string>local.ase.ca.${id}.certificate</string>
		<key>PayloadType</key>
		<string>com.apple.security.root</string>
		<key>PayloadUUID</key>
		<string>${stableUuid(fingerprint, 'certificate')}</string>
		<key>PayloadVersion</key>
		<integer>1</integer>
		</dict>
	</array>
	<key>PayloadDisplayName</key>
	<string>${xmlEscape(caName)}</string>
	<key>PayloadDescription</key>
	<string>Lets this device open the shop's ASE server over HTTPS on the shop network.</string>
	<key>PayloadIdentifier</key>
	<string>local.ase.ca.${id}</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>${stableUuid(fingerprint, 'profile')}</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;
}
