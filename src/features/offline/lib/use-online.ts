import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  addEventListener('online', onChange);
  addEventListener('offline', onChange);
  return () => {
    removeEventListener('online', onChange);
    removeEventListener('offline', onChange);
  };
}

/**
 * Whether the browser says it has a network. It can be wrong one way only (online with a
 * network that reaches nothing), so it is used to tell the reader, never to stop a request.
 */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    // The prerendered HTML assumes a network: it was fetched over one.
    () => true,
  );
}
