/**
 * Feeds of the latest articles, written from the same summaries as the JSON API: a JSON Feed
 * 1.1 (`feed.json`) and an RSS 2.0 feed (`rss.xml`) for the whole site and for every section.
 * Pure and deterministic: dates come from the articles, never from the clock.
 */
import { SLUG_PATTERN, type ArticleSummary, type Named } from '../../src/contract/article.ts';
import { paths } from '../../src/lib/paths.ts';
import {
  attributesOf,
  element,
  resolveUrl,
  siteLink,
  toRfc3339,
  toRfc822,
  toTime,
} from './xml.ts';

export type FeedArticle = ArticleSummary & { authors: Named[]; tags: Named[] };

export type FeedSite = {
  name: string;
  /** Where the site is published, without a trailing slash. */
  url: string;
  language: string;
  description: string;
  /** The folder under the site root the feeds are written to; the root when left out. */
  feedPath?: string;
};

export type FeedOptions = {
  /** Articles per feed. */
  limit?: number;
};

export const FEED_LIMIT = 50;

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

const RSS_NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};

/** One feed, in both formats. */
type Channel = {
  /** The feed's folder relative to the site root: '' or ends in '/'. */
  folder: string;
  title: string;
  description: string;
  articles: FeedArticle[];
};

/**
 * Every feed file, keyed by its path relative to the site root: `feed.json`, `rss.xml`,
 * `section/{slug}/feed.json`, `section/{slug}/rss.xml`. An article counts for its own
 * section and for each section above it. One pass over the articles, which must come
 * newest first (by `published`, as the JSON API lists them); each feed stops filling at
 * the limit.
 */
export function buildFeeds(
  site: FeedSite,
  newestFirst: readonly FeedArticle[],
  options: FeedOptions = {},
): Map<string, string> {
  const limit = options.limit ?? FEED_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`feed limit must be a whole number above 0, not ${limit}`);
  }
  const root = feedFolder(site.feedPath);
  const latest: Channel = {
    folder: root,
    title: site.name,
    description: site.description,
    articles: [],
  };
  const sections = new Map<string, Channel>();

  let previous: { slug: string; time: number } | undefined;
  for (const article of newestFirst) {
    const time = toTime(article.published);
    if (previous !== undefined && time > previous.time) {
      throw new RangeError(
        `feeds need articles newest first: "${article.slug}" was published after "${previous.slug}"`,
      );
    }
    previous = { slug: article.slug, time };

    if (latest.articles.length < limit) latest.articles.push(article);
    for (const section of sectionsOf(article)) {
      let channel = sections.get(section.slug);
      if (channel === undefined) {
        channel = {
          folder: `${root}section/${section.slug}/`,
          title: `${site.name} | ${section.name}`,
          description: `The latest ${section.name} articles from ${site.name}`,
          articles: [],
        };
        sections.set(section.slug, channel);
      }
      if (channel.articles.length < limit) channel.articles.push(article);
    }
  }

  const files = new Map<string, string>();
  for (const channel of [latest, ...sections.values()]) {
    files.set(`${channel.folder}feed.json`, jsonFeed(site, channel));
    files.set(`${channel.folder}rss.xml`, rssFeed(site, channel));
  }
  return files;
}

/** The article's section and the sections above it, each once. */
function sectionsOf(article: FeedArticle): Named[] {
  const { parents = [], ...leaf } = article.section;
  const seen = new Set<string>();
  const sections: Named[] = [];
  for (const section of [leaf, ...parents]) {
    // Section slugs become folder names, so a slug outside the contract must not get that far.
    if (!SLUG_PATTERN.test(section.slug)) {
      throw new RangeError(`article "${article.slug}": section slug "${section.slug}" is not a slug`);
    }
    if (seen.has(section.slug)) continue;
    seen.add(section.slug);
    sections.push({ name: section.name, slug: section.slug });
  }
  return sections;
}

function feedFolder(feedPath = ''): string {
  const trimmed = feedPath.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `${trimmed}/`;
}

/** Section first, then tags: what a reader filters on, without repeats. */
function categoriesOf(article: FeedArticle): string[] {
  return [...new Set([article.section.name, ...article.tags.map((tag) => tag.name)])];
}

function newestModified(articles: readonly FeedArticle[]): string | undefined {
  let newest: { modified: string; time: number } | undefined;
  for (const { modified } of articles) {
    const time = toTime(modified);
    if (newest === undefined || time > newest.time) newest = { modified, time };
  }
  return newest?.modified;
}

function jsonFeed(site: FeedSite, channel: Channel): string {
  const home = siteLink(site.url, paths.home());
  const publication = { name: site.name, url: home };
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: home,
    feed_url: siteLink(site.url, `/${channel.folder}feed.json`),
    description: channel.description,
    language: site.language,
    authors: [publication],
    items: channel.articles.map((article) => jsonItem(site, article, publication)),
  });
}

function jsonItem(site: FeedSite, article: FeedArticle, publication: { name: string; url: string }) {
  const url = siteLink(site.url, paths.article(article.slug));
  return {
    id: url,
    url,
    title: article.title,
    ...(article.standfirst !== '' ? { summary: article.standfirst } : {}),
    // The feed's own language is the site's; an article in another says so itself.
    ...(article.lang !== undefined ? { language: article.lang } : {}),
    // An item needs content_html or content_text; the standfirst is the text we have.
    content_text: article.standfirst !== '' ? article.standfirst : article.title,
    ...(article.image ? { image: resolveUrl(site.url, article.image.src) } : {}),
    date_published: toRfc3339(article.published),
    date_modified: toRfc3339(article.modified),
    authors:
      article.authors.length > 0
        ? article.authors.map((author) => ({ name: author.name }))
        : [publication],
    tags: categoriesOf(article),
  };
}

function rssFeed(site: FeedSite, channel: Channel): string {
  const lastBuild = newestModified(channel.articles);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss${attributesOf({ version: '2.0', ...RSS_NAMESPACES })}>`,
    '<channel>',
    element('title', channel.title),
    element('link', siteLink(site.url, paths.home())),
    element('description', channel.description),
    element('language', site.language),
    ...(lastBuild !== undefined ? [element('lastBuildDate', toRfc822(lastBuild))] : []),
    `<atom:link${attributesOf({
      href: siteLink(site.url, `/${channel.folder}rss.xml`),
      rel: 'self',
      type: 'application/rss+xml',
    })}/>`,
    ...channel.articles.map((article) => rssItem(site, article)),
    '</channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}

function rssItem(site: FeedSite, article: FeedArticle): string {
  const url = siteLink(site.url, paths.article(article.slug));
  const creators = article.authors.length > 0 ? article.authors.map((a) => a.name) : [site.name];
  const lines = [
    '<item>',
    element('title', article.title),
    element('link', url),
    element('guid', url, { isPermaLink: 'true' }),
    element('pubDate', toRfc822(article.published)),
    element('description', article.standfirst),
    // RSS 2.0 has a language per channel only; Dublin Core gives one per item.
    ...(article.lang !== undefined ? [element('dc:language', article.lang)] : []),
    ...creators.map((name) => element('dc:creator', name)),
    ...categoriesOf(article).map((name) => element('category', name)),
  ];
  const { image } = article;
  if (image) {
    const description = image.caption ?? image.alt;
    lines.push(
      `<media:content${attributesOf({
        url: resolveUrl(site.url, image.src),
        medium: 'image',
        width: image.width,
        height: image.height,
      })}>`,
      ...(description !== '' ? [element('media:description', description, { type: 'plain' })] : []),
      ...(image.credit ? [element('media:credit', image.credit)] : []),
      '</media:content>',
    );
  }
  lines.push('</item>');
  return lines.join('\n');
}
