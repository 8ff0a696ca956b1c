import { QueryClient } from '@tanstack/react-query';

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
        // getJson has already tried again what may pass (the network, a timeout, a 5xx),
        // within its time budget; retrying here too would multiply the waits past the five
        // seconds in which a reader is owed an answer (decision 010).
        retry: false,
      },
    },
  });
}

let restoreDeviceCache: (() => Promise<void>) | undefined;
let deviceCacheRestored: Promise<void> | undefined;

/**
 * Names how the cache kept on this device is read back (src/main.tsx). A prerendered page
 * reads it only once it has hydrated and the browser is idle; a route that loads before
 * then (the reader followed a link at once) reads it first, so a page kept for offline
 * reading is found there instead of asked of a network that may be gone.
 */
export function setDeviceCache(restore: () => Promise<void>): void {
  restoreDeviceCache = restore;
}

/** The kept cache, read back (once, however many ask); at once where there is none. */
export function deviceCacheRead(): Promise<void> {
  if (restoreDeviceCache === undefined) return Promise.resolve();
  deviceCacheRestored ??= restoreDeviceCache();
  return deviceCacheRestored;
}
