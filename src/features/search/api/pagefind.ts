/**
 * Pagefind's browser half, loaded the first time a reader searches (or focuses the search
 * box): nothing of search is downloaded before that. Its index sits beside the app, in
 * `pagefind/` under the site's base path.
 */
import * as v from 'valibot';
import { getJsonAt, NotFoundError } from '../../../lib/api-client.ts';

type PagefindResult = { id: string; data: () => Promise<unknown> };
type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (indexPath: string) => Promise<void>;
  init: () => Promise<void>;
  search: (
    term: string,
    options?: { filters?: Record<string, unknown> },
  ) => Promise<{ results: PagefindResult[] } | null>;
};

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const base = `${import.meta.env.BASE_URL}pagefind/`;
    // A URL known only at run time: the bundler leaves it to the browser.
    const module = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as Pagefind;
    await module.options({ excerptLength: 0 });
    // A large archive's index comes in shards (see scripts/search/search-index.ts).
    // An index written before shards existed has no list: it is one shard.
    const folders = await getJsonAt(`${base}shards.json`, v.array(v.string())).catch(
      (error: unknown) => {
        if (error instanceof NotFoundError) return [];
        throw error;
      },
    );
    await Promise.all(folders.map((folder) => module.mergeIndex(`${base}${folder}/`)));
    await module.init();
    return module;
  })();
  // A failed load (offline) is tried again next time.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** What the index stores of an article (see scripts/search/search-index.ts). */
export const SearchHitSchema = v.object({
  url: v.string(),
  meta: v.object({
    title: v.string(),
    date: v.string(),
    section: v.string(),
    text: v.string(),
  }),
});
export type SearchHit = v.InferOutput<typeof SearchHitSchema>;

export type { Pagefind, PagefindResult };
