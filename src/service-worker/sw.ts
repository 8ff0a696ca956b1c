/**
 * The reader's service worker (decision 011). Bundled and given its precache list after the
 * site is prerendered (scripts/build/service-worker.ts); registered by the app once it runs.
 *
 * - The app's code, the app shell and the icons are precached: a new version's files are
 *   fetched beside the old ones and take over only when the reader accepts the update (or
 *   every tab of the old version is closed), so an open page never asks for a chunk that
 *   is gone.
 * - Pages, the JSON API and photos the reader has opened are kept as they are fetched:
 *   the network first for pages and data (the newest story when online), the cache first
 *   for photos (they do not change under a URL, and a cheap phone's data is dear).
 * - Offline, a page never opened falls back to the app shell, which draws it from whatever
 *   data the reader has (cached responses, the persisted query cache, saved articles).
 */
import { clientsClaim } from 'workbox-core';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  PrecacheFallbackPlugin,
  precacheAndRoute,
} from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { forgetRemoved, removedSlugs } from './forget-removed.ts';
import {
  CACHE_NAMES,
  KEEP_URLS,
  REMOVED_FILE,
  SHELL_URL,
  SKIP_WAITING,
  UPDATES_URL,
} from './names.ts';
import { otherSizeOf } from './photo-fallback.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes charge of the open page at once, so the article being read is
// kept from the start. Later versions wait for the reader (see SKIP_WAITING).
clientsClaim();

const scope = new URL(self.registration.scope);
const under = (url: URL, folder: string) =>
  url.origin === scope.origin && url.pathname.startsWith(`${scope.pathname}${folder}`);

/** Keeps what the page fetched before this worker was there, each in the cache for its kind. */
async function keep(urls: string[]): Promise<void> {
  for (const url of urls) {
    const target = new URL(url, scope);
    if (target.origin !== scope.origin) continue;
    target.hash = '';
    const kind = under(target, 'images/') ? 'photos' : under(target, 'api/') ? 'data' : 'pages';
    const cache = await caches.open(CACHE_NAMES[kind]);
    if ((await cache.match(target.href)) !== undefined) continue;
    // Mostly from the browser's HTTP cache; what cannot be had now is simply not kept.
    await cache.add(target.href).catch(() => undefined);
  }
}

// The list of taken-down articles is precached, so a new list is a new worker: as it
// installs (before it waits for the reader), it forgets what this device kept of them.
self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(new URL(REMOVED_FILE, scope), { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : { slugs: [] }))
      .then((list: unknown) => forgetRemoved(removedSlugs(list), scope))
      .catch(() => undefined),
  );
});

/**
 * A page or data the server says is gone (an article taken down) is forgotten at once, so it
 * is not served from the cache later, offline or on a slow network.
 */
const forgetGone = (cacheName: string) => ({
  fetchDidSucceed: async ({ request, response }: { request: Request; response: Response }) => {
    if (response.status === 404 || response.status === 410) {
      await (await caches.open(cacheName)).delete(request.url);
    }
    return response;
  },
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as { type?: unknown; urls?: unknown } | null;
  if (message?.type === SKIP_WAITING) void self.skipWaiting();
  if (message?.type === KEEP_URLS && Array.isArray(message.urls)) {
    event.waitUntil(keep(message.urls.filter((url): url is string => typeof url === 'string')));
  }
});
/**
 * A slow network answers from the cache after this long, if the cache has the answer. Data
 * is given up on sooner than pages: the app itself waits 1.5 s for an answer's headers
 * (src/lib/api-client.ts), and the kept copy must come before it gives up.
 */
const PAGE_TIMEOUT_S = 3;
const DATA_TIMEOUT_S = 1;
const okOnly = new CacheableResponsePlugin({ statuses: [200] });

registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === scope.origin,
  new NetworkFirst({
    cacheName: CACHE_NAMES.pages,
    networkTimeoutSeconds: PAGE_TIMEOUT_S,
    plugins: [
      okOnly,
      forgetGone(CACHE_NAMES.pages),
      new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true }),
      new PrecacheFallbackPlugin({ fallbackURL: SHELL_URL }),
    ],
  }),
);

// The updates file (decision 022) says what is new now, or nothing: a kept copy would tell an
// open reader that nothing was published. It is never kept, and offline the check fails and
// is made again later. (Registered first: the first route that matches answers.)
registerRoute(({ url }) => under(url, UPDATES_URL), new NetworkOnly());

registerRoute(
  ({ url }) => under(url, 'api/'),
  new NetworkFirst({
    cacheName: CACHE_NAMES.data,
    networkTimeoutSeconds: DATA_TIMEOUT_S,
    plugins: [
      okOnly,
      forgetGone(CACHE_NAMES.data),
      new ExpirationPlugin({ maxEntries: 2000, purgeOnQuotaError: true }),
    ],
  }),
);

registerRoute(
  ({ url }) => under(url, 'images/'),
  new CacheFirst({
    cacheName: CACHE_NAMES.photos,
    plugins: [
      okOnly,
      new ExpirationPlugin({
        maxEntries: 400,
        maxAgeSeconds: 30 * 24 * 3600,
        purgeOnQuotaError: true,
      }),
      {
        // Offline, the browser may want another size or format of a photo than the one
        // kept (a rotated phone, a saved article's photo fetched at one size): any kept
        // size of the same photo beats a broken image.
        handlerDidError: async ({ request }) => {
          const cache = await caches.open(CACHE_NAMES.photos);
          const kept = await cache.keys();
          const other = otherSizeOf(
            request.url,
            kept.map((entry) => entry.url),
          );
          return other === undefined ? undefined : cache.match(other);
        },
      },
    ],
  }),
);
