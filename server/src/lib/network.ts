import { BlockList, isIP } from 'node:net';

/**
 * Which addresses count as "the shop's own network". Technicians' PIN sign-in and other LAN-only
 * conveniences depend on it, so requests that came through the remote-access tunnel must never
 * pass as local.
 */
const lan = new BlockList();
lan.addSubnet('127.0.0.0', 8, 'ipv4');
lan.addSubnet('10.0.0.0', 8, 'ipv4');
lan.addSubnet('172.16.0.0', 12, 'ipv4');
lan.addSubnet('192.168.0.0', 16, 'ipv4');
lan.addSubnet('169.254.0.0', 16, 'ipv4');
lan.addAddress('::1', 'ipv6');
lan.addSubnet('fc00::', 7, 'ipv6');
lan.addSubnet('fe80::', 10, 'ipv6');

export function isLanAddress(address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  const family = isIP(plain);
  if (family === 0) return false;
  return lan.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/** Headers a reverse proxy or tunnel (cloudflared, frp, nginx) adds with the real client address. */
const FORWARDING_HEADERS = ['cf-connecting-ip', 'x-forwarded-for', 'x-real-ip', 'forwarded'] as const;

function addressesIn(headerName: string, value: string): string[] {
  if (headerName === 'forwarded') {
    // Forwarded: for=203.0.113.4;proto=https, for="[2001:db8::1]"
    return [...value.matchAll(/for="?\[?([^\]";,]+)\]?"?/gi)].map((m) => m[1] ?? '');
  }
  return value.split(',').map((part) => part.trim());
}

/**
 * A request is local when the socket peer is on the LAN and no forwarding header names an address
 * outside it. A tunnel connects from 127.0.0.1 but always adds the outside client's address, and a
 * remote client cannot remove what the tunnel appends, so checking every address in the chain is safe.
 */
export function isLanRequest(socketAddress: string | undefined, headers: Record<string, unknown>): boolean {
  if (socketAddress === undefined || !isLanAddress(socketAddress)) return false;
  for (const name of FORWARDING_HEADERS) {
    const raw = headers[name];
    const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    for (const value of values) {
      if (typeof value !== 'string') continue;
      for (const address of addressesIn(name, value)) {
        if (!isLanAddress(address)) return false;
      }
    }
  }
  return true;
}

/** Names proxy-addr (Fastify's trustProxy) understands besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * `trustedProxies` ("127.0.0.1,::1", "10.0.0.0/8", "" = none) as the list Fastify's trustProxy
 * takes, plus the entries that are not an address, a CIDR or a proxy-addr range name.
 */
export function parseTrustedProxies(raw: string): { proxies: string[]; invalid: string[] } {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return {
    proxies: entries.filter(isProxyEntry),
    invalid: entries.filter((entry) => !isProxyEntry(entry)),
  };
}

/** What to hand Fastify: false when no proxy is trusted, so forwarding headers are never read. */
export function fastifyTrustProxy(raw: string): false | string[] {
  const { proxies } = parseTrustedProxies(raw);
  return proxies.length === 0 ? false : proxies;
}

/**
 * Where a request reached ASE ("http://ase.shop.lan:8080"): the address a link or QR code made
 * for it should open (the key tag's QR, the approval link when no public base URL is set).
 */
export function requestOrigin(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}`;
}
