import type { RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { lazyRoute } from '../lazy-route.tsx';

/**
 * `/saved/`: the articles saved on this device, and `/saved/{slug}/`, the reader's own copy
 * of one (decision 015). Their code loads when first opened; no loader, as a prerendered
 * page cannot know a reader's device.
 */
export function savedRoutes(): RouteObject[] {
  return [
    {
      path: 'saved',
      lazy: lazyRoute(() =>
        import('../../features/saved/components/saved-view.tsx').then((view) => view.SavedView),
      ),
      ErrorBoundary: RouteError,
    },
    {
      path: 'saved/:slug',
      lazy: lazyRoute(() =>
        import('../../features/saved/components/saved-copy-view.tsx').then(
          (view) => view.SavedCopyView,
        ),
      ),
      ErrorBoundary: RouteError,
    },
  ];
}
