import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => {
    document.removeEventListener('visibilitychange', onChange);
  };
}

/**
 * Whether the page is on screen (the Page Visibility API): a tab in the background, a
 * minimised window or a locked phone is not, and asks the network for nothing.
 */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.visibilityState === 'visible',
    // A page is prerendered as seen, and hydrates seen: the value a browser has then. A
    // different one would make React re-render its readers at once, in one long task, as
    // the page hydrates. (The prerender checks nothing: useUpdates arms its checks later.)
    () => true,
  );
}
