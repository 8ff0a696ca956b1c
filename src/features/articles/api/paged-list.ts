import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import type { ArticlePage } from '../../../contract/article.ts';
import { STALE_TIME_MS } from '../../../lib/query-client.ts';

/**
 * A paged list read from its page in the URL onwards: "Load more" appends the next pages in
 * place. `fetchPage` goes through each page's own query, so a page prefetched as the reader
 * nears the end, or opened by a numbered link, is never fetched twice.
 */
export function pagedListOptions<TPage extends ArticlePage>(
  key: QueryKey,
  startPage: number,
  fetchPage: (page: number) => Promise<TPage>,
) {
  return infiniteQueryOptions({
    queryKey: [...key, 'from', startPage],
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: startPage,
    getNextPageParam: (last: TPage) => (last.page < last.pageCount ? last.page + 1 : undefined),
    staleTime: STALE_TIME_MS,
  });
}

export type PagedListOptions<TPage extends ArticlePage> = ReturnType<
  typeof pagedListOptions<TPage>
>;
