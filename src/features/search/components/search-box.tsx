import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';

const TYPING_PAUSE_MS = 100;

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
 * the box, replacing its own history entry); Enter keeps the search in the history; "clear"
 * empties it; `/` anywhere focuses it. Focusing it starts loading search, so the first
 * results come sooner.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const m = useMessages();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const isSearchPage = location.pathname === paths.search();
  const urlQuery = isSearchPage ? (searchParams.get('q') ?? '') : '';
  const [value, setValue] = useState(urlQuery);
  // The URL changed under the box (back, forward, a link): the box shows the URL's query.
  const [shownQuery, setShownQuery] = useState(urlQuery);
  if (shownQuery !== urlQuery) {
    setShownQuery(urlQuery);
    setValue(urlQuery);
  }
  const input = useRef<HTMLInputElement>(null);

  const go = (query: string, replace: boolean) => {
    const next = new URLSearchParams(isSearchPage ? searchParams : undefined);
    if (query === '') next.delete('q');
    else next.set('q', query);
    setShownQuery(query);
    void navigate(paths.search(next), { replace });
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
    if (value === shownQuery || value.trim() === '') return;
    const timer = setTimeout(() => {
      go(value, isSearchPage);
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
        go(value.trim(), false);
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
            if (isSearchPage) go('', true);
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
