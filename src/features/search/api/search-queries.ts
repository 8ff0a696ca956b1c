import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { site } from '../../../config/site.ts';
import { NotFoundError } from '../../../lib/api-client.ts';
import { STALE_TIME_MS } from '../../../lib/query-client.ts';
import { articleQueries } from '../../articles/api/article-queries.ts';
import { articleText } from '../../../lib/article-text.ts';
import { searchTerms } from '../lib/fold-text.ts';
import { firstMatchingSnippet, type SnippetPart } from '../lib/snippet.ts';
import { loadIndex, matchingRanks, slugsOf } from './search-index.ts';

/** A search as the URL holds it: `/search/?q=...&section=...&from=2023-07&to=2023-08`. */
export type SearchParams = { q: string; section: string; from: string; to: string };

export type SearchResult = {
  slug: string;
  /** The article's language: the result's words are in it. */
  lang: string;
  title: string;
  published: string;
  section: string;
  snippet: SnippetPart[];
};

export type SearchResults = { total: number; results: SearchResult[] };

/** Results shown at once; "Show more" asks for more. */
export const RESULTS_STEP = 10;

export const searchQueries = {
  all: () => ['search'] as const,
  /** The months the archive has articles in (`YYYY-MM`), newest first: the date filters' choices. */
  months: (queryClient: QueryClient) =>
    // The query client is where the index files are cached, not an input.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...searchQueries.all(), 'months'] as const,
      queryFn: async () => {
        const index = await loadIndex(queryClient);
        return [...new Set(index.months.map(([month]) => month))];
      },
      staleTime: Infinity,
    }),
  /**
   * The first `shown` results, newest first, with the number found. Each result is the
   * article itself, fetched through the article cache: its snippet is cut from the text,
   * and opening it afterwards is instant.
   */
  results: (queryClient: QueryClient, params: SearchParams, shown: number) =>
    // The query client is where the index files and articles are cached, not an input.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...searchQueries.all(), 'results', params, shown] as const,
      queryFn: async (): Promise<SearchResults> => {
        const words = searchTerms(params.q);
        const { index, ranks } = await matchingRanks(queryClient, words, params);
        const slugs = await slugsOf(queryClient, index, ranks.subarray(0, shown));
        const articles = await Promise.all(
          slugs.map((slug) =>
            queryClient.query(articleQueries.detail(slug)).catch((error: unknown) => {
              // An index a build older than the API: the article is gone, so is the result.
              if (error instanceof NotFoundError) return undefined;
              throw error;
            }),
          ),
        );
        const results = articles.flatMap((article) =>
          article === undefined
            ? []
            : [
                {
                  slug: article.slug,
                  lang: article.lang ?? site.language,
                  title: article.title,
                  published: article.published,
                  section: article.section.name,
                  // The article's own words; its READ lines only when the match is there.
                  snippet: firstMatchingSnippet(
                    [articleText(article, { readLinks: false }), articleText(article)],
                    words,
                  ),
                },
              ],
        );
        return { total: ranks.length, results };
      },
      staleTime: STALE_TIME_MS,
    }),
};
