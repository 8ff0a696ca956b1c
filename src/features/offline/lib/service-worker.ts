/**
 * Registers the service worker (src/service-worker/sw.ts) and tells the app when a new
 * version of the reader is waiting. The new version does not take over by itself: the page
 * the reader has open keeps the code it started with (the old worker still serves it),
 * and the reader moves to the new one when they choose to, from the update prompt.
 */
import { KEEP_URLS, SKIP_WAITING, WORKER_URL_POLICY } from '../../../service-worker/names.ts';

/** How often an open tab asks whether a new version was deployed, at most. */
const UPDATE_CHECK_MS = 30 * 60_000;

let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker) {
  waiting = worker;
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: is a new version waiting? */
export function subscribeToUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const isUpdateWaiting = (): boolean => waiting !== null;

/** Moves to the waiting version: it takes over, and the page reloads under it. */
export function applyUpdate(): void {
  if (waiting === null) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
    once: true,
  });
  waiting.postMessage({ type: SKIP_WAITING });
}

/**
 * The worker's URL as the pages' Trusted Types policy requires it (decision 009): the
 * policy vouches for this one URL and refuses any other.
 */
function trustedUrl(url: string): string {
  const policy = window.trustedTypes?.createPolicy(WORKER_URL_POLICY, {
    createScriptURL: (input) => {
      if (input !== url) throw new TypeError(`Not the reader's service worker: ${input}`);
      return input;
    },
  });
  // register() takes a TrustedScriptURL where Trusted Types are enforced, a string elsewhere.
  return (policy?.createScriptURL(url) ?? url) as string;
}

/** Registers the worker at `{base}sw.js`; a browser without workers reads online only. */
export async function registerServiceWorker(base: string): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const isFirstVisit = navigator.serviceWorker.controller === null;
  const registration: ServiceWorkerRegistration | undefined =
    await navigator.serviceWorker.register(trustedUrl(`${base}sw.js`), {
      scope: base,
    });
  // Some embedders (and test browsers) refuse workers by resolving with nothing.
  if (registration === undefined) return;
  // A version that finishes installing while another controls the page waits for the reader.
  const watch = (worker: ServiceWorker | null) => {
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) setWaiting(worker);
    });
  };
  if (registration.waiting && navigator.serviceWorker.controller) setWaiting(registration.waiting);
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));

  // The page the reader landed on, its data and its photos came before the worker: once it
  // runs, it is handed them to keep, so the first article read also opens offline.
  if (isFirstVisit) {
    const origin = location.origin;
    const fetched = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter(
        (url) =>
          url.startsWith(`${origin}${base}images/`) || url.startsWith(`${origin}${base}api/`),
      );
    void navigator.serviceWorker.ready.then((ready) => {
      ready.active?.postMessage({ type: KEEP_URLS, urls: [location.href, ...fetched] });
    });
  }

  // Browsers look for a new worker on full page loads; a reader who stays in the app for
  // hours only navigates within it, so it asks itself when the tab comes back into view.
  let checkedAt = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - checkedAt < UPDATE_CHECK_MS) return;
    checkedAt = Date.now();
    registration.update().catch(() => undefined);
  });
}
