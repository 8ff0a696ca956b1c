import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ArticlePage, ListFront } from '../../../contract/article.ts';
import { HydrationSlice } from '../../../components/hydration-slice.tsx';
import { RetryAlert } from '../../../components/retry-alert.tsx';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { olderThan, type PagedListOptions } from '../api/paged-list.ts';
import type { ListScope } from '../lib/new-stories.ts';
import { ArticleCard } from './article-card.tsx';
import { NewStories } from './new-stories.tsx';
import { Pagination } from './pagination.tsx';

type ArticleFeedProps<TFront extends ListFront, TPage extends ArticlePage> = {
  options: PagedListOptions<TFront, TPage>;
  /** Fetches a page into the cache ahead of need. */
  prefetchPage: (page: number) => Promise<unknown>;
  /** A page's URL; with no page, the front's. */
  hrefFor: (page?: number) => string;
  /**
   * On a list's front: which articles it shows, and how its data is asked for again, to offer
   * the stories published since it was loaded.
   */
  news?: { scope: ListScope; refresh: () => Promise<unknown> };
};

/**
 * A paged list of articles from the front or the URL's page on: cards, a "Load more" button
 * that appends the next older page in place, and page links. Pages are counted from the
 * oldest (decision 019): a full page links Newer to the page above, the open page (the
 * newest few) to the front. The next page's JSON is fetched as the reader nears the end of
 * the list, so "Load more" (or the Older link) shows it at once.
 */
export function ArticleFeed<TFront extends ListFront, TPage extends ArticlePage>({
  options,
  prefetchPage,
  hrefFor,
  news,
}: ArticleFeedProps<TFront, TPage>) {
  const m = useMessages();
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } =
    useSuspenseInfiniteQuery(options);
  const first = data.pages[0];
  const last = data.pages.at(-1) ?? first;
  const nearEnd = useRef<HTMLLIElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const nextPage = last && olderThan(last) > 0 ? olderThan(last) : undefined;

  useEffect(() => {
    const target = nearEnd.current;
    if (nextPage === undefined || target === null || typeof IntersectionObserver === 'undefined')
      return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        // A prefetch that fails is simply made again when the page is asked for.
        prefetchPage(nextPage).catch(() => undefined);
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(target);
    return () => {
      observer.disconnect();
    };
  }, [nextPage, prefetchPage]);

  if (first === undefined || last === undefined) return null;
  const articles = data.pages.flatMap((part) =>
    part.articles.map((article) => ({ part: 'openPage' in part ? 'front' : part.page, article })),
  );
  const nearEndAt = Math.max(0, articles.length - 3);
  const isFront = 'openPage' in first;
  const isFull = !isFront && first.articles.length === first.pageSize;
  return (
    <>
      {news && isFront && (
        <NewStories
          scope={news.scope}
          articles={articles.map(({ article }) => article)}
          listRef={list}
          refresh={news.refresh}
        />
      )}
      {!isFront && first.articles.length === 0 && (
        // The open page just after it filled: nothing newer yet, only the way back.
        <p className="feed__empty">
          {m.noNewerStories} <Link to={hrefFor()}>{m.toNewest}</Link>
        </p>
      )}
      {articles.length > 0 && (
        <ul className="card-list" ref={list}>
          {articles.map(({ part, article }, index) => (
            <li key={`${part}:${article.slug}`} ref={index === nearEndAt ? nearEnd : undefined}>
              <HydrationSlice>
                <ArticleCard article={article} isAboveFold={index < 3} />
              </HydrationSlice>
            </li>
          ))}
        </ul>
      )}
      <p className="feed__status" role="status">
        {data.pages.length > 1 ? m.showingStories(articles.length) : ''}
      </p>
      {hasNextPage && isFetchNextPageError && (
        // The articles shown stay; the page that failed is asked for again on Retry.
        <RetryAlert
          message={m.loadMoreFailed}
          onRetry={() => void fetchNextPage()}
          isRetrying={isFetchingNextPage}
        />
      )}
      {hasNextPage && !isFetchNextPageError && (
        <button
          type="button"
          className="load-more"
          onClick={() => {
            void fetchNextPage();
          }}
          disabled={isFetchingNextPage}
        >
          {isFetchingNextPage ? m.loadingMore : m.loadMore}
        </button>
      )}
      <Pagination
        // The front has nothing newer; a full page has the page above, the open page the front.
        newerHref={isFront ? undefined : hrefFor(isFull ? first.page + 1 : undefined)}
        older={olderThan(last)}
        high={isFront ? first.openPage : first.page}
        // The front shows the open page and the last full one below it.
        low={'openPage' in last ? Math.max(1, last.openPage - 1) : last.page}
        newest={isFront ? first.openPage : first.page + (isFull ? 1 : 0)}
        isCurrent={!isFront}
        hrefFor={hrefFor}
      />
    </>
  );
}
