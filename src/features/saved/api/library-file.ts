/**
 * Saved articles as a JSON file the reader keeps or moves to another browser: each article
 * whole, with when it was saved. Importing adds to what is saved here and replaces nothing
 * newer, so importing the same file twice, or an older one, loses nothing.
 */
import * as v from 'valibot';
import { readJson } from '../../../lib/api-client.ts';
import { getSaved, saveArticle, SavedArticleSchema, type SavedArticle } from './library-store.ts';

const FORMAT = 'news-reader/saved-articles';

export const LibraryFileSchema = v.object({
  format: v.literal(FORMAT, `must be "${FORMAT}": this is not a file of saved articles`),
  version: v.literal(1, 'must be 1: the file comes from a newer reader'),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  articles: v.array(SavedArticleSchema),
});

export function libraryFileName(now = new Date()): string {
  return `saved-articles-${now.toISOString().slice(0, 10)}.json`;
}

export function toLibraryFile(saved: SavedArticle[], now = new Date()): string {
  const file: v.InferInput<typeof LibraryFileSchema> = {
    format: FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    articles: saved,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { added: number; updated: number; unchanged: number };

/**
 * Reads a file of saved articles and saves each one this browser does not have, or has an
 * older save of. Throws an ApiError naming the file and the first thing wrong in it (for
 * example `articles.3.article.title`) before anything is written: a bad file changes nothing.
 */
export async function importLibraryFile(name: string, text: string): Promise<ImportResult> {
  const { articles } = readJson(name, text, LibraryFileSchema);
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
  for (const item of articles) {
    const existing = await getSaved(item.article.slug);
    if (existing !== undefined && existing.savedAt >= item.savedAt) {
      result.unchanged += 1;
      continue;
    }
    await saveArticle(item.article, item.savedAt);
    result[existing === undefined ? 'added' : 'updated'] += 1;
  }
  return result;
}
