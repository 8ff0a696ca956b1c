/**
 * WordPress REST API importer: `{base}/wp/v2/posts?_embed`, 100 posts a page, oldest
 * modification first so that a run resumed by page number (or narrowed with `--since`) picks
 * up where the last one stopped. Hero, terms and byline come from `_embedded`; the parent
 * chain of categories (region -> country) from `/wp/v2/categories`; the site's name and
 * clock from the REST index (`/wp-json/`), read once. Posts are read leniently: a field a
 * `_fields` query or a plugin left out, or an author WordPress hides behind an error object
 * (`rest_user_cannot_view`), costs that field, never the import.
 */
import * as v from 'valibot';
import { splitCaptionCredit } from '../content/caption.ts';
import { completeArticles, draftOrSkip } from './article-draft.ts';
import { fromWordPress, type SiteClock } from './dates.ts';
import { ImportError } from './import-error.ts';
import { sourceNameOf } from './source-name.ts';
import { checkShape, parseJson, readPage } from './fetch-page.ts';
import { accessFor, type FetchPolicy } from './fetch-policy.ts';
import { LIMIT_OPTIONS } from './limits.ts';
import type { DraftImage } from './html-to-blocks.ts';
import { safeImageUrl, safeLinkUrl, siteHosts, slugOfPermalink } from './links.ts';
import type { ImportSource, SourceContext, SourcePage } from './source.ts';
import { htmlToText, withoutMoreMarker } from './text.ts';
import { fetchCategories, sectionOf, type CategoryMap } from './wordpress-categories.ts';

const Rendered = v.object({ rendered: v.string() });

const TermSchema = v.object({ id: v.number(), name: v.string(), taxonomy: v.string() });

const SizeSchema = v.object({
  source_url: v.optional(v.string()),
  width: v.optional(v.number()),
  height: v.optional(v.number()),
});

/** PHP writes an empty map as `[]`; WordPress does that for `media_details` and `sizes`. */
const phpMap = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  v.optional(
    v.union([
      schema,
      v.pipe(
        v.array(v.unknown()),
        v.transform(() => undefined),
      ),
    ]),
  );

/**
 * An embedded attachment. When the media is not public, WordPress embeds an error object
 * (`{ code, message, data }`) instead, so every field is optional.
 */
const FeaturedMediaSchema = v.object({
  source_url: v.optional(v.string()),
  alt_text: v.optional(v.string()),
  media_type: v.optional(v.string()),
  caption: v.optional(Rendered),
  media_details: phpMap(
    v.object({
      width: v.optional(v.number()),
      height: v.optional(v.number()),
      sizes: phpMap(v.record(v.string(), SizeSchema)),
    }),
  ),
});

/** `{ rendered }` as WordPress writes titles, excerpts and content; absent under `_fields`. */
const OptionalRendered = v.optional(v.object({ rendered: v.optional(v.string(), '') }));

const PostSchema = v.object({
  id: v.number(),
  /** `publish` in every public answer; a client allowed to see drafts sees others too. */
  status: v.optional(v.string()),
  date: v.optional(v.nullable(v.string())),
  date_gmt: v.optional(v.nullable(v.string())),
  modified: v.optional(v.nullable(v.string())),
  modified_gmt: v.optional(v.nullable(v.string())),
  slug: v.optional(v.string(), ''),
  link: v.optional(v.string()),
  title: OptionalRendered,
  content: v.optional(
    v.object({ rendered: v.optional(v.string(), ''), protected: v.optional(v.boolean()) }),
  ),
  excerpt: OptionalRendered,
  /** Category ids: where `_embed` was not asked for, the only way to the sections. */
  categories: v.optional(v.array(v.number())),
  /** Polylang's language of the post ("en"). */
  lang: v.optional(v.unknown()),
  /** WPML's locale of the post ("en_US"). */
  wpml_current_locale: v.optional(v.unknown()),
  /** Yoast SEO's head data: `og_locale` is the post's locale ("id_ID"). */
  yoast_head_json: v.optional(v.object({ og_locale: v.optional(v.unknown()) })),
  _embedded: v.optional(
    v.object({
      /** A user, or WordPress's error object where users are private: read as anything. */
      author: v.optional(v.array(v.unknown())),
      'wp:featuredmedia': v.optional(v.array(FeaturedMediaSchema)),
      /** One list per taxonomy: categories, then tags. */
      'wp:term': v.optional(v.array(v.array(TermSchema))),
    }),
  ),
});
type Post = v.InferOutput<typeof PostSchema>;

export type WordPressOptions = {
  /** The REST API root, e.g. https://example.org/wp-json */
  base: string;
  /** Only posts modified after this (ISO 8601), via `modified_after`. */
  since?: string;
  /** Only these posts, via `include` (a sync fetching posts it found missing). */
  include?: readonly number[];
  perPage: number;
};

/** What the REST index (`/wp-json/`) says of the site; WordPress states no language there. */
const IndexSchema = v.object({
  name: v.optional(v.string()),
  home: v.optional(v.string()),
  url: v.optional(v.string()),
  gmt_offset: v.optional(v.union([v.number(), v.string()])),
  timezone_string: v.optional(v.string()),
});

type SiteInfo = { name?: string; home?: string; clock: SiteClock; language?: string };

/**
 * The site's language: the REST index does not say, but WordPress's own RSS feed (`/feed/`)
 * always carries the blog's `<language>`. Read once; a site without it has none.
 */
async function feedLanguage(
  home: string,
  policy: FetchPolicy,
  warn: (message: string) => void,
): Promise<string | undefined> {
  const feed = `${home.replace(/\/+$/, '')}/feed/`;
  // The index names the site's home; a hostile one may name any host.
  const refusal = policy.pageRefusal(feed);
  if (refusal !== undefined) {
    warn(`${feed}, the site's feed: ${refusal}; articles are imported without its language`);
    return undefined;
  }
  try {
    const page = await readPage(feed, { ...policy.page, attempts: 1 }, 'application/rss+xml');
    const language = /<language>\s*([^<\s]+)\s*<\/language>/.exec(page.text)?.[1];
    return language === undefined ? undefined : htmlToText(language);
  } catch (error) {
    if (error instanceof ImportError) return undefined;
    throw error;
  }
}

/** Reads the REST index once; a site that hides it is imported without its name and zone. */
async function readIndex(
  base: string,
  policy: FetchPolicy,
  context: SourceContext,
): Promise<SiteInfo> {
  try {
    const page = await readPage(`${base}/`, policy.page, 'application/json');
    const index = checkShape(page, IndexSchema, parseJson(page), 'the WordPress REST index');
    const offset = Number(index.gmt_offset);
    const name = sourceNameOf(index.name);
    const home = index.home ?? index.url;
    const language =
      home === undefined ? undefined : await feedLanguage(home, policy, context.warn);
    return {
      ...(name === undefined ? {} : { name }),
      ...(language === undefined ? {} : { language }),
      ...(home === undefined ? {} : { home }),
      clock: {
        ...(index.timezone_string ? { timezone: index.timezone_string } : {}),
        ...(index.gmt_offset !== undefined && Number.isFinite(offset)
          ? { gmtOffsetHours: offset }
          : {}),
      },
    };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    context.warn(`${error.message}; articles are imported without the site's name and time zone`);
    return { clock: {} };
  }
}

export function wordpressSource(options: WordPressOptions, context: SourceContext): ImportSource {
  const base = apiRoot(options.base);
  const { limits, policy, items: itemContext } = accessFor(base, context);
  const categories: CategoryMap = new Map();
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (!warned.has(message)) context.warn(message);
    warned.add(message);
  };
  let site: SiteInfo | undefined;
  let hasWarnedOfPages = false;
  return {
    name: base,
    key: JSON.stringify([
      'wordpress',
      base,
      options.since ?? null,
      options.perPage,
      ...(options.include === undefined ? [] : [options.include]),
    ]),
    limits,
    start: 1,
    async fetchPage(cursor, maxItems): Promise<SourcePage> {
      const page = typeof cursor === 'number' ? cursor : Number(cursor);
      const query = new URLSearchParams({
        per_page: String(options.perPage),
        page: String(page),
        orderby: 'modified',
        order: 'asc',
        ...(options.since === undefined ? {} : { modified_after: options.since }),
        ...(options.include === undefined ? {} : { include: options.include.join(',') }),
      });
      const url = `${base}/wp/v2/posts?_embed&${query.toString()}`;
      const response = await readPage(url, policy.page, 'application/json');
      const listed = checkShape(
        response,
        v.array(PostSchema),
        parseJson(response),
        'a page of WordPress posts',
      );
      const read = listed.slice(0, maxItems);
      const posts = read.filter((post) => isPublished(post));
      const totalPages = Number(response.headers?.get('x-wp-totalpages') ?? '1');
      if (totalPages > limits.maxPages && !hasWarnedOfPages) {
        hasWarnedOfPages = true;
        context.warn(
          `${url}: the source claims ${totalPages} pages; stopping after ${LIMIT_OPTIONS.maxPages} ${limits.maxPages}`,
        );
      }

      site ??= await readIndex(base, policy, context);
      const info = site;
      const termIds = posts.flatMap(categoryIds);
      await fetchCategories(base, termIds, categories, policy.page, limits.maxCategoryDepth);

      const drafts = posts.map((post) =>
        draftOrSkip(`post ${post.id}`, () =>
          draftOf(
            post,
            base,
            { categories, maxDepth: limits.maxCategoryDepth, warn: warnOnce },
            info,
          ),
        ),
      );
      for (const draft of drafts)
        if ('assumedUtc' in draft && draft.assumedUtc)
          context.warn(
            `${draft.label}: no date_gmt and no site time zone; its date is read as UTC`,
          );
      const sourceName = context.sourceName ?? info.name;
      const { articles, skipped, skippedIds } = await completeArticles(
        drafts,
        sourceName === undefined ? itemContext : { ...itemContext, sourceName },
      );
      // An empty page is the end, whatever the header claims.
      const isLast = !Number.isFinite(totalPages) || page >= totalPages || listed.length === 0;
      // A post whose HTML could not be read is skipped before it is a draft: by its id here.
      const unread = posts.filter((_, index) => 'skip' in (drafts[index] ?? {}));
      const failed = [...unread.map((post) => String(post.id)), ...skippedIds];
      return {
        articles,
        skipped,
        ...(failed.length > 0 ? { skippedIds: failed } : {}),
        label: `page ${page} of ${Number.isFinite(totalPages) ? totalPages : '?'}`,
        ...(isLast ? {} : { next: page + 1 }),
        ...(listed.length > read.length ? { unread: listed.length - read.length } : {}),
        ...(posts.length < read.length
          ? { withdrawn: read.filter((post) => !isPublished(post)).map((post) => String(post.id)) }
          : {}),
      };
    },
  };
}

/** A post without a status is a public answer's, and public answers list published posts only. */
function isPublished(post: Post): boolean {
  return post.status === undefined || post.status === 'publish';
}

/** `https://example.org` and `.../wp-json/` both mean the REST root `.../wp-json`. */
export function apiRoot(base: string): string {
  const url = new URL(base);
  const root = url.pathname === '/' ? `${url.origin}/wp-json` : url.href;
  return root.replace(/\/+$/, '');
}

function categoryTerms(post: Post) {
  return (post._embedded?.['wp:term'] ?? []).flat().filter((term) => term.taxonomy === 'category');
}

/** The post's category ids: from the embedded terms, else the post's own `categories`. */
function categoryIds(post: Post): number[] {
  const embedded = categoryTerms(post).map((term) => term.id);
  return embedded.length > 0 ? embedded : (post.categories ?? []);
}

/** The byline's names: users only; an error object in an author's place is no author. */
function authorNames(post: Post): string[] {
  return (post._embedded?.author ?? []).flatMap((author) => {
    const result = v.safeParse(AuthorSchema, author);
    if (!result.success || result.output.code !== undefined) return [];
    const name = result.output.name === undefined ? '' : htmlToText(result.output.name);
    return name === '' ? [] : [name];
  });
}

const AuthorSchema = v.object({ name: v.optional(v.string()), code: v.optional(v.unknown()) });

/** A multilingual plugin's language of the post: Polylang's `lang`, WPML's, Yoast's locale. */
function statedLanguage(post: Post): string | undefined {
  for (const value of [post.lang, post.wpml_current_locale, post.yoast_head_json?.og_locale]) {
    // Locales are written with an underscore ("en_US"); a language tag takes a hyphen.
    if (typeof value === 'string' && value.trim() !== '') return value.trim().replace('_', '-');
  }
  return undefined;
}

/** The site's categories, and how deep their parent chains may go. */
type Sections = { categories: CategoryMap; maxDepth: number; warn: (message: string) => void };

function draftOf(post: Post, base: string, sections: Sections, site: SiteInfo) {
  const home = site.home ?? new URL(base).origin;
  // A `_fields` query can leave `link` out: `?p=<id>` is the permalink WordPress redirects.
  const link =
    safeLinkUrl(post.link ?? '', undefined) ??
    safeLinkUrl(`?p=${post.id}`, `${home.replace(/\/+$/, '')}/`);
  const title = htmlToText(post.title?.rendered ?? '');
  const terms = (post._embedded?.['wp:term'] ?? []).flat();
  const published = fromWordPress(post.date, post.date_gmt, site.clock);
  const modified = fromWordPress(post.modified, post.modified_gmt, site.clock);
  const lang = statedLanguage(post) ?? site.language;
  return {
    label: link ?? `post ${post.id}`,
    id: String(post.id),
    slugs: [post.link === undefined ? undefined : slugOfPermalink(link), post.slug],
    title,
    ...(lang === undefined ? {} : { lang }),
    published: published?.iso,
    modified: modified?.iso,
    assumedUtc: published?.assumedUtc === true,
    section: sectionOf(categoryIds(post), sections.categories, sections.maxDepth, sections.warn),
    tags: terms.filter((term) => term.taxonomy === 'post_tag').map((term) => htmlToText(term.name)),
    authors: authorNames(post),
    standfirst: withoutMoreMarker(htmlToText(post.excerpt?.rendered ?? '')),
    image: heroOf(post, title),
    source: link,
    body: {
      // A password-protected post's content is not public; import only its headline and excerpt.
      html: post.content?.protected === true ? '' : (post.content?.rendered ?? ''),
      base: link,
      siteHosts: siteHosts(link, base, home),
    },
  };
}

function heroOf(post: Post, title: string): DraftImage | undefined {
  const media = post._embedded?.['wp:featuredmedia']?.[0];
  if (media === undefined || (media.media_type !== undefined && media.media_type !== 'image'))
    return undefined;
  const details = media.media_details;
  // The largest rendition: `full` (the upload itself) unless a listed size is wider.
  const original = { source_url: media.source_url, width: details?.width, height: details?.height };
  const renditions = [
    ...(details?.sizes?.full === undefined ? [original] : [details.sizes.full]),
    ...Object.values(details?.sizes ?? {}),
  ].filter((size) => size.source_url !== undefined && size.source_url !== '');
  const largest = renditions.reduce<(typeof renditions)[number] | undefined>(
    (best, size) => (best === undefined || (size.width ?? 0) > (best.width ?? 0) ? size : best),
    undefined,
  );
  const src = safeImageUrl(largest?.source_url ?? media.source_url ?? '', undefined);
  if (src === undefined) return undefined;
  const width = largest?.width;
  const height = largest?.height;
  const { caption, credit } = splitCaptionCredit(htmlToText(media.caption?.rendered ?? ''));
  const alt = htmlToText(media.alt_text ?? '') || caption || title;
  return {
    src,
    alt,
    ...(isDimension(width) && isDimension(height) ? { width, height } : {}),
    ...(caption === '' ? {} : { caption }),
    ...(credit === undefined ? {} : { credit }),
  };
}

function isDimension(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 1;
}
