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
import { MAX_BODY_BYTES } from '../../src/lib/api-client.ts';
import { splitCaptionCredit } from './caption.ts';
import { articlePrefix } from './corpus.ts';
import { markdownToBlocks } from './markdown-blocks.ts';
import { readArticleFrontMatter } from './parse-article.ts';
import type { ImageResolver } from './markdown-blocks.ts';
import type { Problem } from './problem.ts';
import { isRemoteSrc, type RemoteImages } from './remote-images.ts';
import { imageWidths, isRaster } from './responsive-images.ts';
import { LIMITS, RELATED_ROOM_BYTES } from './text-rules.ts';

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
  /** Images the article shows (hero and body), to copy into the bundle, by name under images/. */
  images: string[];
  /** Photo URLs not downloaded yet: the article is read again once they are. */
  pendingImages?: string[];
  /**
   * Taken down (its file is in `content/unpublished/`): it keeps its place in every list and
   * Related list, and shows nothing there (decision 025).
   */
  removed?: true;
};

/** What image sources resolve against: files in content/images/ and downloaded URLs. */
export type ImageSources = { local: LocalImages; remote: RemoteImages };

export type ReadArticle = {
  record?: ArticleRecord;
  /** The article's summary, as lists and Related show it, as JSON text. */
  summaryJson?: string;
  bodyJson?: string;
  problems: Problem[];
};

type Where = { line: number; field: string };

/**
 * Resolves an image path or URL: a file in content/images/, or a URL the build has
 * downloaded (remote-images.ts). A URL not downloaded yet is noted in `pending` and left out;
 * the build fetches it and reads the article again.
 */
function imageResolver(
  file: string,
  images: ImageSources,
  imageBase: string,
  problems: Problem[],
  used: Set<string>,
  pending: Set<string>,
): ImageResolver {
  return (src: string, where: Where) => {
    if (isRemoteSrc(src)) {
      const downloaded = Object.hasOwn(images.remote, src) ? images.remote[src] : undefined;
      if (downloaded === undefined) {
        pending.add(src);
        return undefined;
      }
      used.add(downloaded.name);
      return published(downloaded.name, downloaded, imageBase);
    }
    const name = src.replace(/^(\.\.\/)?images\//, '');
    const size = Object.hasOwn(images.local, name) ? images.local[name] : undefined;
    if (size === undefined) {
      problems.push({ file, ...where, message: `image "${src}" not found in content/images/` });
      return undefined;
    }
    used.add(name);
    return published(name, size, imageBase);
  };
}

function published(name: string, size: { width: number; height: number }, imageBase: string) {
  return {
    src: `${imageBase}${name}`,
    width: size.width,
    height: size.height,
    ...(isRaster(name) ? { widths: imageWidths(size.width) } : {}),
  };
}

/** Reads one article file: front matter, hero and body. */
export function readArticle(
  file: string,
  text: string,
  images: ImageSources,
  imageBase: string,
): ReadArticle {
  const parsed = readArticleFrontMatter(file, text);
  if (parsed.problems.length > 0 || parsed.front === undefined) {
    return { problems: parsed.problems };
  }
  const { meta, keyLines, body, bodyLine } = parsed.front;
  const problems: Problem[] = [];
  const used = new Set<string>();
  const pending = new Set<string>();
  const resolve = imageResolver(file, images, imageBase, problems, used, pending);

  let hero: Image | undefined;
  if (meta.image) {
    const declared = meta.image;
    const isRemote = isRemoteSrc(declared.src);
    const resolved = resolve(declared.src, {
      line: keyLines['image.src'] ?? 1,
      field: 'image.src',
    });
    // A downloaded photo's true size wins over what the source said of it.
    if (
      !isRemote &&
      resolved &&
      (resolved.width !== declared.width || resolved.height !== declared.height)
    ) {
      problems.push({
        file,
        line: keyLines['image.width'] ?? 1,
        field: 'image',
        message: `image size ${declared.width}x${declared.height} does not match the file's ${resolved.width}x${resolved.height}`,
      });
    }
    const split = splitCaptionCredit(declared.caption ?? '');
    const credit = declared.credit ?? split.credit;
    // A photo that could not be downloaded is left out (the build says so), not shown broken.
    hero = resolved && {
      src: resolved.src,
      alt: declared.alt,
      width: resolved.width,
      height: resolved.height,
      ...(resolved.widths ? { widths: resolved.widths } : {}),
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
    ...(pending.size > 0 ? { pendingImages: [...pending].sort() } : {}),
  };
  const summaryJson = JSON.stringify(summary);
  const bodyJson = JSON.stringify(blocks.blocks);
  const size = articleSizeProblem(articlePrefix(record, summaryJson), bodyJson);
  if (size !== undefined) problems.push({ file, line: bodyLine, field: 'body', message: size });
  return { record, summaryJson, bodyJson, problems };
}

const MB = 1024 * 1024;
const inMb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/**
 * The app refuses an answer larger than MAX_BODY_BYTES (and shows "Something went wrong"):
 * an article must fit, with room for its Related list.
 */
function articleSizeProblem(prefix: string, bodyJson: string): string | undefined {
  const body = Buffer.byteLength(bodyJson);
  const size = Buffer.byteLength(prefix) + body;
  if (size <= LIMITS.articleBytes) return undefined;
  return `article too large: its JSON would be ${inMb(size)} (body ${inMb(body)}); the reader fetches at most ${inMb(MAX_BODY_BYTES)} an article, ${RELATED_ROOM_BYTES / 1024} KB of it kept for Related articles: shorten the body or split the article`;
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

/**
 * Latin letters that are letters of their own in Unicode, not a base letter with a mark, so
 * NFKD leaves them whole: Turkish dotless ı, Danish ø, Polish ł, German ß, Croatian đ,
 * Icelandic þ and ð, Maltese ħ, and the ligatures æ and œ. Folded to the letters readers type
 * in a URL, as ü and ğ already are: `Tahıl` is `tahil`, as `Gıda güvenliği` is
 * `gida-guvenligi`, never half folded (`gıda-guvenligi`).
 */
const LATIN_FOLDS: Record<string, string> = {
  ı: 'i',
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
  æ: 'ae',
  œ: 'oe',
};
const LATIN_FOLDABLE = new RegExp(`[${Object.keys(LATIN_FOLDS).join('')}]`, 'gu');

/**
 * A name's address: "Europe & Russia" -> "europe-russia", "Tahıl" -> "tahil". Latin letters
 * lose their marks and fold to plain ones (`LATIN_FOLDS`); letters of other scripts (Arabic,
 * Greek, Cyrillic) are kept, as permalinks keep them. Section, tag and author pages, and an
 * imported article without a permalink of its own, are addressed by it.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(LATIN_FOLDABLE, (letter) => LATIN_FOLDS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
