import { Fragment } from 'react';
import { Link } from 'react-router';
import type { Named } from '../../../contract/article.ts';
import { site } from '../../../config/site.ts';
import { Label, useLocale, useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { listFormat } from '../../../lib/intl.ts';

type BylineProps = {
  authors: Named[];
  /** The site an imported article comes from, credited when it names no author. */
  sourceName?: string;
  /** Imported from another site: the reader's own masthead is never put on it. */
  isImported: boolean;
};

/**
 * Who wrote the article: its named authors, each linking to their page; else the site it
 * was imported from; else, for the publication's own article, the publication. An imported
 * article that names neither has no byline: a wrong name is worse than none.
 */
export function Byline({ authors, sourceName, isImported }: BylineProps) {
  const m = useMessages();
  const locale = useLocale();
  if (authors.length === 0) {
    if (sourceName) {
      return (
        <p className="byline">
          <Label>
            {m.by} <bdi>{sourceName}</bdi>
          </Label>
        </p>
      );
    }
    if (isImported) return null;
    return (
      <p className="byline">
        <Label>
          {m.by} {site.name}
        </Label>
      </p>
    );
  }
  // "A, B and C", with each name a link: the list's own separators, around the links.
  const parts = listFormat(locale, { type: 'conjunction' }).formatToParts(
    authors.map((author) => author.slug),
  );
  const bySlug = new Map(authors.map((author) => [author.slug, author]));
  return (
    <p className="byline">
      <Label>
        {m.by}{' '}
        {parts.map((part, index) => {
          const author = part.type === 'element' ? bySlug.get(part.value) : undefined;
          return author ? (
            <Link
              key={author.slug}
              to={paths.archive('author', author.slug)}
              className="byline__link"
            >
              <bdi>{author.name}</bdi>
            </Link>
          ) : (
            <Fragment key={`literal-${index}`}>{part.value}</Fragment>
          );
        })}
      </Label>
    </p>
  );
}
