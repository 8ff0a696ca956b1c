import type { RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { lazyRoute } from '../lazy-route.tsx';

/**
 * `/search/?q=...&section=...&from=YYYY-MM&to=YYYY-MM`: shareable, and the back button
 * returns to the previous search. No loader: results follow the reader's typing. Its code
 * loads with the page (or when the reader first searches), not with every page.
 */
export function searchRoute(): RouteObject {
  return {
    path: 'search',
    lazy: lazyRoute(() =>
      import('../../features/search/components/search-view.tsx').then((view) => view.SearchView),
    ),
    ErrorBoundary: RouteError,
  };
}
