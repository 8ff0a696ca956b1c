import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { NotFound } from '../components/not-found.tsx';
import { archiveQueries } from '../features/archives/api/archive-queries.ts';
import { RouteError } from '../components/route-error.tsx';
import { warmCache } from './load-or-throw.ts';
import { archiveRoutes } from './routes/archive.tsx';
import { articleRoute } from './routes/article.tsx';
import { homeRoutes } from './routes/home.tsx';
import { savedRoutes } from './routes/saved.tsx';
import { searchRoute } from './routes/search.tsx';
import { RootHydrateFallback, RootLayout } from './routes/root.tsx';

export type RouteOptions = {
  /**
   * The path the host answered with its not-found page (404.html) on this visit, if it did
   * (see src/main.tsx): the article route shows not-found there without asking the API.
   */
  missingPath?: string;
};

/** The route tree, shared by the browser router and the tests' memory router. */
export function createRoutes(
  queryClient: QueryClient,
  { missingPath }: RouteOptions = {},
): RouteObject[] {
  return [
    {
      id: 'root',
      // The section menu is loaded beside every page; without it the header simply has none.
      loader: async () => {
        const menu = archiveQueries.sectionMenu();
        await warmCache(queryClient, menu.queryKey, () => queryClient.query(menu)).catch(
          () => undefined,
        );
        return null;
      },
      Component: RootLayout,
      HydrateFallback: RootHydrateFallback,
      ErrorBoundary: RouteError,
      children: [
        ...homeRoutes(queryClient),
        ...archiveRoutes(queryClient),
        searchRoute(),
        ...savedRoutes(),
        articleRoute(queryClient, missingPath),
        { path: '*', Component: NotFound },
      ],
    },
  ];
}
