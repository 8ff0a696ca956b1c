import { Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { SiteChrome } from '../../components/site-chrome.tsx';
import { SkeletonFor } from '../../components/skeletons.tsx';
import { RouteAnnouncer } from '../../components/route-announcer.tsx';
import { ConnectionNotice } from '../../features/offline/components/connection-notice.tsx';
import { useLibrarySync } from '../../features/saved/lib/library-sync.ts';
import { site } from '../../config/site.ts';
import { useMessages } from '../../lib/i18n/i18n.tsx';

/**
 * The layout every page shares. While the next page's data loads, the current page stays
 * and a skeleton of the next one fades in over it if the wait is long enough to notice.
 */
export function RootLayout() {
  const m = useMessages();
  const navigation = useNavigation();
  const isLoading = navigation.state === 'loading';
  useLibrarySync();
  return (
    <>
      <SiteChrome isBusy={isLoading}>
        <RouteAnnouncer />
        {isLoading && (
          <>
            <div className="progress" role="progressbar" aria-label={m.loadingPage} />
            <div className="pending-overlay">
              <SkeletonFor pathname={navigation.location.pathname} />
            </div>
          </>
        )}
        <Outlet />
        <ScrollRestoration />
      </SiteChrome>
      {/* Outside the main landmark: it speaks of the reader, not of the page. */}
      <ConnectionNotice />
    </>
  );
}

/** Shown on first load until the first page's data arrives. */
export function RootHydrateFallback() {
  const location = useLocation();
  return (
    <SiteChrome isBusy>
      <title>{site.name}</title>
      <SkeletonFor pathname={location.pathname} />
    </SiteChrome>
  );
}
