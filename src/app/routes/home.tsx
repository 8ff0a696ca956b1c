import type { QueryClient } from '@tanstack/react-query';
import { data, useParams, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { articleQueries } from '../../features/articles/api/article-queries.ts';
import type { ListStart } from '../../features/articles/api/paged-list.ts';
import { LatestList } from '../../features/articles/components/latest-list.tsx';
import { warmCache } from '../load-or-throw.ts';

/**
 * Where a list starts from the URL's `page/N/`: absent, the list's front; N a whole number
 * from 1, page N counted from the oldest (decision 019); anything else (`page/0/`,
 * `page/x/`) a page that does not exist.
 */
export function parsePage(raw: string | undefined): ListStart | undefined {
  if (raw === undefined) return 'front';
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined;
}

function HomeRoute() {
  const { page } = useParams();
  return <LatestList key={page ?? 'front'} start={parsePage(page) ?? 'front'} />;
}

/** The latest articles: the front at `/`, and the pages `/page/1/` (the oldest) and on. */
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
