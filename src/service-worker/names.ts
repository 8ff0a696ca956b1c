/** Names the service worker and the app share: its caches and the messages it answers. */
export const CACHE_NAMES = {
  pages: 'reader-pages',
  data: 'reader-data',
  photos: 'reader-photos',
} as const;

/** Where the app keeps its query cache (src/features/offline/lib/persisted-cache.ts). */
export const QUERY_CACHE = { database: 'reader-cache', store: 'queries', key: 'queries' } as const;

/** The app shell (`dist/app-shell.html`, precached): draws any page from the URL. */
export const SHELL_URL = 'app-shell.html';

/**
 * The updates file (`apiPaths.updates()` under `api/`), which the worker never keeps: kept,
 * it would tell an open reader that nothing was published.
 */
export const UPDATES_URL = 'api/updates.json';

/**
 * The articles the newsroom took down, as the build lists them (`{ "slugs": [...] }`,
 * scripts/build/removed-articles.ts): precached, so a new list is a new worker.
 */
export const REMOVED_FILE = 'api/removed.json';

/** The message that tells a waiting new version to take over. */
export const SKIP_WAITING = 'SKIP_WAITING';

/**
 * The message that asks the worker to keep URLs as if the page had fetched them through it
 * (`{ type, urls }`): what the landing page fetched before the worker was there, and the
 * photo of an article saved from a list.
 */
export const KEEP_URLS = 'KEEP_URLS';

/**
 * The one Trusted Types policy the pages allow (decision 009): registering the worker takes
 * a script URL, and this policy vouches for the worker's own URL and nothing else.
 */
export const WORKER_URL_POLICY = 'reader-service-worker';
