/**
 * The reader's library on this device, in IndexedDB: articles saved for later (each with
 * the whole article, so it reads with no network) and the articles already read.
 *
 * Each article is its own record, written in its own transaction: two tabs saving at the
 * same moment write two records, and neither can overwrite the other's (a single list
 * stored as one value would lose one tab's save). Records are checked against the article
 * contract when read back, so a damaged one is skipped, never shown half or thrown.
 */
import { clear, createStore, del, entries, get, keys, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { ArticleSchema, type Article } from '../../../contract/article.ts';

/**
 * Where a saved copy came from: `site`, saved by the reader from this site's own API, or
 * `file`, imported from a file of saved articles, which anyone could have written. Only a
 * copy from the site may stand in for the site's page of the article (offline, or after the
 * newsroom took it down); a copy from a file is shown in the Saved area as the reader's
 * own. A record from before origins were kept cannot say, so it counts as from a file.
 */
export const SAVED_ORIGINS = ['site', 'file'] as const;
export type SavedOrigin = (typeof SAVED_ORIGINS)[number];

/** A saved article as a file of saved articles holds it. */
export const SavedArticleSchema = v.object({
  /** When the reader saved it, ISO 8601. */
  savedAt: v.pipe(v.string(), v.isoTimestamp()),
  article: ArticleSchema,
});

/** A saved article as this device keeps it. */
const SavedRecordSchema = v.object({
  ...SavedArticleSchema.entries,
  origin: v.optional(v.picklist(SAVED_ORIGINS), 'file'),
});
export type SavedArticle = v.InferOutput<typeof SavedRecordSchema>;

/**
 * IndexedDB is missing or refused (some private modes, locked-down browsers), or the
 * device's storage is full.
 */
export class LibraryUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The reader cannot keep articles on this device', { cause });
    this.name = 'LibraryUnavailableError';
  }
}

let stores: { saved: UseStore; read: UseStore } | undefined;

/** Opened on first use: a page that never saves or lists never touches IndexedDB. */
function library() {
  if (typeof indexedDB === 'undefined' || indexedDB === null) throw new LibraryUnavailableError();
  stores ??= {
    saved: createStore('reader-saved', 'articles'),
    read: createStore('reader-read', 'articles'),
  };
  return stores;
}

/** Any failure of the store (refused, full, closed) comes out as one error the views know. */
async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof LibraryUnavailableError ? error : new LibraryUnavailableError(error);
  }
}

/** Every saved article, newest save first; records that fail the contract are left out. */
export function listSaved(): Promise<SavedArticle[]> {
  return attempt(async () => {
    const records = await entries<string, unknown>(library().saved);
    const saved: SavedArticle[] = [];
    for (const [slug, record] of records) {
      const result = v.safeParse(SavedRecordSchema, record);
      if (result.success) saved.push(result.output);
      else console.warn(`The saved copy of "${slug}" is damaged and is not shown.`);
    }
    return saved.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  });
}

export function savedSlugs(): Promise<Set<string>> {
  return attempt(async () => new Set(await keys<string>(library().saved)));
}

export function getSaved(slug: string): Promise<SavedArticle | undefined> {
  return attempt(async () => {
    const result = v.safeParse(SavedRecordSchema, await get(slug, library().saved));
    return result.success ? result.output : undefined;
  });
}

/** Keeps `article` on this device; by default as saved now by the reader from this site. */
export function saveArticle(
  article: Article,
  savedAt = new Date().toISOString(),
  origin: SavedOrigin = 'site',
): Promise<void> {
  const record: SavedArticle = { savedAt, article, origin };
  return attempt(() => set(article.slug, record, library().saved));
}

export function removeSaved(slug: string): Promise<void> {
  return attempt(() => del(slug, library().saved));
}

export function readSlugs(): Promise<Set<string>> {
  return attempt(async () => new Set(await keys<string>(library().read)));
}

export function markRead(slug: string, readAt = new Date().toISOString()): Promise<void> {
  return attempt(() => set(slug, readAt, library().read));
}

/** For tests: an empty library. */
export async function clearLibrary(): Promise<void> {
  await Promise.all([clear(library().saved), clear(library().read)]);
}
