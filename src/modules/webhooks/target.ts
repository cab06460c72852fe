import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { WebhookAllowedHost } from '../../config.ts';

// Where a webhook may send. A webhook's URL is typed by a delegation's head, and the server
// POSTs to it: without a check, a URL naming 127.0.0.1, a private network or the cloud's
// metadata service (169.254.169.254) turns the server into a proxy into its own network, and
// the deliveries log into a port scanner. So every address the URL names or its host name
// resolves to must be a public unicast address, checked at registration and again at each
// delivery, where the request then goes to the very address checked (a second DNS answer,
// "rebinding", never reaches the socket). The operator may allow named hosts
// (ACCORD_WEBHOOK_ALLOW_HOSTS: a gateway on the internal network, a test receiver).

/** An address range refused as a webhook target, and what to call it. */
interface Range {
  /** The first address of the range, as bytes (4 for IPv4, 16 for IPv6). */
  base: number[];
  bits: number;
  what: string;
}

const v4 = (cidr: string, what: string): Range => {
  const [address, bits] = cidr.split('/');
  return { base: address.split('.').map(Number), bits: Number(bits), what };
};
const v6 = (cidr: string, what: string): Range => {
  const [address, bits] = cidr.split('/');
  return { base: ipv6Bytes(address)!, bits: Number(bits), what };
};

const IPV4_REFUSED: Range[] = [
  v4('0.0.0.0/8', 'an unspecified address ("this network", 0.0.0.0/8)'),
  v4('10.0.0.0/8', 'a private address (10.0.0.0/8)'),
  v4('100.64.0.0/10', 'a shared address (carrier-grade NAT, 100.64.0.0/10)'),
  v4('127.0.0.0/8', 'a loopback address (127.0.0.0/8)'),
  v4('169.254.0.0/16', 'a link-local address (169.254.0.0/16)'),
  v4('172.16.0.0/12', 'a private address (172.16.0.0/12)'),
  v4('192.0.0.0/24', 'a reserved address (192.0.0.0/24)'),
  v4('192.0.2.0/24', 'a documentation address (192.0.2.0/24)'),
  v4('192.88.99.0/24', 'a reserved address (6to4 relay, 192.88.99.0/24)'),
  v4('192.168.0.0/16', 'a private address (192.168.0.0/16)'),
  v4('198.18.0.0/15', 'a reserved address (benchmarking, 198.18.0.0/15)'),
  v4('198.51.100.0/24', 'a documentation address (198.51.100.0/24)'),
  v4('203.0.113.0/24', 'a documentation address (203.0.113.0/24)'),
  v4('224.0.0.0/4', 'a multicast address (224.0.0.0/4)'),
  v4('255.255.255.255/32', 'the broadcast address'),
  v4('240.0.0.0/4', 'a reserved address (240.0.0.0/4)'),
];

const IPV6_REFUSED: Range[] = [
  v6('::/128', 'the unspecified address (::)'),
  v6('::1/128', 'a loopback address (::1)'),
  v6('100::/64', 'a reserved address (discard, 100::/64)'),
  v6('2001:db8::/32', 'a documentation address (2001:db8::/32)'),
  v6('fc00::/7', 'a private address (unique local, fc00::/7)'),
  v6('fe80::/10', 'a link-local address (fe80::/10)'),
  v6('fec0::/10', 'a private address (site-local, fec0::/10)'),
  v6('ff00::/8', 'a multicast address (ff00::/8)'),
];

/** IPv6 ranges that carry an IPv4 address: the IPv4 one decides. */
const IPV4_INSIDE_IPV6: { range: Range; at: number }[] = [
  { range: v6('::ffff:0:0/96', 'IPv4-mapped'), at: 12 },
  { range: v6('::/96', 'IPv4-compatible'), at: 12 },
  { range: v6('64:ff9b::/96', 'NAT64'), at: 12 },
  { range: v6('64:ff9b:1::/48', 'local NAT64'), at: 12 },
  { range: v6('2002::/16', '6to4'), at: 2 },
];

/** The 16 bytes of an IPv6 address (with or without an embedded IPv4 tail), or null. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    if (isIP(dotted[1]) !== 4) return null;
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const all = [...head, ...Array<string>(Math.max(missing, 0)).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = Number.parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return bytes;
}

const inRange = (bytes: number[], r: Range) => {
  if (bytes.length !== r.base.length) return false;
  for (let bit = 0; bit < r.bits; bit++) {
    const mask = 0x80 >> (bit % 8);
    if ((bytes[bit >> 3] & mask) !== (r.base[bit >> 3] & mask)) return false;
  }
  return true;
};

/**
 * Why an IP address may not be a webhook's target (loopback, private, link-local, shared,
 * multicast, broadcast, reserved; an IPv6 address carrying a refused IPv4 one too), or null
 * for a public unicast address.
 *
 * @example refusedAddress('169.254.169.254') // 'a link-local address (169.254.0.0/16)'
 */
export function refusedAddress(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip);
  if (family === 4) {
    const bytes = ip.split('.').map(Number);
    return IPV4_REFUSED.find((r) => inRange(bytes, r))?.what ?? null;
  }
  if (family !== 6) return 'not an IP address';
  const bytes = ipv6Bytes(ip);
  if (!bytes) return 'not an IP address';
  const own = IPV6_REFUSED.find((r) => inRange(bytes, r));
  if (own) return own.what;
  for (const { range, at } of IPV4_INSIDE_IPV6) {
    if (!inRange(bytes, range)) continue;
    const inner = refusedAddress(bytes.slice(at, at + 4).join('.'));
    if (inner) return `${inner}, as ${range.what} IPv6`;
  }
  return null;
}

const defaultPort = (url: URL) => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** Whether the operator allows this URL's host (and port, when the entry names one). */
export function isAllowedHost(url: URL, allow: readonly WebhookAllowedHost[]): boolean {
  const host = hostOf(url);
  const port = defaultPort(url);
  return allow.some((a) => a.host === host && (a.port === null || a.port === port));
}

/** How long a host name may take to resolve. */
const LOOKUP_TIMEOUT_MS = 5_000;

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** What a webhook URL leads to: the addresses to connect to, or why it may not be used. */
export type Target =
  | { kind: 'allowed' }
  | { kind: 'checked'; address: ResolvedAddress }
  | { kind: 'refused'; reason: string }
  | { kind: 'unresolved' };

/**
 * Resolves a webhook URL's host and checks every address it gives (an IP in the URL is
 * checked as it stands). `allowed` when the operator allows the host: it is connected to as
 * named. `checked` gives the one address to connect to, all of them having been checked.
 */
export async function resolveTarget(url: URL, allow: readonly WebhookAllowedHost[]): Promise<Target> {
  if (isAllowedHost(url, allow)) return { kind: 'allowed' };
  const host = hostOf(url);
  const family = isIP(host);
  if (family) {
    const reason = refusedAddress(host);
    return reason
      ? { kind: 'refused', reason: `is ${reason}` }
      : { kind: 'checked', address: { address: host, family: family as 4 | 6 } };
  }
  let addresses: { address: string; family: number }[];
  try {
    let timer: NodeJS.Timeout | undefined;
    addresses = await Promise.race([
      lookup(host, { all: true, verbatim: true }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('lookup timed out')), LOOKUP_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
  } catch {
    return { kind: 'unresolved' };
  }
  if (addresses.length === 0) return { kind: 'unresolved' };
  for (const a of addresses) {
    const reason = refusedAddress(a.address);
    if (reason) return { kind: 'refused', reason: `resolves to ${reason}` };
  }
  const [first] = addresses;
  return { kind: 'checked', address: { address: first.address, family: first.family === 6 ? 6 : 4 } };
}

/**
 * Why a webhook URL may not be registered, or null. Plain http goes only to a host the
 * operator allows; any other host must resolve to public addresses only. A name that does not
 * resolve now is accepted: each delivery resolves and checks it again.
 */
export async function refusedWebhookUrl(
  value: string,
  allow: readonly WebhookAllowedHost[],
): Promise<string | null> {
  const url = new URL(value);
  if (isAllowedHost(url, allow)) return null;
  if (url.protocol !== 'https:')
    return 'must be https (plain http only to a host the operator allows in ACCORD_WEBHOOK_ALLOW_HOSTS)';
  const target = await resolveTarget(url, allow);
  if (target.kind === 'refused')
    return `${target.reason}: webhooks go to public addresses only, unless the operator allows the host in ACCORD_WEBHOOK_ALLOW_HOSTS`;
  return null;
}
