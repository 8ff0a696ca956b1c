import { hydrate, QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { pageFit, pageUrlPath } from './app/prerender/page-path.ts';
import { PAGE_STATE_ID, PageStateSchema, type PageState } from './app/prerender/page-state.ts';
import { createRoutes } from './app/router.tsx';
import { persistQueryCache } from './features/offline/lib/persisted-cache.ts';
import { registerServiceWorker } from './features/offline/lib/service-worker.ts';
import { libraryQueries } from './features/saved/api/library-queries.ts';
import { readJson } from './lib/api-client.ts';
import { readWrittenDates } from './lib/dates.ts';
import { countSlices, whenSlicesHydrated } from './lib/hydration.ts';
import { holdPrerenderedLocale, loadInterfaceMessages } from './lib/i18n/i18n.tsx';
import { followNavigations } from './lib/new-version.ts';
import { createQueryClient, deviceCacheRead, setDeviceCache } from './lib/query-client.ts';
import { whenIdle, yieldToMain } from './lib/main-thread.ts';
import './styles/global.css';

const queryClient = createQueryClient();

/** The prerendered page's state (see src/entry-server.tsx), if this page has one. */
function pageState(): PageState | undefined {
  const element = document.getElementById(PAGE_STATE_ID);
  if (element === null) return undefined;
  try {
    return readJson(`#${PAGE_STATE_ID}`, element.textContent, PageStateSchema);
  } catch (error) {
    // A page with broken state still works: the app draws it afresh and fetches its data.
    console.warn('The page state could not be read; the page is drawn afresh.', error);
    return undefined;
  }
}

/**
 * Lazy routes matching this page are loaded before hydrating: the first render must be the
 * page the HTML shows, not a fallback while its code arrives.
 */
async function loadLazyRoutes(routes: RouteObject[]) {
  const matches = matchRoutes(routes, window.location) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      Object.assign(route, { ...(await route.lazy()), lazy: undefined });
    }),
  );
}

/**
 * The prerendered page's state, if this document is the page for this URL. A host that
 * rewrites unknown paths to index.html (or serves any page's HTML at another path) sent
 * another page: its state is dropped and the URL is drawn afresh (public/boot.js hid the
 * wrong content before the first paint). The same page at another spelling of its path
 * (`/{slug}` for `/{slug}/`, `/{slug}/index.html`) takes its canonical address first, so
 * the router draws exactly what the HTML shows.
 */
function statePageForHere(base: string): PageState | undefined {
  const state = pageState();
  if (state === undefined || state.path === null) return state;
  const fit = pageFit(state.path, window.location.pathname, base);
  if (fit === 'elsewhere') return undefined;
  if (fit === 'alias') {
    const { search, hash } = window.location;
    window.history.replaceState(
      window.history.state,
      '',
      `${pageUrlPath(state.path, base)}${search}${hash}`,
    );
  }
  return state;
}

// The app starts in short tasks (about 10 ms each on a phone), one per stage below: the
// modules' own evaluation, reading the page's state, creating the router, hydrating.
await yieldToMain();
const state = statePageForHere(import.meta.env.BASE_URL);
const isHydrating = state?.mode === 'hydrate';
if (isHydrating) {
  // The page's data is as fresh as the page: the server sent them together. Dated now, it
  // is not fetched again as the page hydrates, however long ago the site was built.
  const fetchedAt = Date.now();
  for (const query of state.queries.queries) {
    query.state.dataUpdatedAt = fetchedAt;
    query.dehydratedAt = fetchedAt;
  }
  hydrate(queryClient, state.queries);
}
// The site's 404.html, served for this URL: the host has no page here (see the article route).
const routes = createRoutes(queryClient, {
  missingPath: state !== undefined && state.path === null ? window.location.pathname : undefined,
});
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
// A prerendered page hydrates in the language it was rendered in (see i18n.tsx).
const releaseLocale = isHydrating ? holdPrerenderedLocale() : undefined;
if (isHydrating) {
  // The page's dates as written, so hydrating them needs no Intl data (src/lib/dates.ts).
  readWrittenDates(container);
  countSlices(container);
}

/**
 * The cache kept on this device (decision 011): a page drawn afresh (offline, or a shell)
 * reads it back before its first render (a few milliseconds, never more than two seconds),
 * so it shows the last content at once. A prerendered page has its own data: it reads the
 * cache once it has hydrated and the browser is idle, where the work cannot delay it, or
 * before a link followed sooner loads its page (src/app/load-or-throw.ts).
 */
setDeviceCache(() => persistQueryCache(queryClient, [libraryQueries.all()]));
// Each wait runs beside the others.
await Promise.all([
  isHydrating ? undefined : deviceCacheRead(),
  isHydrating ? loadLazyRoutes(routes) : undefined,
  loadInterfaceMessages(),
]);
await yieldToMain();
const router = createBrowserRouter(
  routes,
  isHydrating ? { hydrationData: { loaderData: state.loaderData } } : undefined,
);
// A page whose code is gone after a deploy is loaded afresh where the reader was going.
followNavigations(() => {
  const target = router.state.navigation.location;
  return target && `${target.pathname}${target.search}${target.hash}`;
});

// In development, editing a file in content/ rebuilds the JSON API; refetch what is on screen.
if (import.meta.hot) {
  import.meta.hot.on('content:update', () => {
    void queryClient.invalidateQueries();
  });
}

/**
 * Marks the page as run by the app (see public/boot.js) once every slice of a prerendered
 * page has hydrated: links now navigate in the app, and hovering one fetches its page.
 * Then, when the browser is idle, what a first view does not need: the kept cache (read
 * only now, as data it changes would make a slice still hydrating differ from its markup)
 * and the service worker.
 */
function AppStarted() {
  useEffect(() => {
    whenSlicesHydrated(() => {
      // The reader's own language, if not the page's, once the page is all React's.
      releaseLocale?.();
      document.documentElement.dataset.app = 'ready';
      whenIdle(() => {
        void deviceCacheRead();
        // Offline reading (src/service-worker/sw.ts): only in a build, where pages are files.
        if (import.meta.env.PROD) {
          registerServiceWorker(import.meta.env.BASE_URL).catch((error: unknown) => {
            console.warn('The reader will not work offline: its service worker failed.', error);
          });
        }
      });
    });
  }, []);
  return null;
}

const app = (
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppStarted />
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>
);
await yieldToMain();
if (isHydrating) {
  // As a transition, hydration yields to the browser every few milliseconds instead of
  // holding the main thread for the whole page: a tap or scroll is never kept waiting.
  startTransition(() => {
    hydrateRoot(container, app);
  });
} else {
  // A shell, another path's page, or the development server's empty page: drawn afresh
  // for this URL.
  container.replaceChildren();
  createRoot(container).render(app);
}
