import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { libraryQueries } from '../api/library-queries.ts';

/** Tabs of the reader tell each other when the library changed. */
const CHANNEL = 'reader-library';

let channel: BroadcastChannel | undefined;
const open = () => {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  channel ??= new BroadcastChannel(CHANNEL);
  return channel;
};

/** After a save, an unsave, a read or an import: this tab and every other reads it again. */
export async function libraryChanged(queryClient: QueryClient): Promise<void> {
  open()?.postMessage('changed');
  await queryClient.invalidateQueries({ queryKey: libraryQueries.all() });
}

/** Keeps this tab's library current when another tab changes it. */
export function useLibrarySync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const listening = open();
    if (listening === undefined) return;
    const onMessage = () => void queryClient.invalidateQueries({ queryKey: libraryQueries.all() });
    listening.addEventListener('message', onMessage);
    return () => listening.removeEventListener('message', onMessage);
  }, [queryClient]);
}
