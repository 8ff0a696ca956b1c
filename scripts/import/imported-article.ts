/**
 * What every importer produces before anything is written: an article in the reader's own
 * terms (the contract's blocks), except that a link keeps both its absolute URL and, for a
 * link to the source site's `/{slug}/`, the slug it may point at. Which of the two is written
 * is decided at the last moment, against the slugs that exist then (see write-article.ts).
 *
 * Schemas, not just types, because unresolved articles wait in the resume state on disk and
 * are checked when read back.
 */
import * as v from 'valibot';
import { bodySchemasFor, ImageSchema } from '../../src/contract/article.ts';

export const ImportTargetSchema = v.object({
  /** Absolute http(s) or mailto URL: what is written when `slug` is not an article here. */
  url: v.string(),
  /** The article slug this link names on the source site, when it names one. */
  slug: v.optional(v.string()),
});
export type ImportTarget = v.InferOutput<typeof ImportTargetSchema>;

const contractBody = bodySchemasFor(ImportTargetSchema);

/**
 * An embed as the importer writes it in its ```embed fence: the thumbnail is the source's
 * image URL, which the content build fetches and sizes like any other photo. The provider is
 * the build's to name, from the URL.
 */
export const ImportEmbedSchema = v.object({
  type: v.literal('embed'),
  url: v.string(),
  title: v.optional(v.string()),
  caption: v.optional(v.string()),
  thumbnail: v.optional(v.string()),
});
export type ImportEmbed = v.InferOutput<typeof ImportEmbedSchema>;

/** The contract's inline content, with links that keep both the URL and the slug they may name. */
export const ImportInlineSchema = contractBody.InlineSchema;
export type ImportInline = v.InferOutput<typeof ImportInlineSchema>;

/** The contract's blocks around such links, with the importer's own embed. */
export type ImportBlock =
  Exclude<v.InferOutput<typeof contractBody.BlockSchema>, { type: 'embed' }> | ImportEmbed;
export const ImportBlockSchema = v.custom<ImportBlock>((input) =>
  typeof input === 'object' && input !== null && 'type' in input && input.type === 'embed'
    ? v.is(ImportEmbedSchema, input)
    : v.is(contractBody.BlockSchema, input),
);

export const ItemOriginSchema = v.object({ id: v.string(), version: v.string() });
export type ItemOrigin = v.InferOutput<typeof ItemOriginSchema>;

export const ImportedArticleSchema = v.object({
  slug: v.string(),
  /** A canonical language tag, when the source states one. */
  lang: v.optional(v.string()),
  title: v.string(),
  /** ISO 8601 with offset. */
  published: v.string(),
  modified: v.optional(v.string()),
  /** From the top section down; one name when sections do not nest. */
  section: v.array(v.string()),
  tags: v.array(v.string()),
  authors: v.array(v.string()),
  standfirst: v.string(),
  /** The hero: a remote https image with its size. */
  image: v.optional(ImageSchema),
  /** The original URL. */
  source: v.optional(v.string()),
  /** The name of the site it came from, for the byline when no author is named. */
  sourceName: v.optional(v.string()),
  /** The source the editor imported it from (an API root, a feed): whose article it is. */
  importedFrom: v.optional(v.string()),
  /** What a link post is about (JSON Feed's `external_url`). */
  externalUrl: v.optional(v.string()),
  body: v.array(ImportBlockSchema),
  /**
   * The item as its source knows it, for a sync (scripts/sync): the source's own id (a
   * WordPress post id, a feed item's id) and a fingerprint of what the source said of it.
   * Not written into the article.
   */
  origin: v.optional(ItemOriginSchema),
});
export type ImportedArticle = v.InferOutput<typeof ImportedArticleSchema>;
