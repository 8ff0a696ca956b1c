/**
 * Where an import may send requests. The importer runs on an editor's machine, inside the
 * newsroom's network, and reads content it does not control: a hostile post must not make
 * it request `http://intranet/admin/delete?confirm=yes`. So:
 * - the source's pages (API answers, feed pages, the site's own feed) are read from the
 *   source's host only; a redirect or a next link to another host is refused unless the
 *   editor allowed that host (`--allow-host`);
 * - other hosts are asked for images only (to measure a photo the source gave no size for),
 *   with `Accept: image/*`, and an answer that says it is not an image is not read;
 * - no request goes to a private, loopback or link-local address (the name is resolved
 *   first), unless the source itself is at that address or the editor allowed the host;
 * - links in content are never followed.
 * Every refusal is one line naming the URL, the reason and the option that would allow it.
 */
import { formatMs, type HttpOptions } from '../lib/http.ts';
import { addressesOf, privateAddressCheck, withTimeout } from '../lib/network-address.ts';
import type { ItemContext } from './article-draft.ts';
import { httpImageMeasurer } from './image-size.ts';
import { limitsWith, LIMIT_OPTIONS, type ImportLimits } from './limits.ts';
import type { SourceContext } from './source.ts';

export type AccessOptions = {
  /** Hosts (`name`, or `name:port`) the editor allows besides the source's own. */
  allowHosts: readonly string[];
  limits: ImportLimits;
};

export type FetchPolicy = {
  /** For the source's own pages: its host, or an allowed one. */
  page: HttpOptions;
  /** For images: any host on a public address (or the source's), images only. */
  image: HttpOptions;
  /** Why a page URL (a next link, the site's home) may not be read; undefined when it may. */
  pageRefusal: (url: string) => string | undefined;
};

/**
 * The policy of an import from `location` (a URL, or a file, which has no host of its own).
 * The clock of `--max-time` starts here: no request is sent once it has run out.
 */
export function fetchPolicy(
  location: string,
  http: HttpOptions,
  { allowHosts, limits }: AccessOptions,
): FetchPolicy {
  const source = parseUrl(location);
  const sourceHost = source?.host.toLowerCase();
  const allowed = new Set(allowHosts.map(hostOf));
  const isAllowed = (url: URL) => allowed.has(url.host) || allowed.has(url.hostname);
  // The source's own private addresses (a newsroom's intranet CMS, a test server on
  // 127.0.0.1) may be reached: the editor pointed the importer there.
  let sourceAddresses: Promise<Set<string>> | undefined;
  const ownAddresses = () =>
    (sourceAddresses ??=
      source === undefined
        ? Promise.resolve(new Set<string>())
        : withTimeout(addressesOf(source.hostname), http.timeoutMs).then(
            (addresses) => new Set(addresses === 'timeout' ? [] : addresses),
            () => new Set<string>(),
          ));
  const deadline = Date.now() + limits.maxTimeMs;

  const hostRefusal = (url: URL): string | undefined => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return `only http and https are read; refused`;
    if (isSameSite(url.host, sourceHost) || isAllowed(url)) return undefined;
    const whose =
      sourceHost === undefined ? 'the source is a file' : `the source is at ${sourceHost}`;
    return `${url.host} is another host (${whose}); refused (allow it with --allow-host ${url.host})`;
  };

  const checkAddress = privateAddressCheck({
    timeoutMs: http.timeoutMs,
    own: ownAddresses,
    refusal: (url, where) =>
      `${url.hostname}${where}: a private, loopback or link-local address, and the source is not there; refused (allow it with --allow-host ${url.host})`,
  });
  const addressRefusal = async (url: URL): Promise<string | undefined> =>
    isAllowed(url) ? undefined : checkAddress(url);

  const timeRefusal = () =>
    Date.now() > deadline
      ? `the import has run longer than ${LIMIT_OPTIONS.maxTimeMs} ${formatMs(limits.maxTimeMs)}; not sent`
      : undefined;

  const bounded: HttpOptions = {
    ...http,
    limitBytes: limits.maxBytes,
    maxRedirects: limits.maxRedirects,
    limitNames: { limitBytes: LIMIT_OPTIONS.maxBytes, maxRedirects: LIMIT_OPTIONS.maxRedirects },
  };
  return {
    page: {
      ...bounded,
      guard: async (url) => timeRefusal() ?? hostRefusal(url) ?? (await addressRefusal(url)),
    },
    image: {
      ...bounded,
      // An image host may redirect to its CDN: every hop is read as an image, and checked.
      guard: async (url) =>
        timeRefusal() ??
        (url.protocol === 'http:' || url.protocol === 'https:'
          ? await addressRefusal(url)
          : 'only http and https are read; refused'),
    },
    pageRefusal: (href) => {
      const url = parseUrl(href);
      return url === undefined ? 'not an http(s) URL' : hostRefusal(url);
    },
  };
}

/**
 * Whether two hosts are the same site: equal, or differing only by a leading `www.`, which
 * sites redirect between (example.org -> www.example.org) as if it were nothing.
 */
function isSameSite(host: string, sourceHost: string | undefined): boolean {
  const bare = (name: string) => name.toLowerCase().replace(/^www\./, '');
  return sourceHost !== undefined && bare(host) === bare(sourceHost);
}

/** `example.org:8080` from a host as given, or from a URL. */
function hostOf(entry: string): string {
  const trimmed = entry.trim().toLowerCase();
  return parseUrl(trimmed)?.host ?? parseUrl(`http://${trimmed}`)?.host ?? trimmed;
}

function parseUrl(value: string): URL | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** What a source needs to read: its limits, its fetch policy, and the context of its items. */
export function accessFor(
  location: string,
  context: SourceContext,
): { limits: ImportLimits; policy: FetchPolicy; items: ItemContext } {
  const limits = limitsWith(context.limits);
  const policy = fetchPolicy(location, context.http, {
    allowHosts: context.allowHosts ?? [],
    limits,
  });
  return {
    limits,
    policy,
    items: { ...context, limits, measureImage: httpImageMeasurer(policy.image) },
  };
}

/**
 * The next page a feed names, when it may be read: a next link that comes back to a page
 * already read (a loop), or goes to another host, ends the paging with a warning.
 */
export function nextPageOf(
  next: string | undefined,
  where: string,
  visited: ReadonlySet<string>,
  policy: FetchPolicy,
  warn: (message: string) => void,
): string | undefined {
  if (next === undefined || !/^https?:/.test(next)) return undefined;
  if (visited.has(next)) {
    warn(`${where}: the next page, ${next}, was read already (the pages loop); paging stops`);
    return undefined;
  }
  const refusal = policy.pageRefusal(next);
  if (refusal === undefined) return next;
  warn(`${where}: the next page, ${next}: ${refusal}; paging stops`);
  return undefined;
}
