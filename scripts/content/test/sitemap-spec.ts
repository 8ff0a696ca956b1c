/**
 * The sitemaps.org protocol (https://www.sitemaps.org/protocol.html) for a urlset and for a
 * sitemap index: namespace, limits (50,000 URLs, 50 MB uncompressed), `<loc>` absolute, under
 * the site and the sitemap's own folder, shorter than 2,048 characters and entity-escaped,
 * `<lastmod>` a W3C datetime. Returns problems as sentences; empty when valid.
 */
import {
  attribute,
  childNames,
  children,
  isAbsoluteUrl,
  parseXml,
  textOf,
  wellFormedProblems,
} from './xml-checks.ts';

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const MAX_ENTRIES = 50_000;
const MAX_BYTES = 52_428_800;

const W3C_DATETIME =
  /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?)?)?$/;
const CHANGEFREQ = new Set(['always', 'hourly', 'daily', 'weekly', 'monthly', 'yearly', 'never']);

export type SitemapKind = 'urlset' | 'sitemapindex';

/** The root element's name and every `<loc>`, for tests that count what a file lists. */
export function readSitemap(xml: string): { kind: string; locs: string[] } {
  const document = parseXml(xml);
  const kind = childNames(document).find((name) => name !== '?xml') ?? '';
  const entryName = kind === 'sitemapindex' ? 'sitemap' : 'url';
  const entries = children(document, kind).flatMap((root) => children(root, entryName));
  return {
    kind,
    locs: entries.flatMap((entry) => children(entry, 'loc').map(textOf)),
  };
}

/** `siteUrl` has no trailing slash; the file is served from its root. */
export function sitemapProblems(xml: string, siteUrl: string, kind: SitemapKind): string[] {
  const wellFormed = wellFormedProblems(xml);
  if (wellFormed.length > 0) return wellFormed;
  const problems: string[] = [];
  const bytes = Buffer.byteLength(xml);
  if (bytes > MAX_BYTES) problems.push(`${bytes} bytes: more than 50 MB uncompressed`);
  problems.push(...rawLocProblems(xml));

  const document = parseXml(xml);
  const roots = childNames(document).filter((name) => name !== '?xml');
  const [root] = children(document, kind);
  if (roots.length !== 1 || root === undefined) return [...problems, `the root must be <${kind}>`];
  if (attribute(root, 'xmlns') !== SITEMAP_NAMESPACE) {
    problems.push(`<${kind}> must declare xmlns="${SITEMAP_NAMESPACE}"`);
  }
  const entryName = kind === 'urlset' ? 'url' : 'sitemap';
  const allowed = kind === 'urlset' ? ['loc', 'lastmod', 'changefreq', 'priority'] : ['loc', 'lastmod'];
  for (const name of childNames(root)) {
    if (name !== entryName) problems.push(`<${kind}> may hold only <${entryName}>, not <${name}>`);
  }
  const entries = children(root, entryName);
  if (entries.length === 0) problems.push(`<${kind}> needs at least one <${entryName}>`);
  if (entries.length > MAX_ENTRIES) problems.push(`${entries.length} entries: more than 50,000`);

  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const where = `<${entryName}> ${i + 1}`;
    for (const name of childNames(entry)) {
      if (!allowed.includes(name) && !name.includes(':')) {
        problems.push(`${where}: <${name}> is not part of the protocol`);
      }
    }
    const locs = children(entry, 'loc');
    const [loc] = locs;
    if (locs.length !== 1 || loc === undefined) {
      problems.push(`${where}: needs exactly one <loc>`);
    } else {
      problems.push(...locProblems(where, textOf(loc), siteUrl));
      if (seen.has(textOf(loc))) problems.push(`${where}: ${textOf(loc)} is listed twice`);
      seen.add(textOf(loc));
    }
    for (const lastmod of children(entry, 'lastmod')) {
      if (!W3C_DATETIME.test(textOf(lastmod))) {
        problems.push(`${where}: <lastmod> "${textOf(lastmod)}" is not a W3C datetime`);
      }
    }
    for (const changefreq of children(entry, 'changefreq')) {
      if (!CHANGEFREQ.has(textOf(changefreq))) problems.push(`${where}: bad <changefreq>`);
    }
    for (const priority of children(entry, 'priority')) {
      const value = Number(textOf(priority));
      if (!(value >= 0 && value <= 1)) problems.push(`${where}: <priority> must be 0.0 to 1.0`);
    }
  });
  return problems;
}

function locProblems(where: string, loc: string, siteUrl: string): string[] {
  const problems: string[] = [];
  if (!isAbsoluteUrl(loc)) problems.push(`${where}: "${loc}" is not an absolute, escaped URL`);
  if (loc.length >= 2048) problems.push(`${where}: <loc> has ${loc.length} characters (< 2,048)`);
  // A sitemap may list only URLs on its own host and under its own folder (the site root).
  if (!loc.startsWith(`${siteUrl}/`)) problems.push(`${where}: ${loc} is not under ${siteUrl}/`);
  return problems;
}

/** In the file as written, a URL's & ' " < > must be entities. */
function rawLocProblems(xml: string): string[] {
  const problems: string[] = [];
  for (const [, raw = ''] of xml.matchAll(/<loc>([^]*?)<\/loc>/g)) {
    const unescaped = raw.replace(/&(?:amp|apos|quot|lt|gt);/g, '');
    if (/[&'"<>]/.test(unescaped)) problems.push(`<loc>${raw}</loc>: & ' " < > must be escaped`);
  }
  return problems;
}
