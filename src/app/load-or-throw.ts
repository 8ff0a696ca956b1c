import type { QueryClient, QueryKey, UseSuspenseQueryOptions } from '@tanstack/react-query';
import { data } from 'react-router';
import { NotFoundError } from '../lib/api-client.ts';

/** Turns a missing resource into a 404 for the route's error boundary. */
export async function orNotFound<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof NotFoundError) throw data('Not found', { status: 404 });
    throw error;
  }
}

/**
 * Warms the cache for a route before it renders (fresh data comes straight from the cache,
 * with no request), and turns a missing resource into a 404 for the route's error boundary.
 */
export function loadOrThrow<TData, TKey extends QueryKey>(
  queryClient: QueryClient,
  options: UseSuspenseQueryOptions<TData, Error, TData, TKey>,
): Promise<TData> {
  return orNotFound(queryClient.query(options));
}
