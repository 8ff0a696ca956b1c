import type { QueryClient } from '@tanstack/react-query';
import { data, useSearchParams, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { articleQueries } from '../../features/articles/api/article-queries.ts';
import { LatestList } from '../../features/articles/components/latest-list.tsx';
import { orNotFound } from '../load-or-throw.ts';

/** `?page=N`, where N is a whole number from 1; anything else is a page that does not exist. */
export function parsePage(searchParams: URLSearchParams): number | undefined {
  const raw = searchParams.get('page');
  if (raw === null) return 1;
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined;
}

function HomeRoute() {
  const [searchParams] = useSearchParams();
  return <LatestList page={parsePage(searchParams) ?? 1} />;
}

export function homeRoute(queryClient: QueryClient): RouteObject {
  return {
    index: true,
    loader: async ({ request }: LoaderFunctionArgs) => {
      const page = parsePage(new URL(request.url).searchParams);
      if (page === undefined) throw data('Not found', { status: 404 });
      await orNotFound(queryClient.infiniteQuery(articleQueries.feed(queryClient, page)));
      return null;
    },
    Component: HomeRoute,
    ErrorBoundary: RouteError,
  };
}
