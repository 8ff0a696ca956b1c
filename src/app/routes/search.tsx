import type { RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { SearchView } from '../../features/search/components/search-view.tsx';

/**
 * `/search/?q=...&section=...&from=YYYY-MM&to=YYYY-MM`: shareable, and the back button
 * returns to the previous search. No loader: results follow the reader's typing.
 */
export function searchRoute(): RouteObject {
  return { path: 'search', Component: SearchView, ErrorBoundary: RouteError };
}
