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
    // Nothing is checked while a page is prerendered.
    () => false,
  );
}
