import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

/** What the server certificate has to name: the box's host name and its addresses. */
export interface HostInfo {
  hostname: string;
  /** The box's own addresses on its networks (not loopback; IPv6 link-local left out). */
  addresses: string[];
}

/** One spelling per address, so "fd00:0::5" and "FD00::5" compare equal. */
export function canonicalIp(address: string): string {
  const plain = address.includes('%') ? address.slice(0, address.indexOf('%')) : address;
  if (isIP(plain) === 6) return new URL(`http://[${plain}]/`).hostname.slice(1, -1);
  return plain;
}

/** A host name usable as a DNS SAN: lower case letters, digits, '-' and '.'. */
export function dnsSafeHostname(name: string): string | null {
  const lower = name.trim().toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9]([a-z0-9-]{0,62})(\.[a-z0-9]([a-z0-9-]{0,62}))*$/.test(lower) ? lower : null;
}

/**
 * The box as the operating system sees it now. IPv6 link-local addresses (fe80::/10) are left out:
 * they need a zone id in a URL, which no browser on a tablet will type.
 */
export function currentHostInfo(): HostInfo {
  const addresses = new Set<string>();
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.internal) continue;
      const address = canonicalIp(entry.address);
      if (entry.family === 'IPv6' && /^fe[89ab]/i.test(address)) continue;
      addresses.add(address);
    }
  }
  return { hostname: hostname(), addresses: [...addresses].sort() };
}
