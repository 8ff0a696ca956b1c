import { useQuery } from '@tanstack/react-query';
import type { Updates } from '../../../contract/article.ts';
import { updatesQueries } from '../api/updates-queries.ts';
import { checkInterval, nextCheckIn } from './check-interval.ts';
import { usePageVisible } from './use-page-visible.ts';

/**
 * The updates file, checked while the page is on screen: once on arrival (or on coming back
 * to the tab, when the last check is older than the interval), then every interval, further
 * apart while checks fail, and not at all while the browser is offline or the tab hidden.
 * Every list and article on screen shares the one query, so there is one check at a time.
 */
export function useUpdates(): Updates | undefined {
  const isVisible = usePageVisible();
  const every = checkInterval();
  const { data } = useQuery({
    ...updatesQueries.latest(),
    enabled: isVisible,
    staleTime: every,
    refetchInterval: (query) => nextCheckIn(every, query.state),
    refetchIntervalInBackground: false,
    // Offline, a check waits for the network instead of failing (and backing off).
    networkMode: 'online',
  });
  return data;
}
