/**
 * Pagefind's browser half, loaded the first time a reader searches (or focuses the search
 * box): nothing of search is downloaded before that. Its index sits beside the app, in
 * `pagefind/` under the site's base path.
 */
import * as v from 'valibot';

type PagefindResult = { id: string; data: () => Promise<unknown> };
type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    term: string,
    options?: { filters?: Record<string, unknown> },
  ) => Promise<{ results: PagefindResult[] } | null>;
};

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
    // A URL known only at run time: the bundler leaves it to the browser.
    const module = (await import(/* @vite-ignore */ url)) as Pagefind;
    await module.options({ excerptLength: 0 });
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
