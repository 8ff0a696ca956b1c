import { queryOptions } from '@tanstack/react-query';
import { listSaved, readSlugs, savedSlugs } from './library-store.ts';

const all = ['library'] as const;

/**
 * Something read from the library on this device: fresh until a save, a read or another
 * tab says it changed (see library-sync.ts), and never tried again (the device's answer
 * will not change by asking twice).
 */
const onDevice = <TName extends string, TData>(name: TName, read: () => Promise<TData>) =>
  queryOptions({
    queryKey: [...all, name] as const,
    queryFn: read,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/**
 * The library in the query cache. Not persisted with the rest of the cache (see
 * features/offline/lib/persisted-cache.ts): it has its own store, which is the truth.
 */
export const libraryQueries = {
  all: () => all,
  saved: () => onDevice('saved', listSaved),
  savedSlugs: () => onDevice('saved-slugs', savedSlugs),
  readSlugs: () => onDevice('read-slugs', readSlugs),
};
