import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ArticlePage } from '../../../contract/article.ts';
import { RetryAlert } from '../../../components/retry-alert.tsx';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import type { PagedListOptions } from '../api/paged-list.ts';
import type { ListScope } from '../lib/new-stories.ts';
import { ArticleCard } from './article-card.tsx';
import { NewStories } from './new-stories.tsx';
import { Pagination } from './pagination.tsx';

type ArticleFeedProps<TPage extends ArticlePage> = {
  options: PagedListOptions<TPage>;
  /** Fetches a page into the cache ahead of need. */
  prefetchPage: (page: number) => Promise<unknown>;
  hrefFor: (page: number) => string;
  /**
   * On a list's front: which articles it shows, and how its data is asked for again, to offer
   * the stories published since it was loaded.
   */
  news?: { scope: ListScope; refresh: () => Promise<unknown> };
};

/**
 * A paged list of articles from the URL's page on: cards, a "Load more" button that appends
 * the next page in place, and numbered page links. The next page's JSON is fetched as the
 * reader nears the end of the list, so "Load more" (or the next page link) shows it at once.
 */
export function ArticleFeed<TPage extends ArticlePage>({
  options,
  prefetchPage,
  hrefFor,
  news,
}: ArticleFeedProps<TPage>) {
  const m = useMessages();
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } =
    useSuspenseInfiniteQuery(options);
  const first = data.pages[0];
  const last = data.pages.at(-1) ?? first;
  const nearEnd = useRef<HTMLLIElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const nextPage = last && last.page < last.pageCount ? last.page + 1 : undefined;

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
  const articles = data.pages.flatMap((page) =>
    page.articles.map((article) => ({ page: page.page, article })),
  );
  const nearEndAt = Math.max(0, articles.length - 3);
  return (
    <>
      {news && first.page === 1 && (
        <NewStories
          scope={news.scope}
          articles={articles.map(({ article }) => article)}
          listRef={list}
          refresh={news.refresh}
        />
      )}
      <ul className="card-list" ref={list}>
        {articles.map(({ page, article }, index) => (
          <li key={`${page}:${article.slug}`} ref={index === nearEndAt ? nearEnd : undefined}>
            <ArticleCard article={article} isAboveFold={index < 3} />
          </li>
        ))}
      </ul>
      <p className="feed__status" role="status">
        {data.pages.length > 1 ? m.showingPages(first.page, last.page, last.pageCount) : ''}
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
        page={first.page}
        lastShown={last.page}
        pageCount={first.pageCount}
        hrefFor={hrefFor}
      />
    </>
  );
}
