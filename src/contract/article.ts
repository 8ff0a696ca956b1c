/**
 * The article JSON contract: the one shape shared by the content build (which writes
 * the static JSON API) and the app (which validates every response against it).
 * Types are derived from the schemas so the two sides cannot drift.
 */
import * as v from 'valibot';

/** Lowercase words (any script) joined by single hyphens, as permalinks are written. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

const slug = v.pipe(v.string(), v.regex(SLUG_PATTERN, 'must be lowercase words joined by hyphens'));

/** ISO 8601 with an explicit offset, as the newsroom published it. */
const timestamp = v.pipe(v.string(), v.isoTimestamp('must be ISO 8601 with an offset'));

const dimension = v.pipe(v.number(), v.integer(), v.minValue(1));

/**
 * An absolute URL a link in an article may open: a web page or an e-mail address. Anything
 * else (`javascript:`, `data:`, `vbscript:`, `file:`) would run or open something on the
 * reader's device rather than take them somewhere, so no article may hold it, whether it
 * comes from the site's own content or from a file the reader imports.
 */
export function isLinkUrl(value: string): boolean {
  return hasProtocol(value, /^(https?|mailto):$/);
}

/** Whether `value` is an absolute URL whose (lower-cased) protocol matches. */
function hasProtocol(value: string, protocol: RegExp): boolean {
  try {
    return protocol.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Where a link goes: another article in this reader, or another site. */
export const LinkTargetSchema = v.variant('kind', [
  v.object({ kind: v.literal('article'), slug }),
  v.object({
    kind: v.literal('external'),
    url: v.pipe(v.string(), v.check(isLinkUrl, 'must be an http(s) or mailto URL')),
  }),
]);
export type LinkTarget = v.InferOutput<typeof LinkTargetSchema>;

export const MarkSchema = v.picklist(['emphasis', 'strong', 'code']);
export type Mark = v.InferOutput<typeof MarkSchema>;

export const TextRunSchema = v.object({
  type: v.literal('text'),
  text: v.string(),
  marks: v.optional(v.array(MarkSchema)),
});
export type TextRun = v.InferOutput<typeof TextRunSchema>;

/**
 * A photo with its caption and credit. Captions from the source end in a bracketed
 * credit ("... July 18, 2023 [Agency]"); the content build splits them apart.
 */
export const ImageSchema = v.object({
  src: v.pipe(v.string(), v.minLength(1)),
  alt: v.string(),
  width: dimension,
  height: dimension,
  caption: v.optional(v.string()),
  credit: v.optional(v.string()),
  /**
   * For a photo the build resized: the widths it is published at, each as AVIF, WebP and
   * JPEG beside `src` (`harbour.jpg` -> `harbour-800.avif`); see imageVariant.
   */
  widths: v.optional(v.array(dimension)),
});
export type Image = v.InferOutput<typeof ImageSchema>;

/** An absolute http(s) URL: what a reader's browser may be sent to from a link or a card. */
export function isWebUrl(value: string): boolean {
  return hasProtocol(value, /^https?:$/);
}

const webUrl = v.pipe(v.string(), v.check(isWebUrl, 'must be an http(s) URL'));

/**
 * A post on another site (a YouTube video, a tweet), shown as a link card: the reader
 * follows it to the other site, and nothing is loaded from there (no iframe, no script).
 * `provider` is the name readers know the site by ("YouTube"), from the URL's host.
 */
export const EmbedBlockSchema = v.object({
  type: v.literal('embed'),
  url: webUrl,
  provider: v.pipe(v.string(), v.minLength(1)),
  title: v.optional(v.string()),
  caption: v.optional(v.string()),
  thumbnail: v.optional(ImageSchema),
});
export type EmbedBlock = v.InferOutput<typeof EmbedBlockSchema>;

/** The URL of one published variant of an image: `/images/harbour-800.webp`. */
export function imageVariant(src: string, width: number, format: 'avif' | 'webp' | 'jpeg'): string {
  return `${src.replace(/\.[^./]+$/, '')}-${width}.${format === 'jpeg' ? 'jpg' : format}`;
}

/**
 * The body's schemas around a kind of link target: the contract's own, or an importer's,
 * whose links are resolved only when the article is written.
 */
export function bodySchemasFor<TTarget extends v.GenericSchema>(target: TTarget) {
  /** Inline content is flat: a link holds text runs, never another link. */
  const inline = v.variant('type', [
    TextRunSchema,
    v.object({ type: v.literal('link'), target, children: v.array(TextRunSchema) }),
    v.object({ type: v.literal('break') }),
  ]);
  const inlines = v.array(inline);
  const block = v.variant('type', [
    v.object({ type: v.literal('paragraph'), content: inlines }),
    v.object({ type: v.literal('heading'), level: v.picklist([2, 3, 4]), content: inlines }),
    v.object({ type: v.literal('quote'), paragraphs: v.array(inlines) }),
    v.object({ type: v.literal('list'), isOrdered: v.boolean(), items: v.array(inlines) }),
    v.object({ type: v.literal('image'), image: ImageSchema }),
    /** "READ: <headline>": the editor's inline pointer to a related article. */
    v.object({ type: v.literal('read-link'), title: v.string(), target }),
    /**
     * Rows of cells of inline content. A source table without a header row has no `header`;
     * the caption is the source's own (Pandoc's `Table: ` paragraph, HTML's `<caption>`).
     */
    v.object({
      type: v.literal('table'),
      caption: v.optional(v.string()),
      header: v.optional(v.array(inlines)),
      rows: v.array(v.array(inlines)),
    }),
    EmbedBlockSchema,
  ]);
  return { InlineSchema: inline, BlockSchema: block };
}

/** The article body: a typed list of blocks, rendered by one exhaustive switch. */
export const { InlineSchema, BlockSchema } = bodySchemasFor(LinkTargetSchema);
export type Inline = v.InferOutput<typeof InlineSchema>;
export type Block = v.InferOutput<typeof BlockSchema>;
export type TableBlock = Extract<Block, { type: 'table' }>;

export const NamedSchema = v.object({ name: v.pipe(v.string(), v.minLength(1)), slug });
export type Named = v.InferOutput<typeof NamedSchema>;

/** The article's section; `parents` runs from the top section down (Africa above Sudan). */
export const SectionSchema = v.object({
  ...NamedSchema.entries,
  parents: v.optional(v.array(NamedSchema)),
});
export type Section = v.InferOutput<typeof SectionSchema>;

/** A BCP 47 language tag (`ar`, `tr`, `en-GB`). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** What a list shows of an article. */
export const ArticleSummarySchema = v.object({
  slug,
  /**
   * The language the article is written in; absent means the site's (`site.language`).
   * Its page and its cards carry it as `lang` (and `dir`), whatever the interface's language.
   */
  lang: v.optional(v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'must be a language tag like "ar"'))),
  title: v.string(),
  standfirst: v.string(),
  section: SectionSchema,
  published: timestamp,
  modified: timestamp,
  /** The hero photo; feeds without one (some RSS) leave it out. */
  image: v.optional(ImageSchema),
});
export type ArticleSummary = v.InferOutput<typeof ArticleSummarySchema>;

export const ArticleSchema = v.object({
  ...ArticleSummarySchema.entries,
  tags: v.array(NamedSchema),
  /** Empty when the publication itself is the author. */
  authors: v.array(NamedSchema),
  /** Sample text written for the bundled corpus, not the publication's reporting. */
  isSample: v.boolean(),
  /** The original URL, for articles imported from another site. */
  source: v.optional(v.pipe(v.string(), v.url())),
  /** What a link post is about (JSON Feed's `external_url`): shown as the story's own link. */
  externalUrl: v.optional(webUrl),
  /**
   * The name of the site an imported article comes from ("Premium Times"): its byline when
   * it names no author, so the reader's own masthead is never put on another's reporting.
   */
  sourceName: v.optional(v.pipe(v.string(), v.minLength(1))),
  body: v.array(BlockSchema),
  related: v.array(ArticleSummarySchema),
});
export type Article = v.InferOutput<typeof ArticleSchema>;

/**
 * One page of a list (the latest articles, a section, tag or author), counted from the list's
 * oldest article: page 1 holds the oldest `pageSize` articles, page 2 the next, and the last
 * page (the open page) the newest few, fewer than `pageSize`. Shown newest first. A page
 * holds only what never changes once it is full, so a full page's file is the same forever
 * and its URL a permanent link (decision 019).
 */
export const ArticlePageSchema = v.object({
  page: dimension,
  pageSize: dimension,
  articles: v.array(ArticleSummarySchema),
});
export type ArticlePage = v.InferOutput<typeof ArticlePageSchema>;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * A list's front, at the list's own URL (`/`, `/tags/uk/`): the open page's articles then
 * the last full page's (so it shows from `pageSize` up to twice that, less one, once the list
 * has that many), and what changes with every article: the count and the page numbers.
 */
export const ListFrontSchema = v.object({
  total: count,
  pageSize: dimension,
  /** The page the newest articles are on (it fills, then the next one opens). */
  openPage: dimension,
  /** The newest page the front does not show, where "Older" goes; 0 when it shows them all. */
  olderPage: count,
  articles: v.array(ArticleSummarySchema),
});
export type ListFront = v.InferOutput<typeof ListFrontSchema>;

/** The archives a reader browses besides the latest articles. */
export const ARCHIVE_KINDS = ['section', 'tag', 'author'] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

/** Slugs joined by `/`: a tag's or author's slug, or a section's path (`africa/sudan`). */
export const ARCHIVE_PATH =
  /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*(?:\/[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*)*$/u;
const archivePath = v.pipe(v.string(), v.regex(ARCHIVE_PATH));

export const ArchiveLinkSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1)),
  path: archivePath,
});
export type ArchiveLink = v.InferOutput<typeof ArchiveLinkSchema>;

/**
 * What a page of a section, tag or author says it is: its name and the sections above it,
 * as the newest article on the page gives them (what never changes once the page is full).
 */
export const ArchiveAboutSchema = v.object({
  kind: v.picklist(ARCHIVE_KINDS),
  ...ArchiveLinkSchema.entries,
  /** The sections above a sub-section, top first (Africa above Sudan); empty otherwise. */
  parents: v.array(ArchiveLinkSchema),
});
export type ArchiveAbout = v.InferOutput<typeof ArchiveAboutSchema>;

/** A section front, tag page or author page as it stands now: also what lies below it. */
export const ArchiveSchema = v.object({
  ...ArchiveAboutSchema.entries,
  /** A section's sub-sections, in the order the newsroom first published in them; empty otherwise. */
  children: v.array(ArchiveLinkSchema),
});
export type Archive = v.InferOutput<typeof ArchiveSchema>;

/** One page of an archive, counted from its oldest article like the latest articles. */
export const ArchivePageSchema = v.object({
  ...ArticlePageSchema.entries,
  archive: ArchiveAboutSchema,
});
export type ArchivePage = v.InferOutput<typeof ArchivePageSchema>;

/** An archive's front: its newest articles, its count and what lies below it. */
export const ArchiveFrontSchema = v.object({
  ...ListFrontSchema.entries,
  archive: ArchiveSchema,
});
export type ArchiveFront = v.InferOutput<typeof ArchiveFrontSchema>;

/** The top-level sections, in the order the newsroom first published in them, each with its sub-sections: the site's menu. */
export const SectionMenuSchema = v.array(
  v.object({ ...ArchiveLinkSchema.entries, children: v.array(ArchiveLinkSchema) }),
);
export type SectionMenu = v.InferOutput<typeof SectionMenuSchema>;

/**
 * What a list needs to tell whether an article is new to it, and an open article whether it
 * was changed: nothing a card shows, so that the file a reader's tab asks for every minute
 * stays a few KB.
 */
export const UpdateEntrySchema = v.object({
  slug,
  published: timestamp,
  modified: timestamp,
  /** The section's path (`africa/sudan`): its front and those of the sections above it list it. */
  section: archivePath,
  tags: v.array(slug),
  authors: v.array(slug),
});
export type UpdateEntry = v.InferOutput<typeof UpdateEntrySchema>;

/**
 * `updates.json`, rewritten by every build that changes what it holds (decision 022): the
 * newest articles, and the latest changes to older ones, so that an article corrected while
 * a reader has it open can offer the update whatever its age.
 */
export const UpdatesSchema = v.object({
  /** The newest articles, newest first. */
  newest: v.array(UpdateEntrySchema),
  /** Older articles (not in `newest`), latest `modified` first. */
  changed: v.array(v.object({ slug, modified: timestamp })),
});
export type Updates = v.InferOutput<typeof UpdatesSchema>;

/** A list's front file, beside its pages (`1.json`, `2.json`, ...). */
export const FRONT_FILE = 'front.json';

const ARCHIVE_FOLDERS = { section: 'sections', tag: 'tags', author: 'authors' } as const;

/** Where each resource lives, relative to the API base URL. */
export const apiPaths = {
  latest: (page: number) => `latest/${page}.json`,
  /** The front of a list: what its own URL shows, rewritten with every article. */
  latestFront: () => `latest/${FRONT_FILE}`,
  article: (slug: string) => `articles/${slug}.json`,
  archive: (kind: ArchiveKind, path: string, page: number) =>
    `${ARCHIVE_FOLDERS[kind]}/${path}/${page}.json`,
  archiveFront: (kind: ArchiveKind, path: string) =>
    `${ARCHIVE_FOLDERS[kind]}/${path}/${FRONT_FILE}`,
  sectionMenu: () => 'sections.json',
  updates: () => 'updates.json',
};
