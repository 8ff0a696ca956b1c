/**
 * The query cache kept in IndexedDB, so a reload with no network shows the last lists and
 * articles at once (decision 011). Restored data counts as old: with a network, it is
 * fetched afresh as soon as it is shown. Where IndexedDB is missing or refused, nothing is
 * kept and the reader works as before.
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import {
  persistQueryClientRestore,
  persistQueryClientSave,
  persistQueryClientSubscribe,
  type PersistedClient,
  type Persister,
} from '@tanstack/query-persist-client-core';
import { createStore, del, get, set } from 'idb-keyval';
import { QUERY_CACHE } from '../../../service-worker/names.ts';

const KEY = QUERY_CACHE.key;
/** Raise when the shape of cached data changes: an older cache is then dropped, not read. */
const CACHE_VERSION = '1';
/** What is older than this is dropped: the reader would rather see nothing than last month. */
const MAX_AGE_MS = 7 * 24 * 3600_000;
/** Saves coalesce: a page that fills the cache with ten queries does not write it ten times. */
const SAVE_INTERVAL_MS = 1000;
/**
 * A database that does not answer in this time is not waited for (some browsers' IndexedDB
 * can hang); a busy phone's takes tens of milliseconds, not seconds.
 */
const RESTORE_LIMIT_MS = 2000;

function idbPersister(): Persister {
  const store = createStore(QUERY_CACHE.database, QUERY_CACHE.store);
  let pending: PersistedClient | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    if (pending === undefined) return;
    set(KEY, pending, store).catch((error: unknown) => {
      console.warn('The reader could not keep its cache on this device.', error);
    });
    pending = undefined;
  };
  // A reader may leave a page within the second: what is waiting is written as it goes.
  addEventListener('pagehide', write);
  return {
    persistClient(client) {
      pending = client;
      if (timer !== undefined) return;
      // The first change is written at once, later ones at most once a second.
      write();
      timer = setTimeout(function again() {
        if (pending === undefined) {
          timer = undefined;
          return;
        }
        write();
        timer = setTimeout(again, SAVE_INTERVAL_MS);
      }, SAVE_INTERVAL_MS);
    },
    restoreClient: () => get<PersistedClient>(KEY, store),
    removeClient: () => del(KEY, store),
  };
}

/**
 * Restores the kept cache into `queryClient` (waiting at most RESTORE_LIMIT_MS), then keeps
 * every successful query as it changes, except those under the keys in `leaveOut` (data
 * with a store of its own).
 */
export async function persistQueryCache(
  queryClient: QueryClient,
  leaveOut: readonly QueryKey[] = [],
): Promise<void> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) return;
  let persister: Persister;
  try {
    persister = idbPersister();
  } catch {
    return;
  }
  const options = { queryClient, persister, buster: CACHE_VERSION, maxAge: MAX_AGE_MS };
  // Nothing is written before the kept cache is read back: a write first would replace it
  // with this page's few queries.
  const restored = persistQueryClientRestore(options)
    .catch((error: unknown) => {
      // The library dropped a cache it could not read; start from an empty one.
      console.warn('The kept cache could not be read and was dropped.', error);
    })
    .then(async () => {
      const keeping = {
        ...options,
        dehydrateOptions: {
          shouldDehydrateQuery: (query: Query) =>
            query.state.status === 'success' &&
            !leaveOut.some((key) => key.every((part, index) => query.queryKey[index] === part)),
        },
      };
      persistQueryClientSubscribe(keeping);
      // What the cache already holds (a prerendered page's own data, read back after the
      // page hydrated) is kept now: no later change may come to write it.
      await persistQueryClientSave(keeping);
    });
  await Promise.race([restored, new Promise((resolve) => setTimeout(resolve, RESTORE_LIMIT_MS))]);
}
