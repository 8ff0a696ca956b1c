/**
 * An imported article -> `<slug>.md` in exactly the form editors write by hand: YAML front
 * matter in a fixed key order, then the Markdown body. Writing is atomic, and a file whose
 * bytes would not change is not touched, so a re-run leaves mtimes (and watchers) alone.
 */
import { slugify } from '../content/article-record.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { Document, isScalar, visit } from 'yaml';
import { readFrontMatter } from '../content/front-matter.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { blocksToMarkdown } from './blocks-to-markdown.ts';
import type { ImportBlock, ImportedArticle } from './imported-article.ts';

export type RenderedArticle = {
  text: string;
  /** Same-site slugs the body links to that are not articles here (yet): written as URLs. */
  unresolved: string[];
};

/**
 * Renders the article; a same-site link becomes an in-app link only to a slug in `known`.
 * `bySource` maps the source URLs of this import's articles to the slugs they were written
 * under, so a link to an article that had to take a dated slug still finds it.
 */
export function renderArticle(
  article: ImportedArticle,
  known: ReadonlySet<string>,
  bySource: ReadonlyMap<string, string> = new Map(),
): RenderedArticle {
  const unresolved = new Set<string>();
  const body = blocksToMarkdown(article.body, (target) => {
    const renamed = bySource.get(target.url);
    if (renamed !== undefined && renamed !== article.slug) return renamed;
    const { slug } = target;
    if (slug === undefined || slug === article.slug) return target.url;
    if (known.has(slug)) return slug;
    unresolved.add(slug);
    return target.url;
  });
  const text = `---\n${frontMatterOf(article)}---\n${body === '' ? '' : `\n${body}`}`;
  return { text, unresolved: [...unresolved].sort() };
}

/** Names a URL can be made from: a section level, tag or author of only marks is dropped. */
const addressable = (names: string[]) => names.filter((name) => slugify(name) !== '');

function frontMatterOf(article: ImportedArticle): string {
  const { image } = article;
  const levels = addressable(article.section);
  const section = levels.length > 0 ? levels : article.section;
  const media = mediaOf(article.body);
  // Keys in the order of the README's example, so imported and hand-written files read alike.
  const data = {
    slug: article.slug,
    ...(article.lang === undefined ? {} : { lang: article.lang }),
    title: article.title,
    published: article.published,
    ...(article.modified === undefined ? {} : { modified: article.modified }),
    section: section.length === 1 ? section[0] : section,
    tags: addressable(article.tags),
    authors: addressable(article.authors),
    ...(article.standfirst === '' ? {} : { standfirst: article.standfirst }),
    ...(image === undefined
      ? {}
      : {
          image: {
            src: image.src,
            alt: image.alt,
            width: image.width,
            height: image.height,
            ...(image.caption === undefined || image.caption === ''
              ? {}
              : { caption: image.caption }),
            ...(image.credit === undefined ? {} : { credit: image.credit }),
          },
        }),
    ...(article.source === undefined ? {} : { source: article.source }),
    ...(article.sourceName === undefined ? {} : { source_name: article.sourceName }),
    ...(article.externalUrl === undefined ? {} : { external_url: article.externalUrl }),
    ...(media.length === 0 ? {} : { media }),
  };
  const document = new Document(data);
  // Lists of names on one line ([Africa, Sudan]), as editors write them; media stays a block.
  visit(document, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The size of every remote body image, which the build cannot measure itself. */
function mediaOf(body: ImportBlock[]) {
  const seen = new Map<string, { src: string; width: number; height: number }>();
  for (const block of body) {
    if (block.type !== 'image' || seen.has(block.image.src)) continue;
    const { src, width, height } = block.image;
    seen.set(src, { src, width, height });
  }
  return [...seen.values()];
}

export type WriteOutcome = 'written' | 'unchanged' | 'skipped';

const SourceSchema = v.object({ source: v.optional(v.string()) });

/**
 * Writes `text` to `file` unless it is already there. A file that exists and came from
 * somewhere else (a hand-written article, or another source) is left alone: `skipped`.
 */
export async function writeArticle(
  file: string,
  text: string,
  source: string | undefined,
): Promise<{ outcome: WriteOutcome; reason?: string }> {
  const existing = await readExisting(file);
  if (existing === text) return { outcome: 'unchanged' };
  if (existing !== undefined) {
    const existingSource = sourceOf(existing);
    if (source === undefined || existingSource !== source) {
      const from =
        existingSource === undefined ? 'written by hand' : `imported from ${existingSource}`;
      return {
        outcome: 'skipped',
        reason: `${path.basename(file)} already exists (${from}); left as it is`,
      };
    }
  }
  await writeFileAtomic(file, text);
  return { outcome: 'written' };
}

async function readExisting(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  });
}

function sourceOf(text: string): string | undefined {
  const parsed = v.safeParse(SourceSchema, readFrontMatter(text)?.data);
  return parsed.success ? parsed.output.source : undefined;
}

/**
 * Whether `file` may hold the article imported from `source`: it does not exist, or it was
 * imported from that same URL. A hand-written file, or another source's, is never taken.
 */
export async function isFreeFor(file: string, source: string | undefined): Promise<boolean> {
  const existing = await readExisting(file);
  if (existing === undefined) return true;
  return source !== undefined && sourceOf(existing) === source;
}
