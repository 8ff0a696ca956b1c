import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  NavigationType,
  useLocation,
  useNavigate,
  useNavigationType,
  useSearchParams,
} from 'react-router';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';

const TYPING_PAUSE_MS = 100;

/** Marks the history entries the box itself navigated to (see SearchBox). */
const FROM_SEARCH_BOX = { fromSearchBox: true } as const;

function isFromSearchBox(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'fromSearchBox' in state;
}

/** Search's own code and first files, fetched while the reader types (not with every page). */
function preload(queryClient: QueryClient, text: string) {
  import('../api/search-index.ts')
    .then((search) => {
      search.preloadSearchIndex(queryClient, text);
    })
    .catch(() => undefined);
}

/**
 * The search box in the header. Typing shows results as they come (the search page follows
 * the box, replacing its own history entry); Enter keeps the search in the history; Clear
 * empties it; `/` anywhere focuses it. Focusing it starts loading search, so the first
 * results come sooner.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const navigationType = useNavigationType();
  const queryClient = useQueryClient();
  const m = useMessages();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const isSearchPage = location.pathname === paths.search();
  const urlQuery = isSearchPage ? (searchParams.get('q') ?? '') : '';
  const [value, setValue] = useState(urlQuery);
  /** The query the box last asked for, or took from the URL: typing differently asks again. */
  const [sentQuery, setSentQuery] = useState(urlQuery);
  const [isComposing, setIsComposing] = useState(false);
  /** Enter kept this search in the history: the next query starts an entry of its own. */
  const [isKept, setIsKept] = useState(false);
  // Another page came: the box shows its query (none, off the search page). The box's own
  // navigations are left alone: they land after a lazy route or a loader, by which time the
  // reader may have typed more, and the box keeps every letter. Back and Forward restore the
  // entry's own state, so they always bring back the query they return to.
  const [shownKey, setShownKey] = useState(location.key);
  if (shownKey !== location.key) {
    setShownKey(location.key);
    if (navigationType === NavigationType.Pop || !isFromSearchBox(location.state)) {
      setValue(urlQuery);
      setSentQuery(urlQuery);
      setIsKept(false);
    }
  }
  const input = useRef<HTMLInputElement>(null);

  const go = (query: string, replace: boolean) => {
    const next = new URLSearchParams(isSearchPage ? searchParams : undefined);
    if (query === '') next.delete('q');
    else next.set('q', query);
    setSentQuery(query);
    setIsKept(false);
    void navigate(paths.search(next), { replace, state: FROM_SEARCH_BOX });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (
        target instanceof HTMLElement &&
        target.closest('input, textarea, select, [contenteditable="true"]')
      )
        return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  useEffect(() => {
    // Mid-composition (an input method's candidate text) the query is not the reader's yet.
    if (isComposing || value === sentQuery) return;
    // Emptied on the search page, the page follows; elsewhere an empty box asks for nothing.
    if (value.trim() === '' && !isSearchPage) return;
    const timer = setTimeout(() => {
      go(value, isSearchPage && !isKept);
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
    };
  });

  return (
    <form
      role="search"
      aria-label={m.searchLandmark}
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        const query = value.trim();
        setValue(query);
        // Typing already asked for this query: its entry is the one kept.
        if (query !== sentQuery || !isSearchPage) go(query, false);
        setIsKept(true);
      }}
    >
      <label htmlFor="search-input" className="visually-hidden">
        {m.searchLabel}
      </label>
      <input
        id="search-input"
        ref={input}
        className="search-box__input"
        type="search"
        name="q"
        value={value}
        placeholder={m.searchPlaceholder}
        autoComplete="off"
        // The query may be in any language: it runs the way its own words are written. Empty,
        // the box (and its placeholder) follows the interface.
        dir={value === '' ? undefined : 'auto'}
        aria-keyshortcuts="/"
        onChange={(event) => {
          setValue(event.target.value);
          preload(queryClient, event.target.value);
        }}
        onCompositionStart={() => {
          setIsComposing(true);
        }}
        onCompositionEnd={() => {
          setIsComposing(false);
        }}
        onFocus={() => {
          preload(queryClient, value);
        }}
      />
      {value !== '' && (
        <button
          type="button"
          className="search-box__clear"
          aria-label={m.searchClearLabel}
          onClick={() => {
            setValue('');
            input.current?.focus();
            if (isSearchPage) go('', !isKept);
          }}
        >
          {m.searchClear}
        </button>
      )}
      <button type="submit" className="search-box__submit">
        {m.searchSubmit}
      </button>
    </form>
  );
}
