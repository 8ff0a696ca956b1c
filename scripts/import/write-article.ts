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
    ...(article.importedFrom === undefined ? {} : { imported_from: article.importedFrom }),
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

/**
 * Whose an article file is: the URL it was first published at (`source:`) and the source it
 * was imported from (`imported_from:`, the API root or feed the editor named).
 */
export type Claim = { source?: string | undefined; importedFrom?: string | undefined };

const ClaimSchema = v.object({
  source: v.optional(v.string()),
  imported_from: v.optional(v.string()),
});

/**
 * Writes `text` to `file` unless it is already there. A file that exists and is someone
 * else's (a hand-written article, another item, the same item from another source) is left
 * alone: `skipped`, with the reason.
 */
export async function writeArticle(
  file: string,
  text: string,
  claim: Claim,
): Promise<{ outcome: WriteOutcome; reason?: string; previous?: string }> {
  const existing = await readExisting(file);
  if (existing === text) return { outcome: 'unchanged' };
  if (existing !== undefined) {
    const refusal = refusalOf(file, claimOf(existing), claim);
    if (refusal !== undefined) return { outcome: 'skipped', reason: refusal };
  }
  await writeFileAtomic(file, text);
  // What was replaced, so that a sync whose build fails can put it back.
  return { outcome: 'written', ...(existing === undefined ? {} : { previous: existing }) };
}

export async function readExisting(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  });
}

export function claimOf(text: string): Claim {
  const parsed = v.safeParse(ClaimSchema, readFrontMatter(text)?.data);
  return parsed.success
    ? { source: parsed.output.source, importedFrom: parsed.output.imported_from }
    : {};
}

/**
 * Why an article claimed by `existing` may not be replaced by one claimed by `wanted`, or
 * undefined when it may: the same item (same `source:`) from the same source. A file
 * written before `imported_from:` was recorded is taken by a source on the item's own host.
 */
function refusalOf(file: string, existing: Claim, wanted: Claim): string | undefined {
  const name = path.basename(file);
  if (existing.source === undefined)
    return `${name} already exists (written by hand); left as it is`;
  if (wanted.source !== existing.source)
    return `${name} already exists (imported from ${existing.source}); left as it is`;
  const from = existing.importedFrom;
  if (from === wanted.importedFrom) return undefined;
  if (from === undefined && sameHost(existing.source, wanted.importedFrom)) return undefined;
  return `${name}: ${wanted.importedFrom ?? 'this import'} claims ${existing.source}, which ${from ?? 'an earlier import'} imported; left as it is, not replaced by another source`;
}

function sameHost(a: string | undefined, b: string | undefined): boolean {
  const host = (url: string | undefined) => {
    try {
      return url === undefined ? undefined : new URL(url).host.replace(/^www\./, '');
    } catch {
      return undefined;
    }
  };
  return host(a) !== undefined && host(a) === host(b);
}

/**
 * Whether `file` may hold the article claimed by `claim`: it does not exist (`free`), it is
 * that same article from that same source (`free`), it is someone else's article (`taken`:
 * try another slug), or it is that same article from another source (`contested`: the item
 * is not written at all, and `reason` says so).
 */
export async function claimFile(
  file: string,
  claim: Claim,
): Promise<{ state: 'free' } | { state: 'taken' } | { state: 'contested'; reason: string }> {
  const existing = await readExisting(file);
  if (existing === undefined) return { state: 'free' };
  const owner = claimOf(existing);
  if (claim.source === undefined || owner.source !== claim.source) return { state: 'taken' };
  const reason = refusalOf(file, owner, claim);
  return reason === undefined ? { state: 'free' } : { state: 'contested', reason };
}
