import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import type { ArticlePage, ListFront } from '../../../contract/article.ts';
import { STALE_TIME_MS } from '../../../lib/query-client.ts';

/** Where a list is read from: its front (the list's own URL), or a page by number. */
export type ListStart = 'front' | number;

/** The page "Load more" appends below `part` (the next older one), or 0 when none is older. */
export function olderThan(part: ArticlePage | ListFront): number {
  return 'openPage' in part ? part.olderPage : part.page - 1;
}

/**
 * A paged list read from its front or the URL's page, then older and older: "Load more"
 * appends page n-1, n-2 ... 1 in place, with no count to know. Each part goes through its
 * own query, so a page prefetched as the reader nears the end, or opened by a numbered link,
 * is never fetched twice.
 */
export function pagedListOptions<TFront extends ListFront, TPage extends ArticlePage>(
  key: QueryKey,
  start: ListStart,
  fetchFront: () => Promise<TFront>,
  fetchPage: (page: number) => Promise<TPage>,
) {
  return infiniteQueryOptions({
    queryKey: [...key, 'from', start],
    queryFn: ({ pageParam }): Promise<TFront | TPage> =>
      pageParam === 'front' ? fetchFront() : fetchPage(pageParam),
    initialPageParam: start,
    getNextPageParam: (last: TFront | TPage): ListStart | undefined => olderThan(last) || undefined,
    staleTime: STALE_TIME_MS,
  });
}

export type PagedListOptions<TFront extends ListFront, TPage extends ArticlePage> = ReturnType<
  typeof pagedListOptions<TFront, TPage>
>;
