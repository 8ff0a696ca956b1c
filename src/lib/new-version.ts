/**
 * After a deploy, a page opened before it still runs the old app, whose lazily loaded chunks
 * are gone from the host (their file names are content hashes): importing one fails. The
 * reader should get the new version, not an error, so the page is loaded afresh at the URL
 * they were going to. A host that fails a chunk for good must not cause a reload loop: a URL
 * is reloaded once a minute at most (remembered in sessionStorage), and after that the view
 * says the page could not be loaded, with a Retry. (A service worker with an update prompt
 * would act before this; this is the case without one.)
 */
const GUARD_KEY = 'reader-reloaded-for-new-version';
const GUARD_MS = 60_000;

let pendingUrl: () => string | undefined = () => undefined;

/** Tells this module where the reader is going (the router's pending navigation). */
export function followNavigations(target: () => string | undefined): void {
  pendingUrl = target;
}

/**
 * Loads the page afresh at the URL the reader was going to (else this page's): true if it
 * does, false if that was tried for this URL less than a minute ago, or cannot be guarded.
 */
export function reloadForNewVersion(
  navigate: (url: string) => void = (url) => location.assign(url),
): boolean {
  const url = pendingUrl() ?? `${location.pathname}${location.search}${location.hash}`;
  const now = Date.now();
  try {
    const last = JSON.parse(sessionStorage.getItem(GUARD_KEY) ?? 'null') as {
      url?: unknown;
      at?: unknown;
    } | null;
    if (last?.url === url && typeof last.at === 'number' && now - last.at < GUARD_MS) {
      return false;
    }
    sessionStorage.setItem(GUARD_KEY, JSON.stringify({ url, at: now }));
  } catch {
    // No storage, no guard: without one a reload could loop, so none is made.
    return false;
  }
  navigate(url);
  return true;
}

/** Code loaded: a failure after this is a new deploy, not the same one looping. */
export function codeLoaded(): void {
  try {
    sessionStorage.removeItem(GUARD_KEY);
  } catch {
    // No storage (or prerendering in Node): nothing was remembered.
  }
}
