/**
 * One article file into a record (what lists, related articles and cross-checks need) and
 * its body as JSON text, with every problem found on the way. Pure and synchronous, so it
 * runs inline for a small corpus and in worker threads for a large one.
 */
import {
  type ArticleSummary,
  type Image,
  type Named,
  type Section,
} from '../../src/contract/article.ts';
import { splitCaptionCredit } from './caption.ts';
import type { FrontMatterData } from './front-matter-schema.ts';
import { markdownToBlocks } from './markdown-blocks.ts';
import { readArticleFrontMatter } from './parse-article.ts';
import type { ImageResolver } from './markdown-blocks.ts';
import type { Problem } from './problem.ts';
import { imageWidths, isRaster } from './responsive-images.ts';

/** Sizes of the files in content/images/, by file name. */
export type LocalImages = Record<string, { width: number; height: number }>;

/** What the cross-article steps need of a summary; the whole summary travels as JSON text. */
export type RecordSummary = Pick<ArticleSummary, 'slug' | 'published' | 'modified' | 'section'>;

export type ArticleRecord = {
  file: string;
  summary: RecordSummary;
  tags: Named[];
  authors: Named[];
  isSample: boolean;
  source?: string;
  /** What a link post is about. */
  externalUrl?: string;
  /** The name of the site the article was imported from. */
  sourceName?: string;
  /** The editor's own related list, if any. */
  related: string[];
  /** Article slugs the body links to (kept out of its Related list). */
  linked: string[];
  /** The line of the first link to each of `linked`, for messages found later. */
  linkLines: number[];
  /** Lines of the front matter's `slug` and `related`, for messages found later. */
  lines: { slug: number; related: number };
  /** Local images the article shows (hero and body), to copy into the bundle. */
  images: string[];
};

export type ReadArticle = {
  record?: ArticleRecord;
  /** The article's summary, as lists and Related show it, as JSON text. */
  summaryJson?: string;
  bodyJson?: string;
  problems: Problem[];
};

type Where = { line: number; field: string };

/** Resolves an image path or URL against content/images/ and the front matter's media list. */
function imageResolver(
  file: string,
  localImages: LocalImages,
  imageBase: string,
  media: FrontMatterData['media'],
  problems: Problem[],
  used: Set<string>,
): ImageResolver {
  return (src: string, where: Where) => {
    if (/^https?:\/\//.test(src)) {
      const known = media.find((entry) => entry.src === src);
      if (known) return known;
      problems.push({
        file,
        ...where,
        message: `image ${src}: a remote image needs its size in the front matter's media list`,
      });
      return undefined;
    }
    const name = src.replace(/^(\.\.\/)?images\//, '');
    const size = Object.hasOwn(localImages, name) ? localImages[name] : undefined;
    if (size === undefined) {
      problems.push({ file, ...where, message: `image "${src}" not found in content/images/` });
      return undefined;
    }
    used.add(name);
    return {
      src: `${imageBase}${name}`,
      ...size,
      ...(isRaster(name) ? { widths: imageWidths(size.width) } : {}),
    };
  };
}

/** Reads one article file: front matter, hero and body. */
export function readArticle(
  file: string,
  text: string,
  localImages: LocalImages,
  imageBase: string,
): ReadArticle {
  const parsed = readArticleFrontMatter(file, text);
  if (parsed.problems.length > 0 || parsed.front === undefined) {
    return { problems: parsed.problems };
  }
  const { meta, keyLines, body, bodyLine } = parsed.front;
  const problems: Problem[] = [];
  const used = new Set<string>();
  const resolve = imageResolver(file, localImages, imageBase, meta.media, problems, used);

  let hero: Image | undefined;
  if (meta.image) {
    const declared = meta.image;
    const resolved = /^https?:\/\//.test(declared.src)
      ? undefined
      : resolve(declared.src, { line: keyLines['image.src'] ?? 1, field: 'image.src' });
    if (resolved && (resolved.width !== declared.width || resolved.height !== declared.height)) {
      problems.push({
        file,
        line: keyLines['image.width'] ?? 1,
        field: 'image',
        message: `image size ${declared.width}x${declared.height} does not match the file's ${resolved.width}x${resolved.height}`,
      });
    }
    const split = splitCaptionCredit(declared.caption ?? '');
    const credit = declared.credit ?? split.credit;
    hero = {
      src: resolved?.src ?? declared.src,
      alt: declared.alt,
      width: declared.width,
      height: declared.height,
      ...(resolved?.widths ? { widths: resolved.widths } : {}),
      ...(split.caption !== '' ? { caption: split.caption } : {}),
      ...(credit ? { credit } : {}),
    };
  }

  const blocks = markdownToBlocks(body, { file, firstLine: bodyLine, resolveImage: resolve });
  problems.push(...blocks.problems);
  const firstLinks = new Map<string, number>();
  for (const { slug, line } of blocks.references) {
    if (!firstLinks.has(slug)) firstLinks.set(slug, line);
  }

  const summary: ArticleSummary = {
    slug: meta.slug,
    ...(meta.lang === undefined ? {} : { lang: meta.lang }),
    title: meta.title,
    standfirst: meta.standfirst,
    section: sectionOf(meta.section),
    published: meta.published,
    modified: meta.modified ?? meta.published,
    ...(hero ? { image: hero } : {}),
  };
  const record: ArticleRecord = {
    file,
    summary: {
      slug: summary.slug,
      published: summary.published,
      modified: summary.modified,
      section: summary.section,
    },
    tags: meta.tags.map(named),
    authors: meta.authors.map(named),
    isSample: meta.sample,
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.external_url ? { externalUrl: new URL(meta.external_url).href } : {}),
    ...(meta.source_name ? { sourceName: meta.source_name } : {}),
    related: meta.related,
    linked: [...firstLinks.keys()],
    linkLines: [...firstLinks.values()],
    lines: { slug: keyLines.slug ?? 1, related: keyLines.related ?? 1 },
    images: [...used].sort(),
  };
  return {
    record,
    summaryJson: JSON.stringify(summary),
    bodyJson: JSON.stringify(blocks.blocks),
    problems,
  };
}

/** The leaf section, with the sections above it when the front matter gives a path. */
function sectionOf(section: string | string[]): Section {
  const path = typeof section === 'string' ? [section] : section;
  const leaf = named(path.at(-1) ?? '');
  return path.length > 1 ? { ...leaf, parents: path.slice(0, -1).map(named) } : leaf;
}

function named(name: string): Named {
  return { name, slug: slugify(name) };
}

/** "Europe & Russia" -> "europe-russia"; letters outside ASCII are kept, as permalinks keep them. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
