import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { NotFound } from '../components/not-found.tsx';
import { RouteError } from '../components/route-error.tsx';
import { articleRoute } from './routes/article.tsx';
import { homeRoute } from './routes/home.tsx';
import { RootHydrateFallback, RootLayout } from './routes/root.tsx';

/** The route tree, shared by the browser router and the tests' memory router. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      Component: RootLayout,
      HydrateFallback: RootHydrateFallback,
      ErrorBoundary: RouteError,
      children: [
        homeRoute(queryClient),
        articleRoute(queryClient),
        { path: '*', Component: NotFound },
      ],
    },
  ];
}
