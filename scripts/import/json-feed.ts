/**
 * JSON Feed (1.1, and 1.0's `author`) importer, from a URL or a file, following `next_url`.
 * A feed has no sections, so every article goes into `--section`; its tags stay tags. An
 * item's `language` wins over the feed's.
 */
import * as v from 'valibot';
import { completeArticles } from './article-draft.ts';
import { fromRfc3339 } from './dates.ts';
import { checkShape, isHttpUrl, parseJson, readPage } from './fetch-page.ts';
import type { DraftBlock } from './html-to-blocks.ts';
import { safeImageUrl, safeLinkUrl, siteHosts, slugOfPermalink } from './links.ts';
import type { ImportSource, SourceContext, SourcePage } from './source.ts';
import { htmlToText, stripControls } from './text.ts';

const AuthorSchema = v.object({ name: v.optional(v.string()) });

const ItemSchema = v.object({
  /** A string in 1.1; some 1.0 feeds use numbers. */
  id: v.union([v.string(), v.number()]),
  url: v.optional(v.string()),
  external_url: v.optional(v.string()),
  title: v.optional(v.string()),
  content_html: v.optional(v.string()),
  content_text: v.optional(v.string()),
  summary: v.optional(v.string()),
  image: v.optional(v.string()),
  banner_image: v.optional(v.string()),
  date_published: v.optional(v.string()),
  date_modified: v.optional(v.string()),
  authors: v.optional(v.array(AuthorSchema)),
  author: v.optional(AuthorSchema),
  tags: v.optional(v.array(v.string())),
  /** Read as anything: a language that is not a tag is left out, not a reason to stop. */
  language: v.optional(v.unknown()),
});
type Item = v.InferOutput<typeof ItemSchema>;

const FeedSchema = v.object({
  version: v.pipe(
    v.string(),
    v.startsWith('https://jsonfeed.org/version/', 'not a JSON Feed version URL'),
  ),
  home_page_url: v.optional(v.string()),
  next_url: v.optional(v.string()),
  language: v.optional(v.unknown()),
  items: v.array(ItemSchema),
});

export function jsonFeedSource(location: string, context: SourceContext): ImportSource {
  const visited = new Set<string>();
  return {
    name: location,
    key: JSON.stringify(['jsonfeed', location]),
    start: location,
    async fetchPage(cursor): Promise<SourcePage> {
      const where = String(cursor);
      visited.add(where);
      const page = await readPage(where, context.http, 'application/feed+json, application/json');
      const feed = checkShape(page, FeedSchema, parseJson(page), 'a JSON Feed');
      const home = isHttpUrl(where) ? where : feed.home_page_url;

      const { articles, skipped } = await completeArticles(
        feed.items.map((item) => draftOf(item, home, feed.home_page_url, feed.language)),
        context,
      );
      const next = feed.next_url === undefined ? undefined : safeLinkUrl(feed.next_url, home);
      // A feed whose next page is one already read would page forever.
      const hasNext = next !== undefined && next.startsWith('http') && !visited.has(next);
      return { articles, skipped, label: where, ...(hasNext ? { next } : {}) };
    },
  };
}

function draftOf(
  item: Item,
  base: string | undefined,
  home: string | undefined,
  feedLanguage: unknown,
) {
  const url = item.url === undefined ? undefined : safeLinkUrl(item.url, base);
  const source =
    url ?? (item.external_url === undefined ? undefined : safeLinkUrl(item.external_url, base));
  // Plain text by the spec, yet feeds made by CMSs carry their entities (&#8217;) and markup.
  const title = htmlToText(item.title ?? '');
  const authors = item.authors ?? (item.author === undefined ? [] : [item.author]);
  const heroUrl = [item.image, item.banner_image]
    .map((candidate) => (candidate === undefined ? undefined : safeImageUrl(candidate, base)))
    .find((candidate) => candidate !== undefined);
  return {
    label: source ?? `item ${String(item.id)}`,
    slugs: [slugOfPermalink(url)],
    title,
    // An item's own language wins over the feed's.
    lang: item.language ?? feedLanguage,
    published: item.date_published === undefined ? undefined : fromRfc3339(item.date_published),
    modified: item.date_modified === undefined ? undefined : fromRfc3339(item.date_modified),
    section: [],
    tags: item.tags ?? [],
    authors: authors.flatMap((author) => (author.name === undefined ? [] : [author.name])),
    standfirst: htmlToText(item.summary ?? ''),
    // A feed image carries no size or caption; it is measured, and described by the title.
    image: heroUrl === undefined ? undefined : { src: heroUrl, alt: title },
    source,
    body:
      item.content_html !== undefined
        ? { html: item.content_html, base: url ?? base, siteHosts: siteHosts(url, home, base) }
        : { blocks: textBlocks(item.content_text ?? '') },
  };
}

/** Plain text: a blank line separates paragraphs, a single newline is a line break. */
function textBlocks(text: string): DraftBlock[] {
  return stripControls(text)
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => ({
      type: 'paragraph' as const,
      content: paragraph
        .split(/\r?\n/)
        .flatMap((line, index) => [
          ...(index > 0 ? [{ type: 'break' as const }] : []),
          { type: 'text' as const, text: line.replace(/\s+/g, ' ').trim() },
        ]),
    }));
}
