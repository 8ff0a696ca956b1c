import type { QueryClient } from '@tanstack/react-query';
import { data, useParams, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { articleQueries } from '../../features/articles/api/article-queries.ts';
import { LatestList } from '../../features/articles/components/latest-list.tsx';
import { warmCache } from '../load-or-throw.ts';

/**
 * The page of a list from the URL's `page/N/` (absent: page 1), where N is a whole number
 * from 2; anything else (`page/1/`, `page/x/`) is a page that does not exist.
 */
export function parsePage(raw: string | undefined): number | undefined {
  if (raw === undefined) return 1;
  return /^([2-9]|[1-9]\d{1,5})$/.test(raw) ? Number(raw) : undefined;
}

function HomeRoute() {
  const { page } = useParams();
  return <LatestList key={page ?? '1'} page={parsePage(page) ?? 1} />;
}

/** The latest articles: `/`, then `/page/2/`, `/page/3/` and on. */
export function homeRoutes(queryClient: QueryClient): RouteObject[] {
  const route = {
    loader: async ({ params }: LoaderFunctionArgs) => {
      const page = parsePage(params.page);
      if (page === undefined) throw data('Not found', { status: 404 });
      const feed = articleQueries.feed(queryClient, page);
      await warmCache(queryClient, feed.queryKey, () => queryClient.infiniteQuery(feed));
      return null;
    },
    Component: HomeRoute,
    ErrorBoundary: RouteError,
  };
  return [
    { index: true, ...route },
    { path: 'page/:page', ...route },
  ];
}
