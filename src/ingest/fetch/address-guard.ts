import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';

/** What kind of non-public address an IP is: loopback, private, link-local..., or undefined when public. */
export function classifyAddress(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return classifyIpv4(parseIpv4(bare));
  if (family === 6) return classifyIpv6(parseIpv6(bare));
  return undefined;
}

function parseIpv4(address: string): number[] {
  return address.split('.').map(Number);
}

function classifyIpv4([a = 0, b = 0, c = 0, d = 0]: number[]): string | undefined {
  if (a === 0) return b === 0 && c === 0 && d === 0 ? 'unspecified' : 'reserved ("this network")';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b >= 64 && b <= 127) return 'CGNAT (shared address space)';
  if (a === 192 && b === 0 && c === 0) return 'reserved (IETF protocol assignments)';
  if (a === 198 && (b === 18 || b === 19)) return 'reserved (benchmarking)';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return a === 255 && b === 255 && c === 255 && d === 255 ? 'broadcast' : 'reserved';
  return undefined;
}

/** Eight 16-bit groups; `::` expanded and a dotted IPv4 tail split into two groups. */
function parseIpv6(address: string): number[] {
  let text = address.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = parseIpv4(tail[1]);
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left = '', right] = text.split('::');
  const head = left ? left.split(':') : [];
  const rest = right === undefined ? [] : right ? right.split(':') : [];
  const zeros = right === undefined ? [] : new Array(8 - head.length - rest.length).fill('0');
  return [...head, ...zeros, ...rest].map((group) => Number.parseInt(group, 16));
}

function classifyIpv6(groups: number[]): string | undefined {
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const firstFiveZero = groups.slice(0, 5).every((group) => group === 0);
  const embedded = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  if (firstFiveZero && g5 === 0xffff) return classifyIpv4(embedded); // ::ffff:a.b.c.d, IPv4-mapped
  if (firstFiveZero && g5 === 0) {
    if (g6 === 0 && g7 === 0) return 'unspecified';
    if (g6 === 0 && g7 === 1) return 'loopback';
    return classifyIpv4(embedded) ?? 'reserved (IPv4-compatible)';
  }
  if (g0 === 0x64 && g1 === 0xff9b) return classifyIpv4(embedded); // NAT64 well-known prefix
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0xdb8) return 'reserved (documentation)';
  if (g0 === 0x2002) return classifyIpv4([g1 >> 8, g1 & 0xff, groups[2]! >> 8, groups[2]! & 0xff]); // 6to4
  return undefined;
}

/** The refusal message for a non-public address, or undefined when the address may be fetched. */
export function refusalFor(address: string, allowPrivate: boolean): string | undefined {
  if (allowPrivate) return undefined;
  const kind = classifyAddress(address);
  if (!kind) return undefined;
  const article = /^(unspecified|[aeio])/i.test(kind) ? 'an' : 'a'; // 'a unique-local', 'an unspecified'
  return `refused: ${address} is ${article} ${kind} address (use --allow-private to allow)`;
}

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type LookupFunction = (
  hostname: string,
  options: LookupOneOptions | LookupAllOptions,
  callback: LookupCallback,
) => void;

/**
 * A `lookup` for net/tls connect that checks every resolved address before the socket connects,
 * so the address checked is the address used: a DNS answer that changes between a check and the
 * connection (rebinding) cannot reach a private host.
 */
export function createGuardedLookup(allowPrivate: boolean, resolve: LookupFunction = dnsLookup as LookupFunction) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: 0 }]) as LookupAddress[];
      const allowed = list.filter((entry) => !refusalFor(entry.address, allowPrivate));
      const first = allowed[0];
      if (!first) {
        const reason = refusalFor(list[0]?.address ?? hostname, allowPrivate) ?? `refused: ${hostname} did not resolve`;
        return callback(new RefusedAddressError(reason), '', 0);
      }
      if ((options as LookupAllOptions).all) return callback(null, allowed);
      callback(null, first.address, first.family);
    });
  };
}
