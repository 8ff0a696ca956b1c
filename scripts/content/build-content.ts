/**
 * The content build: reads `content/articles/*.md` and `content/images/`, checks every rule
 * across the whole corpus, and returns the static JSON API and images as a map of output
 * paths to bytes. It writes nothing itself, so a failed build leaves no half-written output.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import * as v from 'valibot';
import {
  apiPaths,
  ArticlePageSchema,
  ArticleSchema,
  type Article,
  type ArticlePage,
  type ArticleSummary,
  type Image,
  type Named,
  type Section,
} from '../../src/contract/article.ts';
import { site } from '../../src/config/site.ts';
import { splitCaptionCredit } from './caption.ts';
import { parseArticle, type ArticleImageResolver, type ParsedArticle } from './parse-article.ts';
import { ContentError, type Problem } from './problem.ts';

export type BuildOptions = {
  /** The folder holding `articles/` and `images/`. */
  contentDir: string;
  /** URL path the API is published under in the bundle. */
  apiDir?: string;
  /** URL path images are published under (the site's base path + `images/`). */
  imageBase?: string;
  pageSize?: number;
  /** Shown in messages instead of absolute paths. */
  rootDir?: string;
};

export type ContentOutput = {
  /** Output path (relative to the bundle root) -> file contents. */
  files: Map<string, string | Uint8Array>;
  articleCount: number;
};

const RELATED_COUNT = 4;

export async function buildContent(options: BuildOptions): Promise<ContentOutput> {
  const { contentDir, apiDir = 'api', imageBase = '/images/', pageSize = site.pageSize } = options;
  const rootDir = options.rootDir ?? process.cwd();
  const display = (file: string) => path.relative(rootDir, file) || file;
  const problems: Problem[] = [];
  const files = new Map<string, string | Uint8Array>();

  const articlesDir = path.join(contentDir, 'articles');
  const imagesDir = path.join(contentDir, 'images');
  const names = (await readdir(articlesDir)).filter((name) => name.endsWith('.md')).sort();

  const imageCache = new Map<string, { width: number; height: number } | undefined>();
  const readImage = async (file: string) => {
    if (!imageCache.has(file)) {
      try {
        const size = imageSize(await readFile(file));
        imageCache.set(file, { width: size.width, height: size.height });
      } catch {
        imageCache.set(file, undefined);
      }
    }
    return imageCache.get(file);
  };
  // Local images are sized up front so that the resolver below can stay synchronous.
  const localImages = await listFiles(imagesDir);
  await Promise.all(localImages.map((name) => readImage(path.join(imagesDir, name))));

  const resolverFor =
    (file: string): ArticleImageResolver =>
    (src, where, media) => {
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
      const size = imageCache.get(path.join(imagesDir, name));
      if (!localImages.includes(name) || size === undefined) {
        problems.push({ file, ...where, message: `image "${src}" not found in content/images/` });
        return undefined;
      }
      files.set(`images/${name}`, name);
      return { src: `${imageBase}${name}`, ...size };
    };

  const parsed: ParsedArticle[] = [];
  for (const name of names) {
    const file = display(path.join(articlesDir, name));
    const text = await readFile(path.join(articlesDir, name), 'utf8');
    const result = parseArticle(file, text, resolverFor(file));
    problems.push(...result.problems);
    if (result.article) parsed.push(result.article);
  }

  const bySlug = new Map<string, ParsedArticle>();
  for (const article of parsed) {
    const first = bySlug.get(article.meta.slug);
    if (first) {
      problems.push({
        file: article.file,
        line: article.keyLines.slug ?? 1,
        field: 'slug',
        message: `duplicate slug "${article.meta.slug}": also used by ${first.file}`,
      });
    } else {
      bySlug.set(article.meta.slug, article);
    }
  }
  for (const article of parsed) {
    for (const reference of article.references) {
      if (!bySlug.has(reference.slug)) {
        problems.push({
          file: article.file,
          line: reference.line,
          field: reference.field,
          message: `link to a slug that does not exist: "${reference.slug}"`,
        });
      }
    }
  }

  const heroes = new Map<string, Image | undefined>();
  for (const article of parsed) {
    const declared = article.meta.image;
    if (declared === undefined) continue;
    const where = { line: article.keyLines['image.src'] ?? 1, field: 'image.src' };
    const isRemote = /^https?:\/\//.test(declared.src);
    const resolved = isRemote
      ? { src: declared.src }
      : resolverFor(article.file)(declared.src, where, article.meta.media);
    if (resolved === undefined) continue;
    if ('width' in resolved && (resolved.width !== declared.width || resolved.height !== declared.height)) {
      problems.push({
        file: article.file,
        line: article.keyLines['image.width'] ?? 1,
        field: 'image',
        message: `image size ${declared.width}x${declared.height} does not match the file's ${resolved.width}x${resolved.height}`,
      });
    }
    const split = splitCaptionCredit(declared.caption ?? '');
    heroes.set(article.meta.slug, {
      src: resolved.src,
      alt: declared.alt,
      width: declared.width,
      height: declared.height,
      ...(split.caption !== '' ? { caption: split.caption } : {}),
      ...(declared.credit ?? split.credit ? { credit: declared.credit ?? split.credit } : {}),
    });
  }

  if (problems.length > 0) throw new ContentError(problems);

  for (const name of new Set(files.values())) {
    if (typeof name === 'string') files.set(`images/${name}`, await readFile(path.join(imagesDir, name)));
  }

  const summaries = new Map<string, ArticleSummary>();
  for (const article of bySlug.values()) {
    summaries.set(article.meta.slug, summarise(article, heroes.get(article.meta.slug)));
  }
  const newestFirst = [...summaries.values()].sort(
    (a, b) => Date.parse(b.published) - Date.parse(a.published) || a.slug.localeCompare(b.slug),
  );

  for (const article of bySlug.values()) {
    const summary = summaries.get(article.meta.slug);
    if (summary === undefined) continue;
    const json: Article = v.parse(ArticleSchema, {
      ...summary,
      tags: article.meta.tags.map(named),
      authors: article.meta.authors.map(named),
      isSample: article.meta.sample,
      ...(article.meta.source ? { source: article.meta.source } : {}),
      body: article.body,
      related: relatedTo(article, newestFirst, bySlug).map((slug) => summaries.get(slug)),
    });
    files.set(`${apiDir}/${apiPaths.article(json.slug)}`, JSON.stringify(json));
  }

  const pageCount = Math.max(1, Math.ceil(newestFirst.length / pageSize));
  for (let page = 1; page <= pageCount; page++) {
    const json: ArticlePage = v.parse(ArticlePageSchema, {
      page,
      pageCount,
      pageSize,
      total: newestFirst.length,
      articles: newestFirst.slice((page - 1) * pageSize, page * pageSize),
    });
    files.set(`${apiDir}/${apiPaths.latest(page)}`, JSON.stringify(json));
  }

  return { files, articleCount: newestFirst.length };
}

function summarise(article: ParsedArticle, image: Image | undefined): ArticleSummary {
  const { meta } = article;
  return {
    slug: meta.slug,
    title: meta.title,
    standfirst: meta.standfirst,
    section: sectionOf(meta.section),
    published: meta.published,
    modified: meta.modified ?? meta.published,
    ...(image ? { image } : {}),
  };
}

/** Related articles: the editor's own list when given, else the closest by tags and section. */
function relatedTo(
  article: ParsedArticle,
  newestFirst: ArticleSummary[],
  bySlug: Map<string, ParsedArticle>,
): string[] {
  if (article.meta.related.length > 0) return article.meta.related.slice(0, RELATED_COUNT);
  const tags = new Set(article.meta.tags.map(slugify));
  const section = sectionOf(article.meta.section).slug;
  const linked = new Set(article.references.map((reference) => reference.slug));
  return newestFirst
    .filter((other) => other.slug !== article.meta.slug && !linked.has(other.slug))
    .map((other, rank) => {
      const meta = bySlug.get(other.slug)?.meta;
      const shared = (meta?.tags ?? []).filter((tag) => tags.has(slugify(tag))).length;
      const score = shared * 2 + (other.section.slug === section ? 1 : 0);
      return { slug: other.slug, score, rank };
    })
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || a.rank - b.rank)
    .slice(0, RELATED_COUNT)
    .map((candidate) => candidate.slug);
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

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
}
