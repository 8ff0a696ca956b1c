/**
 * The sitemap (https://www.sitemaps.org/protocol.html): one `sitemap.xml` urlset while the
 * site fits in one file, else `sitemap-1.xml`, `sitemap-2.xml`, ... and a `sitemap.xml`
 * index pointing to them, filled in the order the entries come (sitemapEntries: oldest
 * first). Entries are read once, as they come, so a generator over a large
 * archive never needs more than one file's worth of URLs in hand.
 */
import type { ArticleSummary } from '../../src/contract/article.ts';
import { paths } from '../../src/lib/paths.ts';
import { element, siteLink, toRfc3339, toTime } from './xml.ts';

export type SitemapEntry = {
  /** Root-relative: `/`, `/{slug}/`. */
  path: string;
  /**
   * An article taken down: no URL, but it keeps its place, so the files after it do not move
   * (decision 025).
   */
  isHole?: boolean;
  /** When the page last changed: a W3C datetime or one of the contract's timestamps. */
  lastmod?: string;
};

export type SitemapOptions = {
  /**
   * Only the files holding these places (counted from 0, oldest first, the home page last)
   * are made, and the index; the caller knows the others are unchanged. Their URLs are only
   * counted and dated, which at 100,000 articles saves most of half a second.
   */
  onlyPlaces?: Iterable<number>;
  /** URLs per sitemap file; the protocol allows 50,000. */
  maxUrls?: number;
  /** Uncompressed bytes per sitemap file; the protocol allows 50 MB (52,428,800 bytes). */
  maxBytes?: number;
};

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const SITEMAP_MAX_URLS = 50_000;
/**
 * URLs per file unless told otherwise: about 1 MB, so taking down an article rewrites 1 MB
 * of sitemap rather than 5 (WordPress's own sitemaps hold 2,000 a file).
 */
export const SITEMAP_FILE_URLS = 10_000;
export const SITEMAP_MAX_BYTES = 52_428_800;
/** The protocol: a `<loc>` "must be less than 2,048 characters". */
const MAX_LOC_LENGTH = 2047;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_OPEN = `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NAMESPACE}">\n`;
const URLSET_CLOSE = '</urlset>\n';
const URLSET_BYTES = URLSET_OPEN.length + URLSET_CLOSE.length;

/** W3C datetime (https://www.w3.org/TR/NOTE-datetime), from a year alone down to fractions. */
const W3C_DATETIME =
  /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?)?)?$/;

/** A file's text (undefined for one not made), its URL count and its newest lastmod. */
type Chunk = { text: string | undefined; urls: number; lastmod?: string };

/**
 * Sitemap files keyed by path relative to the site root. Throws on an entry the protocol
 * cannot hold (a path that is not root-relative, a URL of 2,048 characters or more, a
 * lastmod that is not a date) and on an empty list, since a urlset needs a URL.
 */
export function buildSitemaps(
  siteUrl: string,
  entries: Iterable<SitemapEntry>,
  options: SitemapOptions = {},
): Map<string, string> {
  const maxUrls = options.maxUrls ?? SITEMAP_FILE_URLS;
  const maxBytes = options.maxBytes ?? SITEMAP_MAX_BYTES;
  if (!Number.isInteger(maxUrls) || maxUrls < 1 || maxUrls > SITEMAP_MAX_URLS) {
    throw new RangeError(`maxUrls must be a whole number from 1 to ${SITEMAP_MAX_URLS}`);
  }
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > SITEMAP_MAX_BYTES) {
    throw new RangeError(`maxBytes must be a whole number from 1 to ${SITEMAP_MAX_BYTES}`);
  }

  const only =
    options.onlyPlaces === undefined
      ? undefined
      : new Set([...options.onlyPlaces].map((place) => Math.floor(place / maxUrls)));
  const chunks: Chunk[] = [];
  let urls: string[] = [];
  /** URLs of a file not made, counted. */
  let passed = 0;
  let places = 0;
  let bytes = URLSET_BYTES;
  let newest: { lastmod: string; time: number } | undefined;
  const isMade = () => only === undefined || only.has(chunks.length);
  const flush = () => {
    const lastmod = newest && (isMade() ? newest.lastmod : w3cDatetime(newest.lastmod));
    chunks.push({
      text: isMade() ? `${URLSET_OPEN}${urls.join('')}${URLSET_CLOSE}` : undefined,
      urls: isMade() ? urls.length : passed,
      lastmod,
    });
    urls = [];
    passed = 0;
    places = 0;
    bytes = URLSET_BYTES;
    newest = undefined;
  };

  for (const entry of entries) {
    if (places === maxUrls) flush();
    if (entry.isHole === true) {
      places++;
      continue;
    }
    if (!isMade()) {
      // A file the caller knows is unchanged: only its count and newest date are needed.
      places++;
      passed++;
      if (entry.lastmod !== undefined) {
        const time = toTime(entry.lastmod);
        if (newest === undefined || time > newest.time) newest = { lastmod: entry.lastmod, time };
      }
      continue;
    }
    const loc = locOf(siteUrl, entry.path);
    const lastmod = entry.lastmod === undefined ? undefined : w3cDatetime(entry.lastmod);
    const url = `<url>${element('loc', loc)}${lastmod ? element('lastmod', lastmod) : ''}</url>\n`;
    const size = Buffer.byteLength(url);
    if (URLSET_BYTES + size > maxBytes) {
      throw new RangeError(`${loc}: one URL does not fit in a sitemap of ${maxBytes} bytes`);
    }
    if (bytes + size > maxBytes) {
      if (only !== undefined) throw new RangeError('onlyPlaces needs files cut by count, not size');
      flush();
    }
    urls.push(url);
    places++;
    bytes += size;
    if (lastmod !== undefined) {
      const time = toTime(lastmod);
      if (newest === undefined || time > newest.time) newest = { lastmod, time };
    }
  }
  if (places > 0) flush();
  return sitemapFiles(siteUrl, chunks);
}

function sitemapFiles(siteUrl: string, chunks: Chunk[]): Map<string, string> {
  const [first, ...rest] = chunks;
  if (first === undefined) throw new RangeError('a sitemap needs at least one URL');
  if (rest.length === 0) return new Map(first.text === undefined ? [] : [['sitemap.xml', first.text]]);
  return splitSitemaps(siteUrl, chunks);
}

/**
 * Every article, oldest first, then the home page, dated by the newest change to any
 * article. The caller passes the same summaries the JSON API lists (newest first). Oldest
 * first, the files a large site is split into fill one after another and stay as they are:
 * a new article changes only the newest file (and the index's date for it).
 */
export function* sitemapEntries(
  articles: readonly (Pick<ArticleSummary, 'slug' | 'modified'> & { isRemoved?: boolean })[],
): Generator<SitemapEntry> {
  let newest: { modified: string; time: number } | undefined;
  for (let index = articles.length - 1; index >= 0; index--) {
    const article = articles[index];
    if (article === undefined) continue;
    if (article.isRemoved === true) {
      yield { path: paths.article(article.slug), isHole: true };
      continue;
    }
    const time = toTime(article.modified);
    if (newest === undefined || time > newest.time) newest = { modified: article.modified, time };
    yield { path: paths.article(article.slug), lastmod: article.modified };
  }
  yield { path: paths.home(), ...(newest ? { lastmod: newest.modified } : {}) };
}

function splitSitemaps(siteUrl: string, chunks: readonly Chunk[]): Map<string, string> {
  if (chunks.length > SITEMAP_MAX_URLS) {
    throw new RangeError(`${chunks.length} sitemaps: more than one index can list`);
  }
  const files = new Map<string, string>();
  const index = [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NAMESPACE}">\n`];
  chunks.forEach((chunk, i) => {
    // A file whose every article was taken down is left out; the others keep their numbers.
    if (chunk.urls === 0) return;
    const name = `sitemap-${i + 1}.xml`;
    if (chunk.text !== undefined) files.set(name, chunk.text);
    const lastmod = chunk.lastmod ? element('lastmod', chunk.lastmod) : '';
    index.push(`<sitemap>${element('loc', locOf(siteUrl, `/${name}`))}${lastmod}</sitemap>\n`);
  });
  index.push('</sitemapindex>\n');
  const text = index.join('');
  if (Buffer.byteLength(text) > SITEMAP_MAX_BYTES) {
    throw new RangeError('the sitemap index is larger than the protocol allows');
  }
  files.set('sitemap.xml', text);
  return files;
}

function locOf(siteUrl: string, path: string): string {
  const loc = siteLink(siteUrl, path);
  if (loc.length > MAX_LOC_LENGTH) {
    throw new RangeError(`${loc.slice(0, 80)}...: a sitemap URL must be under 2,048 characters`);
  }
  return loc;
}

/** Kept as given when already a W3C datetime; a contract timestamp is written as RFC 3339. */
function w3cDatetime(lastmod: string): string {
  return W3C_DATETIME.test(lastmod) ? lastmod : toRfc3339(lastmod);
}
