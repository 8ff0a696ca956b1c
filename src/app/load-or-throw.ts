import type { QueryClient, QueryKey, UseSuspenseQueryOptions } from '@tanstack/react-query';
import { data } from 'react-router';
import { NotFoundError } from '../lib/api-client.ts';
import { deviceCacheRead } from '../lib/query-client.ts';

/** Turns a missing resource into a 404 for the route's error boundary. */
async function orNotFound<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof NotFoundError) throw data('Not found', { status: 404 });
    throw error;
  }
}

/**
 * Warms the cache for a route before it renders (after the cache kept on this device has
 * been read back, if that was still to come). What the cache holds is used at once, and
 * `load` refreshes it in the background when it is older than its staleTime (the page then
 * updates in place): going back to a page just read is instant even with the network down,
 * and a refresh that fails never takes a page off the screen. Only what the cache lacks is
 * waited for; a missing resource becomes a 404 for the route's error boundary.
 */
export async function warmCache(
  queryClient: QueryClient,
  queryKey: QueryKey,
  load: () => Promise<unknown>,
): Promise<void> {
  await deviceCacheRead();
  if (queryClient.getQueryData(queryKey) !== undefined) {
    load().catch(() => undefined);
    return;
  }
  await orNotFound(load());
}

/** warmCache for a single query (fresh data comes straight from the cache, with no request). */
export function loadOrThrow<TData, TKey extends QueryKey>(
  queryClient: QueryClient,
  options: UseSuspenseQueryOptions<TData, Error, TData, TKey>,
): Promise<void> {
  return warmCache(queryClient, options.queryKey, () => queryClient.query(options));
}
