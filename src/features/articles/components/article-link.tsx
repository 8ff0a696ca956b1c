import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { prepareDates } from '../../../lib/dates.ts';
import { useLocale } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { articleQueries } from '../api/article-queries.ts';
import { prefetchWhenVisible } from '../lib/viewport-prefetch.ts';

type ArticleLinkProps = {
  slug: string;
  children: ReactNode;
  className?: string;
};

/**
 * A link to an article that fetches the article's JSON as soon as the reader shows intent
 * (hover, focus, touch; on touch screens, scrolling it into view), so the click paints from
 * cache; an intent also readies the date formatters the article will need. It is a real
 * `<a href>` first.
 */
export function ArticleLink({ slug, children, className }: ArticleLinkProps) {
  const queryClient = useQueryClient();
  const locale = useLocale();
  const prefetch = () => {
    // A failed prefetch is not an error yet: the click will fetch again and show it.
    queryClient.query(articleQueries.detail(slug)).catch(() => undefined);
  };
  const prepare = () => {
    prefetch();
    prepareDates(locale);
  };
  return (
    <Link
      to={paths.article(slug)}
      className={className}
      onMouseEnter={prepare}
      onFocus={prepare}
      onTouchStart={prepare}
      ref={(element) => (element === null ? undefined : prefetchWhenVisible(element, prefetch))}
    >
      {children}
    </Link>
  );
}
