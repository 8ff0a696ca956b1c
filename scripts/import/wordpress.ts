/**
 * WordPress REST API importer: `{base}/wp/v2/posts?_embed`, 100 posts a page, oldest
 * modification first so that a run resumed by page number (or narrowed with `--since`) picks
 * up where the last one stopped. Hero, terms and byline come from `_embedded`; the parent
 * chain of categories (region -> country) from `/wp/v2/categories`.
 */
import * as v from 'valibot';
import { splitCaptionCredit } from '../content/caption.ts';
import { completeArticles } from './article-draft.ts';
import { fromWordPressGmt } from './dates.ts';
import { checkShape, parseJson, readPage } from './fetch-page.ts';
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

const PostSchema = v.object({
  id: v.number(),
  date_gmt: v.nullable(v.string()),
  modified_gmt: v.nullable(v.string()),
  slug: v.string(),
  link: v.string(),
  title: Rendered,
  content: v.object({ rendered: v.string(), protected: v.optional(v.boolean()) }),
  excerpt: Rendered,
  _embedded: v.optional(
    v.object({
      author: v.optional(v.array(v.object({ name: v.optional(v.string()) }))),
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
  perPage: number;
};

export function wordpressSource(options: WordPressOptions, context: SourceContext): ImportSource {
  const base = apiRoot(options.base);
  const categories: CategoryMap = new Map();
  return {
    name: base,
    key: JSON.stringify(['wordpress', base, options.since ?? null, options.perPage]),
    start: 1,
    async fetchPage(cursor): Promise<SourcePage> {
      const page = typeof cursor === 'number' ? cursor : Number(cursor);
      const query = new URLSearchParams({
        per_page: String(options.perPage),
        page: String(page),
        orderby: 'modified',
        order: 'asc',
        ...(options.since === undefined ? {} : { modified_after: options.since }),
      });
      const url = `${base}/wp/v2/posts?_embed&${query.toString()}`;
      const response = await readPage(url, context.http, 'application/json');
      const posts = checkShape(
        response,
        v.array(PostSchema),
        parseJson(response),
        'a page of WordPress posts',
      );
      const totalPages = Number(response.headers?.get('x-wp-totalpages') ?? '1');

      const termIds = posts.flatMap((post) => categoryTerms(post).map((term) => term.id));
      await fetchCategories(base, termIds, categories, context.http);

      const { articles, skipped } = await completeArticles(
        posts.map((post) => draftOf(post, base, categories)),
        context,
      );
      const isLast = !Number.isFinite(totalPages) || page >= totalPages;
      return {
        articles,
        skipped,
        label: `page ${page} of ${Number.isFinite(totalPages) ? totalPages : '?'}`,
        ...(isLast ? {} : { next: page + 1 }),
      };
    },
  };
}

/** `https://example.org` and `.../wp-json/` both mean the REST root `.../wp-json`. */
function apiRoot(base: string): string {
  const url = new URL(base);
  const root = url.pathname === '/' ? `${url.origin}/wp-json` : url.href;
  return root.replace(/\/+$/, '');
}

function categoryTerms(post: Post) {
  return (post._embedded?.['wp:term'] ?? []).flat().filter((term) => term.taxonomy === 'category');
}

function draftOf(post: Post, base: string, categories: CategoryMap) {
  const link = safeLinkUrl(post.link, undefined);
  const title = htmlToText(post.title.rendered);
  const terms = (post._embedded?.['wp:term'] ?? []).flat();
  const author = post._embedded?.author?.[0]?.name;
  return {
    label: link ?? `post ${post.id}`,
    slugs: [slugOfPermalink(link), post.slug],
    title,
    published: post.date_gmt === null ? undefined : fromWordPressGmt(post.date_gmt),
    modified: post.modified_gmt === null ? undefined : fromWordPressGmt(post.modified_gmt),
    section: sectionOf(
      categoryTerms(post).map((term) => term.id),
      categories,
    ),
    tags: terms.filter((term) => term.taxonomy === 'post_tag').map((term) => htmlToText(term.name)),
    authors: author === undefined ? [] : [author],
    standfirst: withoutMoreMarker(htmlToText(post.excerpt.rendered)),
    image: heroOf(post, title),
    source: link,
    body: {
      // A password-protected post's content is not public; import only its headline and excerpt.
      html: post.content.protected === true ? '' : post.content.rendered,
      base: link,
      siteHosts: siteHosts(link, base),
    },
  };
}

function heroOf(post: Post, title: string): DraftImage | undefined {
  const media = post._embedded?.['wp:featuredmedia']?.[0];
  if (media === undefined || (media.media_type !== undefined && media.media_type !== 'image'))
    return undefined;
  const details = media.media_details;
  const full = details?.sizes?.full;
  const src = safeImageUrl(full?.source_url ?? media.source_url ?? '', undefined);
  if (src === undefined) return undefined;
  const width = full?.width ?? details?.width;
  const height = full?.height ?? details?.height;
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
