import { queryOptions } from '@tanstack/react-query';
import { listSaved, readSlugs, savedSlugs } from './library-store.ts';

/**
 * The library in the query cache. Not persisted with the rest of the cache (see
 * features/offline/lib/persisted-cache.ts): it has its own store, which is the truth.
 * Always fresh until a save, a read or another tab says it changed (see library-sync.ts).
 */
export const libraryQueries = {
  all: () => ['library'] as const,
  saved: () =>
    queryOptions({
      queryKey: [...libraryQueries.all(), 'saved'] as const,
      queryFn: listSaved,
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    }),
  savedSlugs: () =>
    queryOptions({
      queryKey: [...libraryQueries.all(), 'saved-slugs'] as const,
      queryFn: savedSlugs,
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    }),
  readSlugs: () =>
    queryOptions({
      queryKey: [...libraryQueries.all(), 'read-slugs'] as const,
      queryFn: readSlugs,
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    }),
};
