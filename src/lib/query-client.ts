import { QueryClient } from '@tanstack/react-query';
import { NotFoundError } from './api-client.ts';

/**
 * Articles change rarely once published: five minutes fresh means going back to a page
 * read a moment ago is served from the cache with no request at all.
 */
export const STALE_TIME_MS = 5 * 60_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        gcTime: 30 * 60_000,
        // Always try the request: when the browser thinks it is offline, the default mode
        // pauses the query, and a route loader waiting on it would never settle. A failed
        // request shows the error view, whose Retry works once the network is back.
        networkMode: 'always',
        // A missing article stays missing; anything else may be a passing network fault.
        retry: (failureCount, error) => !(error instanceof NotFoundError) && failureCount < 2,
      },
    },
  });
}
