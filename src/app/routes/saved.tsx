import type { RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { lazyRoute } from '../lazy-route.tsx';

/** `/saved/`: the articles saved on this device. Its code loads when first opened. */
export function savedRoute(): RouteObject {
  return {
    path: 'saved',
    lazy: lazyRoute(() =>
      import('../../features/saved/components/saved-view.tsx').then((view) => view.SavedView),
    ),
    ErrorBoundary: RouteError,
  };
}
