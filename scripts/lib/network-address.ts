/**
 * Whether a name leads into the machine or its network rather than to the Internet. The
 * build tools read URLs that content names (an importer's pages and photos, the content
 * build's photos); a hostile article must not make them request the cloud's metadata service
 * (169.254.169.254), a router's admin page or a service on the build machine itself.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { formatMs } from './http.ts';

/** Addresses that lead into the machine or its network rather than to the Internet. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network": 0.0.0.0 reaches the machine itself
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // the old site-local
  ['ff00::', 8], // multicast
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is private, loopback, link-local or otherwise not on the Internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  // BlockList matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 ranges too.
  return family !== 0 && PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** Every address a name resolves to; an IP address is its own. */
export async function addressesOf(hostname: string): Promise<string[]> {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) !== 0) return [bare];
  const found = await lookup(bare, { all: true, order: 'verbatim' });
  return found.map(({ address }) => address);
}

/** The promise's value, or 'timeout' when it takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms).unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export type AddressCheck = {
  /** How long a name may take to resolve (the request's own timeout). */
  timeoutMs: number;
  /** Addresses that may be reached although private (a source on the intranet). */
  own?: () => Promise<ReadonlySet<string>>;
  /** The refusal of `url`, whose host is at `where` (` is at 10.0.0.5`, or '' for an IP). */
  refusal: (url: URL, where: string) => string;
};

/**
 * A check of URLs before anything is sent to them: undefined when the host resolves to
 * public addresses only, else why not. One lookup per host for the life of the check (the
 * photos of an import or a build sit on one or two hosts). A name that does not resolve has
 * no address to refuse: the request itself fails on the name and says so, with its retries.
 */
export function privateAddressCheck({ timeoutMs, own, refusal }: AddressCheck) {
  const resolved = new Map<string, Promise<string[] | 'timeout'>>();
  return async (url: URL): Promise<string | undefined> => {
    let lookup = resolved.get(url.hostname);
    if (lookup === undefined) {
      lookup = withTimeout(addressesOf(url.hostname), timeoutMs).catch(() => []);
      resolved.set(url.hostname, lookup);
    }
    const addresses = await lookup;
    if (addresses === 'timeout')
      return `${url.hostname}: no address within ${formatMs(timeoutMs)}; not sent`;
    const exempt = (await own?.()) ?? new Set<string>();
    const hidden = addresses.find((address) => isPrivateAddress(address) && !exempt.has(address));
    if (hidden === undefined) return undefined;
    const where = hidden === url.hostname.replace(/^\[(.*)\]$/, '$1') ? '' : ` is at ${hidden}`;
    return refusal(url, where);
  };
}
