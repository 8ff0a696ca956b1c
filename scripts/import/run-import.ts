/**
 * Runs an import page by page: fetch a page, write its articles, save where to resume; at
 * the end, revisit the articles whose same-site links pointed at articles imported later in
 * the run, and delete the resume state. Every file write is atomic and skipped when the bytes
 * would not change, so a re-run of a finished import changes nothing.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { removeTempFiles } from './atomic-file.ts';
import { formatMs } from '../lib/http.ts';
import { ImportError } from './import-error.ts';
import type { ImportedArticle } from './imported-article.ts';
import { LIMIT_OPTIONS } from './limits.ts';
import type { ImportSource, SourcePage } from './source.ts';
import { clearState, loadState, saveState, stateDir, stateFile, type Cursor } from './state.ts';
import { claimFile, renderArticle, writeArticle, type WriteOutcome } from './write-article.ts';

export type RunOptions = {
  /** The content folder: articles go to `<out>/articles/`, resume state to `<out>/.import/`. */
  out: string;
  log: (line: string) => void;
  warn: (line: string) => void;
};

export type ImportSummary = { written: number; unchanged: number; skipped: number };

export async function runImport(source: ImportSource, options: RunOptions): Promise<ImportSummary> {
  const { log, warn } = options;
  const articlesDir = path.join(options.out, 'articles');
  await mkdir(articlesDir, { recursive: true });
  const leftovers =
    (await removeTempFiles(articlesDir)) + (await removeTempFiles(stateDir(options.out)));
  if (leftovers > 0) log(`removed ${leftovers} temporary file(s) left by an interrupted run`);

  const file = stateFile(options.out, source.key);
  const state = await loadState(file, warn);
  if (state) log(`resuming the interrupted import of ${source.name} at ${String(state.next)}`);
  const writer = await articleWriter(source, articlesDir, options, state?.pending);
  let skipped = 0;
  await readPages(source, state?.next ?? source.start, {
    onPage: async (page) => {
      page.skipped.forEach((message) => warn(message));
      skipped += page.skipped.length;
      const placed = await writer.place(page.articles);
      log(`${page.label}: ${placed.length} article${placed.length === 1 ? '' : 's'}`);
    },
    onNext: (next) =>
      saveState(file, {
        version: 1,
        source: source.name,
        next,
        pending: writer.pending(),
      }),
  });
  await writer.finish();
  await clearState(file);

  const count = (outcome: WriteOutcome) =>
    [...writer.outcomes.values()].filter((value) => value.outcome === outcome).length;
  return {
    written: count('written'),
    unchanged: count('unchanged'),
    skipped: skipped + writer.refused + count('skipped'),
  };
}

/**
 * Reads a source page by page from `cursor`, within its limits: a source is not trusted to
 * end, so its next page is read only while the run is within its pages, items and time.
 * `onNext` runs before each next page is read (the import saves where to resume there).
 */
export async function readPages(
  source: ImportSource,
  cursor: Cursor,
  handlers: {
    onPage: (page: SourcePage) => Promise<void>;
    onNext?: (next: Cursor) => Promise<void>;
  },
): Promise<void> {
  const { limits } = source;
  const deadline = Date.now() + limits.maxTimeMs;
  let pages = 0;
  let items = 0;
  for (;;) {
    const page = await source.fetchPage(cursor, limits.maxItems - items);
    pages++;
    items += page.articles.length + page.skipped.length;
    await handlers.onPage(page);
    if (page.unread !== undefined)
      throw new ImportError(
        `${page.label}: more items than ${LIMIT_OPTIONS.maxItems} ${limits.maxItems} in one import; stopped with ${page.unread} of this page unread`,
      );
    if (page.next === undefined) return;
    cursor = page.next;
    await handlers.onNext?.(cursor);
    const again = `run the same command to go on from ${String(cursor)}`;
    if (pages >= limits.maxPages)
      throw new ImportError(
        `${source.name}: stopped after ${LIMIT_OPTIONS.maxPages} ${limits.maxPages} pages; ${again}`,
      );
    if (items >= limits.maxItems)
      throw new ImportError(
        `${source.name}: stopped after ${LIMIT_OPTIONS.maxItems} ${limits.maxItems} items; ${again}`,
      );
    if (Date.now() > deadline)
      throw new ImportError(
        `${source.name}: stopped after ${LIMIT_OPTIONS.maxTimeMs} ${formatMs(limits.maxTimeMs)}; ${again}`,
      );
  }
}

/** What became of an article given to the writer, by the slug it was written under. */
export type Placed = {
  article: ImportedArticle;
  outcome: WriteOutcome;
  /** The file's text before this run wrote it; undefined for a new file. */
  previous?: string | undefined;
};

export type ArticleWriter = {
  /**
   * Gives each article its slug (its own, else a dated one: see freeSlug) and writes the
   * ones `accept` takes; returns the articles placed, with their slugs.
   */
  place: (articles: ImportedArticle[]) => Promise<ImportedArticle[]>;
  /** Writes again the articles whose same-site links waited for articles placed later. */
  finish: () => Promise<void>;
  /** Every article placed, by slug. */
  outcomes: Map<string, Placed>;
  /** Articles refused before writing: no free slug, the same item from another source. */
  refused: number;
  pending: () => ImportedArticle[];
};

/**
 * Places articles into `articlesDir` as `source` imports them: whose they are is recorded
 * (`imported_from:`), so a file another source imported is never replaced by this one. The
 * sync checks each article's text before it is written with `accept`.
 */
export async function articleWriter(
  source: Pick<ImportSource, 'name'>,
  articlesDir: string,
  options: Pick<RunOptions, 'log' | 'warn'> & {
    accept?: (article: ImportedArticle, text: string) => boolean;
  },
  waiting: ImportedArticle[] = [],
): Promise<ArticleWriter> {
  const { log, warn } = options;
  const pending = new Map<string, ImportedArticle>(
    waiting.map((article) => [article.slug, article]),
  );
  const known = await existingSlugs(articlesDir);
  const batch = new Set<string>();
  /** Source URL -> slug, for the articles of this import that took another slug than theirs. */
  const bySource = new Map<string, string>();
  const outcomes = new Map<string, Placed>();
  const importedFrom = source.name;

  const write = async (article: ImportedArticle, slugs: ReadonlySet<string>) => {
    const { text, unresolved } = renderArticle(article, slugs, bySource);
    if (options.accept !== undefined && !options.accept(article, text)) {
      pending.delete(article.slug);
      return { article, outcome: 'skipped' as const };
    }
    const result = await writeArticle(path.join(articlesDir, `${article.slug}.md`), text, {
      source: article.source,
      importedFrom: article.importedFrom,
    });
    if (result.reason !== undefined) warn(`${article.slug}: ${result.reason}`);
    if (result.outcome !== 'skipped' && unresolved.length > 0) pending.set(article.slug, article);
    else pending.delete(article.slug);
    return { article, outcome: result.outcome, previous: result.previous };
  };

  const writer: ArticleWriter = {
    outcomes,
    refused: 0,
    pending: () => [...pending.values()],
    async place(articles) {
      const fresh: ImportedArticle[] = [];
      for (const found of articles) {
        const article = { ...found, importedFrom };
        const slug = await freeSlug(article, batch, articlesDir);
        if (typeof slug !== 'string') {
          warn(
            slug?.reason ??
              `${article.slug}: no free slug for ${article.source ?? 'this item'}; skipped`,
          );
          writer.refused++;
          continue;
        }
        if (slug !== article.slug)
          log(
            `${article.slug} is taken by another article; ${article.source ?? 'the item'} is written as ${slug}`,
          );
        batch.add(slug);
        if (slug !== article.slug && article.source !== undefined)
          bySource.set(article.source, slug);
        fresh.push({ ...article, slug });
      }
      // The whole page is known before any of it is written, so links within a page resolve.
      fresh.forEach((article) => known.add(article.slug));
      for (const article of fresh) outcomes.set(article.slug, await write(article, known));
      return fresh;
    },
    async finish() {
      // Links to articles that came later in the import resolve now that those are written.
      const final = await existingSlugs(articlesDir);
      for (const article of [...pending.values()]) {
        const placed = await write(article, final);
        const earlier = outcomes.get(article.slug);
        if (placed.outcome === 'written')
          outcomes.set(article.slug, {
            ...placed,
            previous: earlier?.outcome === 'written' ? earlier.previous : placed.previous,
          });
      }
    },
  };
  return writer;
}

/** How many numbered slugs are tried after the dated one, before an item is given up. */
const MAX_NUMBERED = 50;

/**
 * The slug an article is written under. Two items whose permalinks end alike (Daring
 * Fireball's two `markoff-forstall` posts), or an item whose slug another source's article
 * or a hand-written one already has, must not be lost or overwrite each other: the later one
 * takes `<slug>-<YYYYMMDD>` of its publication date, then `-2`, `-3` ... Which one is free is
 * decided by the files' `source:`, so a re-run maps every item to the slug it had, whatever
 * the order the source lists them in.
 */
async function freeSlug(
  article: ImportedArticle,
  batch: ReadonlySet<string>,
  dir: string,
): Promise<string | { reason: string } | undefined> {
  const dated = `${article.slug}-${article.published.slice(0, 10).replaceAll('-', '')}`;
  const candidates = [
    article.slug,
    dated,
    ...Array.from({ length: MAX_NUMBERED }, (_, index) => `${dated}-${index + 2}`),
  ];
  for (const slug of candidates) {
    if (batch.has(slug)) continue;
    // An item without a URL cannot be told apart from a file it once wrote: it keeps its
    // slug, and writing it says whether the file is someone else's.
    if (article.source === undefined) return slug;
    const claim = await claimFile(path.join(dir, `${slug}.md`), article);
    if (claim.state === 'free') return slug;
    // The same item from another source: reported, never written beside it or over it.
    if (claim.state === 'contested') return { reason: `${claim.reason}; skipped` };
  }
  return undefined;
}

async function existingSlugs(dir: string): Promise<Set<string>> {
  const names = await readdir(dir);
  return new Set(
    names.filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -'.md'.length)),
  );
}
