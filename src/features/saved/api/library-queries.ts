import { queryOptions } from '@tanstack/react-query';
import { getSaved, listSaved, readSlugs, savedSlugs } from './library-store.ts';

const all = ['library'] as const;

/**
 * Something read from the library on this device: fresh until a save, a read or another
 * tab says it changed (see library-sync.ts), and never tried again (the device's answer
 * will not change by asking twice).
 */
const onDevice = <TKey extends readonly string[], TData>(key: TKey, read: () => Promise<TData>) =>
  queryOptions({
    queryKey: [...all, ...key] as const,
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
  saved: () => onDevice(['saved'], listSaved),
  /** One saved copy, or null when this device has none. */
  copy: (slug: string) => onDevice(['copy', slug], async () => (await getSaved(slug)) ?? null),
  savedSlugs: () => onDevice(['saved-slugs'], savedSlugs),
  readSlugs: () => onDevice(['read-slugs'], readSlugs),
};
