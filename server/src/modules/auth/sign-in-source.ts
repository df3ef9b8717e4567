import { isIP } from 'node:net';

/**
 * Where a sign-in attempt comes from, as the throttle counts it: the zone and the address.
 * An outside IPv6 client is counted by its /64, because one home or phone is handed a whole /64
 * and could otherwise take a fresh address for every guess. On the shop network each device
 * keeps its own full address: there every tablet shares one /64.
 */
export function signInSource(ip: string | null, lan: boolean): string {
  const zone = lan ? 'lan' : 'outside';
  if (ip === null || ip === '') return `${zone}:unknown`;
  const plain = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  if (lan || isIP(plain) !== 6) return `${zone}:${plain}`;
  return `${zone}:${ipv6Prefix64(plain)}::/64`;
}

/** The first four groups of an IPv6 address, written in full ("2001:db8:0:0"). */
function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return groups
    .slice(0, 4)
    .map((group) => (Number.parseInt(group, 16) || 0).toString(16))
    .join(':');
}
