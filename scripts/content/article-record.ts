/**
 * An article file is read in two passes. The scan reads only its front matter (fast): what
 * lists, related articles and cross-checks need. The render parses the body and assembles
 * the article JSON. Both are pure and synchronous, so they run inline for a small corpus and
 * in worker threads for a large one.
 */
import {
  SLUG_PATTERN,
  type ArticleSummary,
  type Image,
  type Named,
  type Section,
} from '../../src/contract/article.ts';
import { splitCaptionCredit } from './caption.ts';
import type { FrontMatterData } from './front-matter-schema.ts';
import { markdownToBlocks } from './markdown-blocks.ts';
import { readArticleFrontMatter, splitFrontMatter } from './parse-article.ts';
import type { Problem } from './problem.ts';

/** Sizes of the files in content/images/, by file name. */
export type LocalImages = Record<string, { width: number; height: number }>;

export type ArticleRecord = {
  file: string;
  summary: ArticleSummary;
  tags: Named[];
  authors: Named[];
  isSample: boolean;
  source?: string;
  /** The editor's own related list, if any. */
  related: string[];
  /** Slugs the body links to, found by a quick look at its links (not a full parse). */
  linked: string[];
  /** Lines of the front matter's `slug` and `related`, for messages found later. */
  lines: { slug: number; related: number };
  media: FrontMatterData['media'];
  /** Local images the article shows, to copy into the bundle. */
  images: string[];
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
) {
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
    return { src: `${imageBase}${name}`, ...size };
  };
}

/** The scan: front matter into a record; the body is only searched for article links. */
export function scanArticle(
  file: string,
  text: string,
  localImages: LocalImages,
  imageBase: string,
): { record?: ArticleRecord; problems: Problem[] } {
  const parsed = readArticleFrontMatter(file, text);
  if (parsed.problems.length > 0 || parsed.front === undefined) return { problems: parsed.problems };
  const { meta, keyLines, body } = parsed.front;
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
      ...(split.caption !== '' ? { caption: split.caption } : {}),
      ...(credit ? { credit } : {}),
    };
  }

  const record: ArticleRecord = {
    file,
    summary: {
      slug: meta.slug,
      title: meta.title,
      standfirst: meta.standfirst,
      section: sectionOf(meta.section),
      published: meta.published,
      modified: meta.modified ?? meta.published,
      ...(hero ? { image: hero } : {}),
    },
    tags: meta.tags.map(named),
    authors: meta.authors.map(named),
    isSample: meta.sample,
    ...(meta.source ? { source: meta.source } : {}),
    related: meta.related,
    linked: linkedSlugs(body),
    lines: { slug: keyLines.slug ?? 1, related: keyLines.related ?? 1 },
    media: meta.media,
    images: [...used],
  };
  return { record, problems };
}

export type Reference = { slug: string; line: number; field: string };

/** The render: the body into blocks (as JSON text), with every article it references. */
export function renderArticleBody(
  record: ArticleRecord,
  text: string,
  localImages: LocalImages,
  imageBase: string,
): { bodyJson: string; references: Reference[]; images: string[]; problems: Problem[] } {
  const front = splitFrontMatter(text);
  const problems: Problem[] = [];
  const used = new Set<string>();
  if (front === undefined) {
    const message = 'the file changed while the build read it: build again';
    return { bodyJson: '[]', references: [], images: [], problems: [{ file: record.file, message }] };
  }
  const resolve = imageResolver(record.file, localImages, imageBase, record.media, problems, used);
  const { blocks, references, problems: bodyProblems } = markdownToBlocks(front.body, {
    file: record.file,
    firstLine: front.bodyLine,
    resolveImage: resolve,
  });
  problems.push(...bodyProblems);
  const related = record.related.map((slug) => ({ slug, line: record.lines.related, field: 'related' }));
  return {
    bodyJson: JSON.stringify(blocks),
    references: [...references, ...related],
    images: [...used],
    problems,
  };
}

/**
 * Article slugs among the body's link targets, found without parsing the Markdown: enough to
 * keep an article's READ links out of its Related list. The render checks links exactly.
 */
function linkedSlugs(body: string): string[] {
  const slugs = new Set<string>();
  for (const match of body.matchAll(/\]\(\s*<?\/?([^()\s<>/]+)\/?>?(?:\s+"[^"]*")?\s*\)/g)) {
    const slug = match[1] ?? '';
    if (SLUG_PATTERN.test(slug)) slugs.add(slug);
  }
  return [...slugs];
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
