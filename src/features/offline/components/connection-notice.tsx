import { useEffect, useState, useSyncExternalStore } from 'react';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { applyUpdate, isUpdateWaiting, subscribeToUpdate } from '../lib/service-worker.ts';
import { useOnline } from '../lib/use-online.ts';

/** How long "back online" stays before the notice goes. */
const BACK_ONLINE_MS = 4000;

/**
 * A quiet notice at the foot of the screen (it covers nothing the reader is reading and
 * moves nothing): that the reader is offline, that it is back online, or that a new version
 * is ready, with a button to move to it. Announced politely to screen readers.
 */
export function ConnectionNotice() {
  const m = useMessages();
  const isOnline = useOnline();
  const isUpdateReady = useSyncExternalStore(subscribeToUpdate, isUpdateWaiting, () => false);
  // "Back online" shows from the moment the network returns (state adjusted while
  // rendering, as React advises for a value that follows another), then goes by itself.
  const [wasOnline, setWasOnline] = useState(isOnline);
  const [isBackOnline, setIsBackOnline] = useState(false);
  if (wasOnline !== isOnline) {
    setWasOnline(isOnline);
    setIsBackOnline(isOnline);
  }
  useEffect(() => {
    if (!isBackOnline) return;
    const timer = setTimeout(() => setIsBackOnline(false), BACK_ONLINE_MS);
    return () => clearTimeout(timer);
  }, [isBackOnline]);

  const message = !isOnline
    ? m.offline
    : isBackOnline
      ? m.online
      : isUpdateReady
        ? m.updateReady
        : null;
  return (
    <div
      className="connection-notice"
      role="status"
      data-state={message === null ? 'idle' : 'shown'}
    >
      {message !== null && (
        <p className="connection-notice__box">
          {message}
          {isOnline && !isBackOnline && isUpdateReady && (
            <button type="button" className="connection-notice__action" onClick={applyUpdate}>
              {m.updateNow}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
