/**
 * Helpers shared by the feed and sitemap writers: XML escaping, absolute URLs and the
 * timestamp formats the feed and sitemap specs ask for. Pure string work, no IO.
 */

/**
 * Everything outside XML 1.0's `Char` production: C0 controls other than tab, LF and CR,
 * lone surrogates (the `u` flag sees them as code points), U+FFFE and U+FFFF. Text pasted
 * from word processors carries stray control characters that would make a feed ill-formed.
 */
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for element content and attribute values alike (all five predefined
 * entities, as sitemaps.org requires for URLs) and drops characters XML 1.0 cannot hold.
 */
export function escapeXml(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** `<name attr="...">text</name>`, escaped; attributes left out when undefined. */
export function element(
  name: string,
  text: string,
  attributes: Record<string, string | number | undefined> = {},
): string {
  return `<${name}${attributesOf(attributes)}>${escapeXml(text)}</${name}>`;
}

export function attributesOf(attributes: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

/**
 * `siteUrl` + a root-relative path, as a URI: WHATWG URL serialisation percent-encodes the
 * non-ASCII letters that slugs may hold (permalinks keep them), which feeds and sitemaps
 * need, since both want URIs rather than IRIs.
 */
export function siteLink(siteUrl: string, path: string): string {
  if (!path.startsWith('/')) throw new RangeError(`path "${path}" must start with "/"`);
  return new URL(`${siteUrl}${path}`).href;
}

/**
 * An image's `src` as an absolute URL. A root-relative src (`/images/x.svg`, as the content
 * build writes local images) resolves against the site's origin, as a browser would.
 */
export function resolveUrl(siteUrl: string, src: string): string {
  return new URL(src, `${siteUrl}/`).href;
}

/** The contract's timestamps, split up: valibot's `isoTimestamp` allows more than RFC 3339. */
const ISO_TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?:(Z)| ?([+-]\d{2})(?::?(\d{2}))?)$/;

/**
 * A contract timestamp as RFC 3339 (which is also a W3C datetime), keeping the newsroom's
 * offset: `2023-08-09 19:03:00 +0100` -> `2023-08-09T19:03:00+01:00`. Anything else that
 * parses is written in UTC; a timestamp that does not parse throws.
 */
export function toRfc3339(timestamp: string): string {
  const match = ISO_TIMESTAMP.exec(timestamp);
  if (match === null) return new Date(toTime(timestamp)).toISOString();
  const [, date = '', time = '', zulu, hours = '', minutes = '00'] = match;
  return `${date}T${time}${zulu ?? `${hours}:${minutes}`}`;
}

/** RFC 822 with a four-digit year in GMT, as RSS 2.0 dates are written. */
export function toRfc822(timestamp: string): string {
  return new Date(toTime(timestamp)).toUTCString();
}

/** Milliseconds since the epoch, for comparing timestamps written with different offsets. */
export function toTime(timestamp: string): number {
  const time = Date.parse(ISO_TIMESTAMP.test(timestamp) ? toRfc3339(timestamp) : timestamp);
  if (Number.isNaN(time)) throw new RangeError(`"${timestamp}" is not a timestamp`);
  return time;
}
