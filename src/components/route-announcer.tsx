import { useEffect, useRef, useState } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';
import { useMessages } from '../lib/i18n/i18n.tsx';

/**
 * After an in-app navigation a screen reader hears nothing and focus stays on the link
 * that was followed: the router leaves both to the app. Here focus moves to the main
 * content and the new page's title is announced politely. Not on back and forward (the
 * browser restores those), nor while the reader types in a form field (the search box
 * navigates as it is typed in, and keeps the focus).
 */
export function RouteAnnouncer() {
  const m = useMessages();
  const location = useLocation();
  const navigationType = useNavigationType();
  const [message, setMessage] = useState('');
  const isFirst = useRef(true);

  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    if (navigationType === NavigationType.Pop) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('input, select, textarea')) return;
    // React sets the new page's <title> as it commits; read it on the next frame.
    const frame = requestAnimationFrame(() => {
      document.getElementById('main')?.focus({ preventScroll: true });
      setMessage(m.pageChanged(document.title));
    });
    return () => {
      cancelAnimationFrame(frame);
    };
    // Only a new location announces; a language switch does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.key]);

  return (
    <p
      className="visually-hidden"
      aria-live="polite"
      aria-atomic="true"
      data-testid="route-announcer"
    >
      {message}
    </p>
  );
}
