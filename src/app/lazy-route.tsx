import type { ComponentType } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';
import { ErrorPage } from '../components/route-error.tsx';
import { codeLoaded, reloadForNewVersion } from '../lib/new-version.ts';

/**
 * A route whose component loads when first needed. When its code cannot be loaded (after a
 * deploy the old chunk is gone), react-router would render nothing at all: instead the page
 * is loaded afresh at the URL the reader was going to, which brings the new version; when
 * that was just tried, the error view shows, whose Retry loads the page again.
 */
export function lazyRoute(load: () => Promise<ComponentType>): LazyRouteFunction<RouteObject> {
  return async () => {
    try {
      const Component = await load();
      codeLoaded();
      return { Component };
    } catch (error) {
      // The current page stays, with its progress bar, until the new one replaces it.
      if (reloadForNewVersion()) return new Promise<never>(() => undefined);
      console.warn('The code of this page could not be loaded.', error);
      return { Component: CodeLoadError };
    }
  };
}

function CodeLoadError() {
  return <ErrorPage onRetry={() => location.reload()} isRetrying={false} />;
}
