/**
 * JSON Feed (1.1, and 1.0's `author`) importer, from a URL or a file, following `next_url`.
 * A feed has no sections, so every article goes into `--section`; its tags stay tags. An
 * item's `language` wins over the feed's, an item's authors over the feed's. `title` and
 * `summary` are plain text, as the spec says ("Die Rückkehr von <i> und <b>" is a title);
 * `external_url` is what a link post is about, and is kept. An item that cannot be read is
 * reported with its reason, never dropped silently.
 */
import * as v from 'valibot';
import { completeArticles, draftOrSkip } from './article-draft.ts';
import { fromRfc3339 } from './dates.ts';
import { checkShape, isHttpUrl, parseJson, readPage } from './fetch-page.ts';
import { accessFor, nextPageOf } from './fetch-policy.ts';
import type { DraftBlock } from './html-to-blocks.ts';
import { safeImageUrl, safeLinkUrl, siteHosts, slugOfPermalink } from './links.ts';
import { feedPage, type ImportSource, type SourceContext, type SourcePage } from './source.ts';
import { decodeHTML } from 'entities';
import { withoutTrailingBoilerplate } from './boilerplate.ts';
import { sourceNameOf } from './source-name.ts';
import { cleanText, stripControls } from './text.ts';

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
  title: v.optional(v.string()),
  icon: v.optional(v.string()),
  favicon: v.optional(v.string()),
  authors: v.optional(v.array(AuthorSchema)),
  author: v.optional(AuthorSchema),
  /** Each item is checked on its own: one malformed item is skipped, not the whole feed. */
  items: v.array(v.unknown()),
});
type Feed = v.InferOutput<typeof FeedSchema>;

export function jsonFeedSource(location: string, context: SourceContext): ImportSource {
  const visited = new Set<string>();
  const { limits, policy, items: itemContext } = accessFor(location, context);
  return {
    name: location,
    key: JSON.stringify(['jsonfeed', location]),
    limits,
    start: location,
    async fetchPage(cursor, maxItems): Promise<SourcePage> {
      const where = String(cursor);
      visited.add(where);
      const page = await readPage(where, policy.page, 'application/feed+json, application/json');
      const feed = checkShape(page, FeedSchema, parseJson(page), 'a JSON Feed');
      const home = isHttpUrl(where) ? where : feed.home_page_url;

      const items: Item[] = [];
      const unread: string[] = [];
      feed.items.slice(0, maxItems).forEach((raw, index) => {
        const result = v.safeParse(ItemSchema, raw);
        if (result.success) items.push(result.output);
        else {
          const [issue] = result.issues;
          const field = issue === undefined ? undefined : v.getDotPath(issue);
          unread.push(
            `${where}: item ${index + 1} is not a JSON Feed item (${field ?? 'item'}: ${issue?.message ?? 'unexpected shape'}); skipped`,
          );
        }
      });
      const sourceName = context.sourceName ?? sourceNameOf(feed.title);
      const completed = await completeArticles(
        items.map((item) =>
          draftOrSkip(item.url ?? `${where}: item ${String(item.id)}`, () =>
            draftOf(item, home, feed),
          ),
        ),
        sourceName === undefined ? itemContext : { ...itemContext, sourceName },
      );
      const { articles } = completed;
      const skipped = [...unread, ...completed.skipped];
      const next = nextPageOf(
        feed.next_url === undefined ? undefined : safeLinkUrl(feed.next_url, home),
        where,
        visited,
        policy,
        context.warn,
      );
      return feedPage(where, { articles, skipped }, next, feed.items.length - maxItems);
    },
  };
}

function draftOf(item: Item, base: string | undefined, feed: Feed) {
  const home = feed.home_page_url;
  const url = item.url === undefined ? undefined : safeLinkUrl(item.url, base);
  const external =
    item.external_url === undefined ? undefined : safeLinkUrl(item.external_url, base);
  const externalUrl = external?.startsWith('http') ? external : undefined;
  const source = url ?? externalUrl;
  const title = plainText(item.title ?? '');
  const authors =
    item.authors ??
    (item.author === undefined ? undefined : [item.author]) ??
    feed.authors ??
    (feed.author === undefined ? [] : [feed.author]);
  // The feed's icon is not a photo of the story (journal.3960.org gives it as every item's image).
  const icons = new Set(
    [feed.icon, feed.favicon].map((icon) =>
      icon === undefined ? undefined : safeImageUrl(icon, base),
    ),
  );
  const heroUrl = [item.image, item.banner_image]
    .map((candidate) => (candidate === undefined ? undefined : safeImageUrl(candidate, base)))
    .find((candidate) => candidate !== undefined && !icons.has(candidate));
  return {
    label: source ?? `item ${String(item.id)}`,
    id: String(item.id),
    slugs: [slugOfPermalink(url)],
    title,
    // An item's own language wins over the feed's.
    lang: item.language ?? feed.language,
    published: item.date_published === undefined ? undefined : fromRfc3339(item.date_published),
    modified: item.date_modified === undefined ? undefined : fromRfc3339(item.date_modified),
    section: [],
    tags: item.tags ?? [],
    authors: authors.flatMap((author) => (author.name === undefined ? [] : [author.name])),
    standfirst: withoutTrailingBoilerplate(plainText(item.summary ?? '')),
    // A feed image carries no size or caption; it is measured, and described by the title.
    image: heroUrl === undefined ? undefined : { src: heroUrl, alt: title },
    source,
    // A link post's own page is `url`; what it is about is `external_url`.
    ...(externalUrl === undefined || externalUrl === url ? {} : { externalUrl }),
    body:
      item.content_html !== undefined
        ? { html: item.content_html, base: url ?? base, siteHosts: siteHosts(url, home, base) }
        : { blocks: textBlocks(item.content_text ?? '') },
  };
}

/**
 * Plain text by the spec: never parsed as HTML, so "<i> und <b>" stays. Character references
 * are decoded, because feeds made by CMSs write them in plain text too (`Gaza&#8217;s`).
 */
function plainText(text: string): string {
  return cleanText(decodeHTML(text));
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
