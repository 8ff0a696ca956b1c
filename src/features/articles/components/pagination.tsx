import { Link } from 'react-router';
import { useLocale, useMessages } from '../../../lib/i18n/i18n.tsx';
import { formatNumber } from '../../../lib/intl.ts';

type PaginationProps = {
  /** Where "Newer" goes: the next page, or the front from the open page; none on the front. */
  newerHref?: string;
  /** The page "Older" goes to; 0 for none. */
  older: number;
  /** The newest and oldest page shown (after "Load more"). */
  high: number;
  low: number;
  /** The newest page there is to link to. */
  newest: number;
  /** Whether the pages shown are the URL's own (not the front's), to mark them current. */
  isCurrent: boolean;
  hrefFor: (page: number) => string;
};

/**
 * Page numbers to link, newest first as the list reads: page 1, and two below to one above
 * those shown. Every page linked stays at its number for good (decision 019).
 */
export function pageWindow(high: number, low: number, newest: number): (number | 'gap')[] {
  const wanted = new Set([1]);
  for (let near = low - 2; near <= high + 1; near++) {
    if (near >= 1 && near <= newest) wanted.add(near);
  }
  const sorted = [...wanted].sort((a, b) => b - a);
  return sorted.flatMap((number, index) => {
    const previous = sorted[index - 1];
    return previous !== undefined && previous - number > 1 ? ['gap' as const, number] : [number];
  });
}

/**
 * Newer, numbered and older links: the page number lives in the URL, so any page can be
 * shared, and every page (and the footer below the list) is reachable by keyboard.
 */
export function Pagination({
  newerHref,
  older,
  high,
  low,
  newest,
  isCurrent,
  hrefFor,
}: PaginationProps) {
  const m = useMessages();
  const locale = useLocale();
  const links = pageWindow(high, low, newest);
  if (newerHref === undefined && older === 0 && links.length <= 1) return null;
  return (
    <nav className="pagination" aria-label={m.pagesNav}>
      <ul className="pagination__list">
        {newerHref !== undefined && (
          <li>
            <Link to={newerHref} rel="prev" className="pagination__link">
              {m.newer}
            </Link>
          </li>
        )}
        {links.map((number, index) =>
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
                aria-current={isCurrent && number >= low && number <= high ? 'page' : undefined}
              >
                {formatNumber(number, locale)}
              </Link>
            </li>
          ),
        )}
        {older > 0 && (
          <li>
            <Link to={hrefFor(older)} rel="next" className="pagination__link">
              {m.older}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
