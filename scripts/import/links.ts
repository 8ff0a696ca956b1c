/**
 * URL rules shared by every importer. Only schemes on an allowlist survive: the WHATWG URL
 * parser has already removed the tabs and newlines of obfuscated forms (`jav&#x09;ascript:`)
 * and lower-cased the scheme, so a `javascript:`, `vbscript:` or `data:` URL cannot slip by
 * in disguise.
 */
import { SLUG_PATTERN } from '../../src/contract/article.ts';

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);

/** An absolute http(s) or mailto URL for a link, or undefined when it may not be followed. */
export function safeLinkUrl(href: string, base: string | undefined): string | undefined {
  return resolve(href, base, LINK_SCHEMES);
}

/** An absolute http(s) URL for an image, or undefined. */
export function safeImageUrl(src: string, base: string | undefined): string | undefined {
  return resolve(src, base, IMAGE_SCHEMES);
}

function resolve(
  value: string,
  base: string | undefined,
  schemes: Set<string>,
): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return schemes.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Host names compared without a leading `www.`, which sites use interchangeably. */
export function siteHost(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).host.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** The set of hosts an import treats as "the source site". */
export function siteHosts(...urls: (string | undefined)[]): Set<string> {
  return new Set(urls.map(siteHost).filter((host) => host !== undefined));
}

/**
 * The slug a permalink ends in: its last path segment, percent-decoded (Arabic permalinks
 * are percent-encoded) and lower-cased, when that is a valid slug.
 */
export function slugOfPermalink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
    return last === undefined ? undefined : asSlug(last.replace(/\.(?:html?|php)$/i, ''));
  } catch {
    return undefined;
  }
}

/** A decoded, lower-cased slug, or undefined when the text is not one. */
export function asSlug(text: string): string | undefined {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // A stray % is not an escape; judge the text as it stands.
  }
  const slug = decoded.normalize('NFC').toLowerCase();
  return SLUG_PATTERN.test(slug) ? slug : undefined;
}

/**
 * The article slug a link names, when it goes to the source site's `/{slug}/`: one path
 * segment on one of the site's hosts. Whether that article exists is decided later.
 */
export function articleSlugOfLink(url: string, hosts: ReadonlySet<string>): string | undefined {
  const host = siteHost(url);
  if (host === undefined || !hosts.has(host)) return undefined;
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  const [only] = segments;
  return segments.length === 1 && only !== undefined ? asSlug(only) : undefined;
}
