import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { site } from '../../../config/site.ts';
import { RetryAlert } from '../../../components/retry-alert.tsx';
import { dirOf, useInterfaceLocale, useMessages } from '../../../lib/i18n/i18n.tsx';
import { archiveQueries } from '../../archives/api/archive-queries.ts';
import { articleQueries } from '../../articles/api/article-queries.ts';
import { ArticleCard } from '../../articles/components/article-card.tsx';
import { ArticleLink } from '../../articles/components/article-link.tsx';
import { CardMeta } from '../../articles/components/card-meta.tsx';
import { SectionName } from '../../articles/components/section-name.tsx';
import { RESULTS_STEP, searchQueries, type SearchParams } from '../api/search-queries.ts';
import { monthLabel } from '../lib/month-label.ts';

/** Stands for the query in a message, where the query itself is put as an element. */
const QUERY_MARK = '\uE000';

/**
 * A message around the reader's own words, which may be in any language: they are isolated
 * in a `<bdi>`, so an Arabic query reads right to left in an English sentence (and a Latin
 * one left to right in an Arabic sentence), and the quotation marks stay where they belong.
 */
function withQuery(message: (query: string) => string, query: string) {
  const [before = '', after = ''] = message(QUERY_MARK).split(QUERY_MARK);
  return (
    <>
      {before}
      <bdi>{query}</bdi>
      {after}
    </>
  );
}

/**
 * The months a date filter offers: those the archive has articles in, newest first, and the
 * URL's own month too when it is not one of them (a shared link), so the field shows it.
 */
function monthChoices(months: string[], chosen: string): string[] {
  if (chosen === '' || months.includes(chosen) || !/^\d{4}-\d{2}$/.test(chosen)) return months;
  return [...months, chosen].sort().reverse();
}

export function searchParamsOf(url: URLSearchParams): SearchParams {
  return {
    q: url.get('q')?.trim() ?? '',
    section: url.get('section') ?? '',
    from: url.get('from') ?? '',
    to: url.get('to') ?? '',
  };
}

/** Search results for the URL's query and filters; the query itself is typed in the header. */
export function SearchView() {
  const [url, setUrl] = useSearchParams();
  const queryClient = useQueryClient();
  const m = useMessages();
  const ui = useInterfaceLocale();
  const params = searchParamsOf(url);
  const [shown, setShown] = useState(RESULTS_STEP);
  // A new query or filter starts the list of results afresh.
  const [shownFor, setShownFor] = useState(url.toString());
  if (shownFor !== url.toString()) {
    setShownFor(url.toString());
    setShown(RESULTS_STEP);
  }
  const hasQuery = params.q !== '';
  const results = useQuery({
    ...searchQueries.results(queryClient, params, shown),
    enabled: hasQuery,
    placeholderData: keepPreviousData,
  });
  const { data: sections = [] } = useQuery(archiveQueries.sectionMenu());
  const { data: months = [] } = useQuery(searchQueries.months(queryClient));
  const setFilter = (name: 'section' | 'from' | 'to', value: string) => {
    const next = new URLSearchParams(url);
    if (value === '') next.delete(name);
    else next.set(name, value);
    setUrl(next);
  };
  const title = hasQuery ? m.searchPageTitle(params.q) : m.searchTitle;

  return (
    <section className="search" aria-labelledby="search-heading">
      <title>{`${title} | ${site.name}`}</title>
      <h1 id="search-heading">{hasQuery ? withQuery(m.resultsFor, params.q) : m.searchTitle}</h1>
      <form
        className="search__filters"
        aria-label={m.filters}
        onSubmit={(event) => event.preventDefault()}
      >
        <label className="search__filter search__filter--section">
          <span className="search__filter-name">{m.filterSection}</span>
          <select
            value={params.section}
            onChange={(event) => setFilter('section', event.target.value)}
          >
            <option value="">{m.allSections}</option>
            {sections.map((section) => (
              <option key={section.path} value={section.path}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        {(['from', 'to'] as const).map((bound) => (
          <label key={bound} className="search__filter">
            <span className="search__filter-name">
              {bound === 'from' ? m.filterFrom : m.filterTo}
            </span>
            <select
              value={params[bound]}
              onChange={(event) => setFilter(bound, event.target.value)}
            >
              <option value="">{bound === 'from' ? m.anyMonthFrom : m.anyMonthTo}</option>
              {monthChoices(months, params[bound]).map((month) => (
                <option key={month} value={month}>
                  {monthLabel(month, ui)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </form>
      <p className="search__status" role="status">
        {!hasQuery
          ? m.searchHint
          : results.isError
            ? ''
            : results.data === undefined
              ? m.searching
              : m.resultCount(results.data.total)}
      </p>
      {hasQuery && results.isError && (
        // Said here, where the results would be; the page, its filters and the box stay.
        <RetryAlert
          message={m.searchUnavailable}
          onRetry={() => void results.refetch()}
          isRetrying={results.isFetching}
        />
      )}
      {results.data !== undefined && results.data.total > 0 && (
        <ol className="search__results">
          {results.data.results.map((result) => (
            <li
              key={result.slug}
              className="search-result"
              lang={result.lang}
              dir={dirOf(result.lang)}
            >
              <SectionName className="card__section" name={result.section} />
              <h2 className="search-result__title">
                <ArticleLink slug={result.slug}>{result.title}</ArticleLink>
              </h2>
              <p className="search-result__snippet">
                {result.snippet.map((part, index) =>
                  part.isMatch ? (
                    <mark key={index}>{part.text}</mark>
                  ) : (
                    <span key={index}>{part.text}</span>
                  ),
                )}
              </p>
              <CardMeta published={result.published} />
            </li>
          ))}
        </ol>
      )}
      {results.data !== undefined && results.data.total > shown && (
        <button type="button" className="load-more" onClick={() => setShown(shown + RESULTS_STEP)}>
          {m.showMoreResults}
        </button>
      )}
      {hasQuery && results.data?.total === 0 && <NoResults query={params.q} />}
    </section>
  );
}

/** Nothing found: said plainly, with the latest articles instead. */
function NoResults({ query }: { query: string }) {
  const m = useMessages();
  const { data } = useQuery(articleQueries.list(1));
  return (
    <div className="search__none">
      <p>{withQuery(m.noResults, query)}</p>
      <ul className="card-list card-list--compact">
        {data?.articles.slice(0, 5).map((article) => (
          <li key={article.slug}>
            <ArticleCard article={article} headingLevel={3} />
          </li>
        ))}
      </ul>
    </div>
  );
}
