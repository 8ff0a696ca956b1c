/**
 * Forgetting the articles the newsroom took down (decision 023). The build lists their slugs
 * in `api/removed.json`; a new list makes a new worker, which on install drops what this
 * device kept of those articles for readers who never saved them: the page and the data the
 * worker cached, and the article in the app's kept query cache. Saved articles live in a
 * store of their own (src/features/saved) and stay the reader's.
 */
import { createStore, get, set } from 'idb-keyval';
import { CACHE_NAMES, QUERY_CACHE } from './names.ts';

type KeptQuery = { queryKey?: unknown };
type KeptClient = { clientState?: { queries?: KeptQuery[] } };

/** `['articles', 'detail', slug]`, the app's key for one article (article-queries.ts). */
function articleSlugOf(query: KeptQuery): string | undefined {
  const key = query.queryKey;
  if (!Array.isArray(key) || key.length !== 3) return undefined;
  return key[0] === 'articles' && key[1] === 'detail' && typeof key[2] === 'string'
    ? key[2]
    : undefined;
}

/** The kept query cache without the taken-down articles, or undefined if none was there. */
export function withoutArticles<T extends KeptClient>(
  client: T,
  slugs: ReadonlySet<string>,
): T | undefined {
  const queries = client.clientState?.queries;
  if (!Array.isArray(queries)) return undefined;
  const kept = queries.filter((query) => {
    const slug = articleSlugOf(query);
    return slug === undefined || !slugs.has(slug);
  });
  if (kept.length === queries.length) return undefined;
  return { ...client, clientState: { ...client.clientState, queries: kept } };
}

/** The URLs the worker may have kept of an article: its page and its data. */
export function keptUrlsOf(slug: string, scope: URL): { pages: string[]; data: string[] } {
  return {
    pages: [new URL(`${slug}/`, scope).href],
    data: [new URL(`api/articles/${slug}.json`, scope).href],
  };
}

/** Reads the list of taken-down articles: slugs only, whatever else the file holds. */
export function removedSlugs(list: unknown): string[] {
  const slugs = (list as { slugs?: unknown } | null)?.slugs;
  return Array.isArray(slugs)
    ? slugs.filter((slug): slug is string => typeof slug === 'string')
    : [];
}

export async function forgetRemoved(slugs: readonly string[], scope: URL): Promise<void> {
  if (slugs.length === 0) return;
  const [pages, data] = await Promise.all([
    caches.open(CACHE_NAMES.pages),
    caches.open(CACHE_NAMES.data),
  ]);
  for (const slug of slugs) {
    const urls = keptUrlsOf(slug, scope);
    await Promise.all([
      ...urls.pages.map((url) => pages.delete(url)),
      ...urls.data.map((url) => data.delete(url)),
    ]);
  }
  try {
    const store = createStore(QUERY_CACHE.database, QUERY_CACHE.store);
    const client = await get<KeptClient>(QUERY_CACHE.key, store);
    const pruned = client && withoutArticles(client, new Set(slugs));
    if (pruned) await set(QUERY_CACHE.key, pruned, store);
  } catch {
    // No kept cache on this device (IndexedDB refused): nothing to forget there.
  }
}
