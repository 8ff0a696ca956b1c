import type { RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';

/** `/saved/`: the articles saved on this device. Its code loads when first opened. */
export function savedRoute(): RouteObject {
  return {
    path: 'saved',
    lazy: async () => ({
      Component: (await import('../../features/saved/components/saved-view.tsx')).SavedView,
    }),
    ErrorBoundary: RouteError,
  };
}
