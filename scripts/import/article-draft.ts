/**
 * The steps every importer shares once it has read an item: check what the front matter
 * requires, pick the slug, turn the body HTML into blocks, and settle image sizes.
 */
import { createHash } from 'node:crypto';
import { SLUG_PATTERN } from '../../src/contract/article.ts';
import { slugify } from '../content/article-record.ts';
import { canonicalLanguage } from '../content/language.ts';
import { htmlToBlocks, plainOf, type DraftBlock, type DraftImage } from './html-to-blocks.ts';
import { settleImages, sizedImage, type MeasureImage } from './image-size.ts';
import { ImportError } from './import-error.ts';
import type { ImportedArticle, ImportInline, ItemOrigin } from './imported-article.ts';
import type { ImportLimits } from './limits.ts';
import { settleLanguage } from './language-detect.ts';
import { asSlug } from './links.ts';
import type { SourceContext } from './source.ts';
import { cleanText } from './text.ts';
import { fitContentRules } from './fit-content-rules.ts';

export type ArticleDraft = {
  /** Names the item in messages (its URL, or its id). */
  label: string;
  /** The source's own id of the item (a WordPress post id, a feed item's id), when it has one. */
  id?: string | undefined;
  /** Slug candidates, best first (from the permalink, the source's own slug ...); else the title. */
  slugs: (string | undefined)[];
  title: string;
  /**
   * The language the source states (a feed's or its item's), as it states it: feeds are
   * messy, so anything that is not a language tag is left out with a warning.
   */
  lang?: unknown;
  published: string | undefined;
  modified?: string | undefined;
  section: string[];
  tags: string[];
  authors: string[];
  standfirst: string;
  image?: DraftImage | undefined;
  source?: string | undefined;
  /** What a link post is about (JSON Feed's `external_url`). */
  externalUrl?: string | undefined;
  /** The body, as HTML or as blocks already. */
  body:
    | { html: string; base?: string | undefined; siteHosts: ReadonlySet<string> }
    | { blocks: DraftBlock[] };
};

/** What completing an item takes: the source's context, its image measurer and limits. */
export type ItemContext = SourceContext & { measureImage: MeasureImage; limits: ImportLimits };

/** An item that could not become an article, and why. */
export type Skip = { skip: string };

/**
 * The draft of an item, or why there is none: content the importer refuses to read (HTML
 * nested past `--max-depth`) costs that item, with a message, and never the import.
 */
export function draftOrSkip<TDraft extends ArticleDraft>(
  label: string,
  make: () => TDraft,
): TDraft | Skip {
  try {
    return make();
  } catch (error) {
    if (error instanceof ImportError) return { skip: `${label}: ${error.message}; skipped` };
    throw error;
  }
}

/** Completes a page's drafts in order; those that cannot be articles are reported as skipped. */
export async function completeArticles(
  drafts: Iterable<ArticleDraft | Skip>,
  context: ItemContext,
): Promise<{ articles: ImportedArticle[]; skipped: string[]; skippedIds: string[] }> {
  const articles: ImportedArticle[] = [];
  const skipped: string[] = [];
  /** The source's ids of the drafts skipped, so that a sync can try them again. */
  const skippedIds: string[] = [];
  for (const draft of drafts) {
    if (!('skip' in draft) && isCurrent(draft, context)) continue;
    const article =
      'skip' in draft
        ? draft
        : await completeArticle(draft, context).catch((error: unknown) => {
            if (error instanceof ImportError)
              return { skip: `${draft.label}: ${error.message}; skipped` };
            throw error;
          });
    if ('skip' in article) {
      skipped.push(article.skip);
      if (!('skip' in draft) && draft.id !== undefined) skippedIds.push(draft.id);
    } else articles.push(article);
  }
  return { articles, skipped, skippedIds };
}

/**
 * What the source said of an item, as a short hash: any change to its text, dates, terms or
 * photo (an edit, a new modified date) gives another, so a sync knows an edit without
 * reading the item's photos or writing its file.
 */
export function draftVersion(draft: ArticleDraft): string {
  // The stated language may be anything a feed holds (a list nested 100,000 deep): only a
  // string is text to compare; anything else is left out as it will be from the article.
  const lang = typeof draft.lang === 'string' ? draft.lang : typeof draft.lang;
  const json = JSON.stringify({ ...draft, lang }, (_, value: unknown) =>
    value instanceof Set ? [...(value as Set<string>)].sort() : value,
  );
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

function originOf(draft: ArticleDraft): ItemOrigin | undefined {
  return draft.id === undefined ? undefined : { id: draft.id, version: draftVersion(draft) };
}

function isCurrent(draft: ArticleDraft, context: ItemContext): boolean {
  const origin = originOf(draft);
  return origin !== undefined && context.isCurrent !== undefined && context.isCurrent(origin);
}

export async function completeArticle(
  draft: ArticleDraft,
  context: ItemContext,
): Promise<ImportedArticle | Skip> {
  if (draft.published === undefined)
    return { skip: `${draft.label}: no readable publication date; skipped` };
  const stated = cleanText(draft.title);
  // WordPress makes an excerpt of the body's first words, and themes that open the body with
  // the headline (click9ja.com's <h3>) make it open with the headline too.
  const excerpt = cleanText(draft.standfirst);
  const standfirst =
    stated !== '' && excerpt.startsWith(`${stated} `) ? excerpt.slice(stated.length + 1) : excerpt;
  const drafted =
    'html' in draft.body
      ? htmlToBlocks(draft.body.html, {
          base: draft.body.base,
          siteHosts: draft.body.siteHosts,
          fallbackAlt: stated,
          maxDepth: context.limits.maxDepth,
        })
      : draft.body.blocks;
  // Micro-posts have no title (Manton Reece's blog): their first words make one.
  const title = stated || headlineOf(standfirst || textOf(drafted));
  if (title === '') return { skip: `${draft.label}: no title and no text to make one of; skipped` };
  const slug = [...draft.slugs, slugify(title)]
    .map((candidate) => (candidate === undefined ? undefined : asSlug(candidate)))
    .find((candidate) => candidate !== undefined && SLUG_PATTERN.test(candidate));
  if (slug === undefined) return { skip: `${draft.label}: no usable slug; skipped` };

  const warn = (message: string) => context.warn(`${slug}: ${message}`);
  const lang = await settleLanguage(
    languageOf(draft.lang, warn),
    [title, standfirst, textOf(drafted)].join('\n'),
  );
  const image = draft.image && (await sizedImage(draft.image, context.measureImage, warn));
  const [first] = drafted;
  // Feeds often repeat the hero as the body's first image, and themes the headline as its
  // first heading (click9ja.com's <h3>).
  const repeatsTitle =
    (first?.type === 'heading' || first?.type === 'paragraph') &&
    cleanText(plainOf(first.content)) === title;
  const body = await settleImages(
    drafted
      .slice(repeatsTitle ? 1 : 0)
      .filter((block) => block.type !== 'image' || block.image.src !== image?.src),
    context.measureImage,
    warn,
  );
  const section = names(draft.section);
  const origin = originOf(draft);
  const fitted = fitContentRules(
    {
      slug,
      ...(lang === undefined ? {} : { lang }),
      title,
      published: draft.published,
      ...(draft.modified === undefined ? {} : { modified: draft.modified }),
      section: section.length > 0 ? section : [context.section],
      tags: names(draft.tags),
      authors: names(draft.authors),
      standfirst,
      ...(image === undefined ? {} : { image }),
      ...(draft.source === undefined ? {} : { source: draft.source }),
      ...(context.sourceName === undefined ? {} : { sourceName: context.sourceName }),
      ...(draft.externalUrl === undefined ? {} : { externalUrl: draft.externalUrl }),
      body,
      ...(origin === undefined ? {} : { origin }),
    },
    context.section,
    warn,
  );
  return 'skip' in fitted ? { skip: `${draft.label}: ${fitted.skip}` } : fitted;
}

/** The reading text of a body, for detection and made-up titles: code is left out. */
function textOf(blocks: DraftBlock[]): string {
  const line = (content: ImportInline[]) =>
    plainOf(
      content.map((inline) =>
        inline.type === 'text' && inline.marks?.includes('code')
          ? { ...inline, text: ' ' }
          : inline,
      ),
    );
  return blocks
    .flatMap((block) => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return [line(block.content)];
        case 'quote':
          return block.paragraphs.map(line);
        case 'list':
          return block.items.map(line);
        default:
          return [];
      }
    })
    .join('\n');
}

/** A headline made of a text's first words: its first sentence, or about ten words. */
function headlineOf(text: string): string {
  const clean = cleanText(text);
  const sentence = /^.{8,100}?[.!?…](?=\s|$)/u.exec(clean)?.[0];
  if (sentence !== undefined) return sentence;
  const words = clean.split(' ');
  return words.length <= 12 ? clean : `${words.slice(0, 10).join(' ')}…`;
}

/** BCP 47 asks every implementation to take tags of up to 35 characters; none is longer. */
const MAX_LANGUAGE_LENGTH = 35;

function languageOf(stated: unknown, warn: (message: string) => void): string | undefined {
  if (stated === undefined || stated === null) return undefined;
  // A feed's value may be anything: it is described, never printed whole or serialised.
  if (typeof stated !== 'string') {
    const kind = Array.isArray(stated)
      ? 'a list'
      : typeof stated === 'object'
        ? 'an object'
        : `a ${typeof stated}`;
    warn(`language (${kind}) is not a language tag; left out`);
    return undefined;
  }
  const text = cleanText(stated);
  if (text === '') return undefined;
  if (text.length > MAX_LANGUAGE_LENGTH) {
    warn(
      `language ${JSON.stringify(`${text.slice(0, MAX_LANGUAGE_LENGTH)}…`)} (${text.length} characters) is longer than any language tag; left out`,
    );
    return undefined;
  }
  const tag = canonicalLanguage(text);
  if (tag === undefined) warn(`language ${JSON.stringify(stated)} is not a language tag; left out`);
  return tag;
}

/** Cleaned, non-empty, each once (compared without case). */
function names(list: string[]): string[] {
  const seen = new Set<string>();
  return list.map(cleanText).filter((name) => {
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
