import { Fragment } from 'react';
import { Link } from 'react-router';
import type { Named } from '../../../contract/article.ts';
import { site } from '../../../config/site.ts';
import { useLocale, useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';

/** Named authors, each linking to their page, or the publication itself when none is named. */
export function Byline({ authors }: { authors: Named[] }) {
  const m = useMessages();
  const locale = useLocale();
  if (authors.length === 0)
    return (
      <p className="byline">
        {m.by} {site.name}
      </p>
    );
  // "A, B and C", with each name a link: the list's own separators, around the links.
  const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts(
    authors.map((author) => author.slug),
  );
  const bySlug = new Map(authors.map((author) => [author.slug, author]));
  return (
    <p className="byline">
      {m.by}{' '}
      {parts.map((part, index) => {
        const author = part.type === 'element' ? bySlug.get(part.value) : undefined;
        return author ? (
          <Link
            key={author.slug}
            to={paths.archive('author', author.slug)}
            className="byline__link"
          >
            {author.name}
          </Link>
        ) : (
          <Fragment key={`literal-${index}`}>{part.value}</Fragment>
        );
      })}
    </p>
  );
}
