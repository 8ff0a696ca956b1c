import { Link } from 'react-router';
import { useLocale, useMessages } from '../../../lib/i18n/i18n.tsx';

type PaginationProps = {
  /** The page in the URL, and the last page shown below it after "Load more". */
  page: number;
  lastShown?: number;
  pageCount: number;
  hrefFor: (page: number) => string;
};

/** Page numbers to link: the first, the last, and two either side of those shown. */
export function pageWindow(page: number, lastShown: number, pageCount: number): (number | 'gap')[] {
  const wanted = new Set([1, pageCount]);
  for (let near = page - 2; near <= lastShown + 2; near++) {
    if (near >= 1 && near <= pageCount) wanted.add(near);
  }
  const sorted = [...wanted].sort((a, b) => a - b);
  return sorted.flatMap((number, index) => {
    const previous = sorted[index - 1];
    return previous !== undefined && number - previous > 1 ? ['gap' as const, number] : [number];
  });
}

/**
 * Previous, numbered and next links: the page number lives in the URL, so any page can be
 * shared, and every page (and the footer below the list) is reachable by keyboard.
 */
export function Pagination({ page, lastShown = page, pageCount, hrefFor }: PaginationProps) {
  const m = useMessages();
  const locale = useLocale();
  if (pageCount <= 1) return null;
  const numbers = new Intl.NumberFormat(locale);
  return (
    <nav className="pagination" aria-label={m.pagesNav}>
      <ul className="pagination__list">
        {page > 1 && (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev" className="pagination__link">
              {m.newer}
            </Link>
          </li>
        )}
        {pageWindow(page, lastShown, pageCount).map((number, index) =>
          number === 'gap' ? (
            <li key={`gap-${index}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={number}>
              <Link
                to={hrefFor(number)}
                className="pagination__number"
                aria-label={m.pageLabel(number)}
                aria-current={number >= page && number <= lastShown ? 'page' : undefined}
              >
                {numbers.format(number)}
              </Link>
            </li>
          ),
        )}
        {lastShown < pageCount && (
          <li>
            <Link to={hrefFor(lastShown + 1)} rel="next" className="pagination__link">
              {m.older}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
