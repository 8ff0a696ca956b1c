import { queryOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { STALE_TIME_MS } from '../../../lib/query-client.ts';
import { foldText } from '../lib/fold-text.ts';
import { makeSnippet, queryTerms, type SnippetPart } from '../lib/snippet.ts';
import { loadPagefind, SearchHitSchema } from './pagefind.ts';

/** A search as the URL holds it: `/search?q=...&section=...&from=2023-07&to=2023-08`. */
export type SearchParams = { q: string; section: string; from: string; to: string };

export type SearchResult = {
  slug: string;
  title: string;
  published: string;
  section: string;
  snippet: SnippetPart[];
};

export type SearchResults = { total: number; results: SearchResult[] };

/** Results shown at once; "Show more" asks for more. */
export const RESULTS_STEP = 10;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Every month from `from` to `to` (YYYY-MM), for Pagefind's "any of" filter. */
export function monthsBetween(from: string, to: string): string[] {
  const start = MONTH.test(from) ? from : '1990-01';
  const end = MONTH.test(to) ? to : new Date().toISOString().slice(0, 7);
  const months: string[] = [];
  let [year = 0, month = 0] = start.split('-').map(Number);
  for (let guard = 0; guard < 1200; guard++) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > end) break;
    months.push(current);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

export const searchQueries = {
  all: () => ['search'] as const,
  results: (params: SearchParams, shown: number) =>
    queryOptions({
      queryKey: [...searchQueries.all(), params, shown] as const,
      queryFn: async (): Promise<SearchResults> => {
        const pagefind = await loadPagefind();
        const filters: Record<string, unknown> = {};
        if (params.section !== '') filters.section = params.section;
        if (params.from !== '' || params.to !== '') {
          filters.month = { any: monthsBetween(params.from, params.to) };
        }
        const search = await pagefind.search(foldText(params.q), { filters });
        const found = search?.results ?? [];
        const terms = queryTerms(params.q);
        const results = await Promise.all(
          found.slice(0, shown).map(async (result) => {
            const hit = v.parse(SearchHitSchema, await result.data());
            return {
              slug: hit.url.replace(/^\/+|\/+$/g, ''),
              title: hit.meta.title,
              published: hit.meta.date,
              section: hit.meta.section,
              snippet: makeSnippet(hit.meta.text, terms),
            };
          }),
        );
        return { total: found.length, results };
      },
      staleTime: STALE_TIME_MS,
    }),
};
