import { Link } from 'react-router';
import { paths } from '../../../lib/paths.ts';

type PaginationProps = { page: number; pageCount: number };

/** Previous and next as plain links: the page number lives in the URL, so any page can be shared. */
export function Pagination({ page, pageCount }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link to={paths.home(page - 1)} rel="prev" className="pagination__link">
          ← Newer articles
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={paths.home(page + 1)} rel="next" className="pagination__link">
          Older articles →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
