import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  apiPaths,
  ArticlePageSchema,
  ArticleSchema,
  ListFrontSchema,
  SLUG_PATTERN,
} from '../../../contract/article.ts';
import { getJson, getJsonIf } from '../../../lib/api-client.ts';
import { STALE_TIME_MS } from '../../../lib/query-client.ts';
import { pagedListOptions, type ListStart } from './paged-list.ts';

/**
 * Query options for articles, one factory per resource with hierarchical keys:
 * loaders warm the cache with these, components read it with the same options,
 * and links prefetch with them, so all three always agree on the key.
 */
export const articleQueries = {
  all: () => ['articles'] as const,
  lists: () => [...articleQueries.all(), 'list'] as const,
  list: (page: number) =>
    queryOptions({
      queryKey: [...articleQueries.lists(), { page }] as const,
      queryFn: ({ signal }) => getJson(apiPaths.latest(page), ArticlePageSchema, { signal }),
      staleTime: STALE_TIME_MS,
    }),
  /** The latest articles' front: the newest, the count and the page numbers. */
  front: () =>
    queryOptions({
      queryKey: [...articleQueries.lists(), 'front'] as const,
      queryFn: ({ signal }) => getJson(apiPaths.latestFront(), ListFrontSchema, { signal }),
      staleTime: STALE_TIME_MS,
    }),
  /** The latest articles from the front or page `start` on, older and older, for "Load more". */
  feed: (queryClient: QueryClient, start: ListStart) =>
    pagedListOptions(
      [...articleQueries.lists(), 'feed'],
      start,
      () => queryClient.query(articleQueries.front()),
      (at) => queryClient.query(articleQueries.list(at)),
    ),
  details: () => [...articleQueries.all(), 'detail'] as const,
  detail: (slug: string) =>
    queryOptions({
      queryKey: [...articleQueries.details(), slug] as const,
      // Whoever asks (a route, a prefetch, a save), only a slug is looked up.
      queryFn: ({ signal }) =>
        getJsonIf(SLUG_PATTERN.test(slug), apiPaths.article(slug), ArticleSchema, { signal }),
      staleTime: STALE_TIME_MS,
    }),
};
