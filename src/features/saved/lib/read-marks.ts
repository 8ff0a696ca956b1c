import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useHydrated } from '../../../lib/hydration.ts';
import { libraryQueries } from '../api/library-queries.ts';
import { markRead } from '../api/library-store.ts';
import { libraryChanged } from './library-sync.ts';

/** Marks an article read once its page has been shown. */
export function useMarkRead(slug: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    markRead(slug).then(
      () => libraryChanged(queryClient),
      // No library on this device: lists simply do not mark what was read.
      () => undefined,
    );
  }, [slug, queryClient]);
}

/** Has the reader opened this article on this device? False until the library answers. */
export function useIsRead(slug: string): boolean {
  const isHydrated = useHydrated();
  const { data } = useQuery(libraryQueries.readSlugs());
  return isHydrated && (data?.has(slug) ?? false);
}
