/**
 * Saved articles as a JSON file the reader keeps or moves to another browser: each article
 * whole, with when it was saved. Importing adds to what is saved here and replaces nothing
 * newer, so importing the same file twice, or an older one, loses nothing.
 *
 * A file is data about saved articles, never pages of the site (decision 015): it is checked
 * against the rules the site's own content obeys (library-file-rules.ts), and what it brings
 * is kept as imported, shown in the Saved area as the reader's own copy.
 */
import * as v from 'valibot';
import { ApiError, readJson } from '../../../lib/api-client.ts';
import {
  CLOCK_SKEW_MS,
  firstFileProblem,
  MAX_ARTICLES,
  MAX_FILE_BYTES,
  megabytes,
} from './library-file-rules.ts';
import { getSaved, saveArticle, SavedArticleSchema, type SavedArticle } from './library-store.ts';

const FORMAT = 'news-reader/saved-articles';

export const LibraryFileSchema = v.object({
  format: v.literal(FORMAT, `must be "${FORMAT}": this is not a file of saved articles`),
  version: v.literal(1, 'must be 1: the file comes from a newer reader'),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  articles: v.pipe(
    v.array(SavedArticleSchema),
    v.maxLength(MAX_ARTICLES, `must hold at most ${MAX_ARTICLES.toLocaleString('en')} articles`),
  ),
});

export function libraryFileName(now = new Date()): string {
  return `saved-articles-${now.toISOString().slice(0, 10)}.json`;
}

export function toLibraryFile(
  saved: Pick<SavedArticle, 'savedAt' | 'article'>[],
  now = new Date(),
): string {
  const file: v.InferInput<typeof LibraryFileSchema> = {
    format: FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    // Where each came from is this device's knowledge: a file is imported as a file.
    articles: saved.map(({ savedAt, article }) => ({ savedAt, article })),
  };
  // Compact: a library of 3,000 articles stays within the size a file may be imported at.
  return `${JSON.stringify(file)}\n`;
}

export type ImportResult = { added: number; updated: number; unchanged: number };

/**
 * Imports a file the reader chose: its size is checked before a byte of it is read, so a
 * file of 150 MB is refused at once instead of holding the tab while it loads.
 */
export async function importLibraryFileFrom(file: File): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) {
    throw new ApiError(
      file.name,
      `The file is ${megabytes(file.size)}, larger than the ${megabytes(MAX_FILE_BYTES)} a file of saved articles may be`,
      'data',
    );
  }
  return importLibraryFile(file.name, await file.text());
}

/**
 * Reads a file of saved articles and saves each one this browser does not have, or has an
 * older imported copy of; a copy the reader saved from this site is never replaced by one
 * from a file. Throws an ApiError naming the file and the first thing wrong in it (for
 * example `articles.3.article.title`) before anything is written: a bad file changes nothing.
 */
export async function importLibraryFile(
  name: string,
  text: string,
  now = Date.now(),
): Promise<ImportResult> {
  const data = readJson(name, text, LibraryFileSchema);
  const problem = firstFileProblem(data, now);
  if (problem) {
    throw new ApiError(name, `Unexpected data at ${problem.path} (${problem.message})`, 'data');
  }
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
  for (const item of data.articles) {
    const existing = await getSaved(item.article.slug);
    if (existing !== undefined && !isReplacedBy(existing, item.savedAt, now)) {
      result.unchanged += 1;
      continue;
    }
    await saveArticle(item.article, item.savedAt, 'file');
    result[existing === undefined ? 'added' : 'updated'] += 1;
  }
  return result;
}

/**
 * Whether a copy from a file saved at `savedAt` replaces what is kept: never a copy from
 * this site; an imported one when the file's is newer, or when the kept one claims a date
 * in the future (imported before dates were checked, it must not stay forever).
 */
function isReplacedBy(existing: SavedArticle, savedAt: string, now: number): boolean {
  if (existing.origin === 'site') return false;
  const kept = Date.parse(existing.savedAt);
  return kept < Date.parse(savedAt) || kept > now + CLOCK_SKEW_MS;
}
