import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Updates } from '../../../contract/article.ts';
import { updatesQueries } from '../api/updates-queries.ts';
import { checkInterval, nextCheckIn } from './check-interval.ts';
import { usePageVisible } from './use-page-visible.ts';

/**
 * The updates file, checked while the page is on screen: first one interval after the page
 * opened (the page itself is fresh then, and its first seconds belong to the page's own
 * requests: hydration asks for nothing), then every interval (and on coming back to the tab,
 * when the last check is older than the interval), further apart while checks fail, and not
 * at all while the browser is offline or the tab hidden. Every list and article on screen
 * shares the one query, so there is one check at a time.
 */
export function useUpdates(): Updates | undefined {
  const isVisible = usePageVisible();
  const every = checkInterval();
  const [isArmed, setIsArmed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      setIsArmed(true);
    }, every);
    return () => {
      clearTimeout(timer);
    };
  }, [every]);
  const { data } = useQuery({
    ...updatesQueries.latest(),
    enabled: isVisible && isArmed,
    staleTime: every,
    refetchInterval: (query) => nextCheckIn(every, query.state),
    refetchIntervalInBackground: false,
    // Offline, a check waits for the network instead of failing (and backing off).
    networkMode: 'online',
  });
  return data;
}
