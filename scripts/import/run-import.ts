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
import type { ImportSource } from './source.ts';
import { clearState, loadState, saveState, stateDir, stateFile } from './state.ts';
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
  const { limits } = source;
  const deadline = Date.now() + limits.maxTimeMs;
  const articlesDir = path.join(options.out, 'articles');
  await mkdir(articlesDir, { recursive: true });
  const leftovers =
    (await removeTempFiles(articlesDir)) + (await removeTempFiles(stateDir(options.out)));
  if (leftovers > 0) log(`removed ${leftovers} temporary file(s) left by an interrupted run`);

  const file = stateFile(options.out, source.key);
  const state = await loadState(file, warn);
  let cursor = state?.next ?? source.start;
  if (state) log(`resuming the interrupted import of ${source.name} at ${String(cursor)}`);
  const pending = new Map<string, ImportedArticle>(
    state?.pending.map((article) => [article.slug, article]),
  );

  const known = await existingSlugs(articlesDir);
  const batch = new Set<string>();
  /** Source URL -> slug, for the articles of this import that took another slug than theirs. */
  const bySource = new Map<string, string>();
  const outcomes = new Map<string, WriteOutcome>();
  let skipped = 0;
  let pages = 0;
  let items = 0;
  // Whose articles these are: a file another source imported is never replaced by this one.
  const importedFrom = source.name;

  const write = async (article: ImportedArticle, slugs: ReadonlySet<string>) => {
    const { text, unresolved } = renderArticle(article, slugs, bySource);
    const result = await writeArticle(path.join(articlesDir, `${article.slug}.md`), text, {
      source: article.source,
      importedFrom: article.importedFrom,
    });
    if (result.reason !== undefined) warn(`${article.slug}: ${result.reason}`);
    if (result.outcome !== 'skipped' && unresolved.length > 0) pending.set(article.slug, article);
    else pending.delete(article.slug);
    return result.outcome;
  };

  for (;;) {
    const page = await source.fetchPage(cursor, limits.maxItems - items);
    pages++;
    items += page.articles.length + page.skipped.length;
    page.skipped.forEach((message) => warn(message));
    skipped += page.skipped.length;
    const fresh: ImportedArticle[] = [];
    for (const found of page.articles) {
      const article = { ...found, importedFrom };
      const slug = await freeSlug(article, batch, articlesDir);
      if (typeof slug !== 'string') {
        warn(
          slug?.reason ??
            `${article.slug}: no free slug for ${article.source ?? 'this item'}; skipped`,
        );
        skipped++;
        continue;
      }
      if (slug !== article.slug)
        log(
          `${article.slug} is taken by another article; ${article.source ?? 'the item'} is written as ${slug}`,
        );
      batch.add(slug);
      if (slug !== article.slug && article.source !== undefined) bySource.set(article.source, slug);
      fresh.push({ ...article, slug });
    }
    // The whole page is known before any of it is written, so links within a page resolve.
    fresh.forEach((article) => known.add(article.slug));
    for (const article of fresh) outcomes.set(article.slug, await write(article, known));
    log(`${page.label}: ${fresh.length} article${fresh.length === 1 ? '' : 's'}`);
    if (page.unread !== undefined)
      throw new ImportError(
        `${page.label}: more items than ${LIMIT_OPTIONS.maxItems} ${limits.maxItems} in one import; stopped with ${page.unread} of this page unread`,
      );
    if (page.next === undefined) break;
    cursor = page.next;
    await saveState(file, {
      version: 1,
      source: source.name,
      next: cursor,
      pending: [...pending.values()],
    });
    // A source is not trusted to end: its next page is read only within the limits.
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

  // Links to articles that came later in the import resolve now that those are written.
  const final = await existingSlugs(articlesDir);
  for (const article of [...pending.values()]) {
    if ((await write(article, final)) === 'written') outcomes.set(article.slug, 'written');
  }
  await clearState(file);

  const count = (outcome: WriteOutcome) =>
    [...outcomes.values()].filter((value) => value === outcome).length;
  return {
    written: count('written'),
    unchanged: count('unchanged'),
    skipped: skipped + count('skipped'),
  };
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
