import { useQueryClient, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import type { ArchiveFront, ArchiveKind, ArchivePage } from '../../../contract/article.ts';
import { site } from '../../../config/site.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import type { ListStart } from '../../articles/api/paged-list.ts';
import { ArticleFeed } from '../../articles/components/article-feed.tsx';
import { archiveQueries } from '../api/archive-queries.ts';

type ArchiveViewProps = { kind: ArchiveKind; path: string; start: ListStart };

/**
 * A section front, tag page or author page, or one of its numbered pages: its name, where it
 * sits (a breadcrumb on a country's pages, the countries on a region's front), and its
 * articles, newest first. The count and the sub-sections change with every article, so only
 * the front has them; a full page shows what never changes (decision 019).
 */
export function ArchiveView({ kind, path, start }: ArchiveViewProps) {
  const m = useMessages();
  const queryClient = useQueryClient();
  const options = archiveQueries.feed(queryClient, kind, path, start);
  const { data } = useSuspenseInfiniteQuery(options);
  const prefetchPage = useCallback(
    (at: number) => queryClient.query(archiveQueries.page(kind, path, at)),
    [queryClient, kind, path],
  );
  const hrefFor = useCallback((at?: number) => paths.archive(kind, path, at), [kind, path]);
  const news = useMemo(
    () => ({
      scope: { kind, path },
      refresh: () =>
        queryClient.invalidateQueries({ queryKey: archiveQueries.archive(kind, path) }),
    }),
    [queryClient, kind, path],
  );
  const first = data.pages[0];
  if (first === undefined) return null;
  const { archive } = first;
  const front = 'openPage' in first ? first : undefined;
  const title = start === 'front' ? archive.name : m.archivePage(archive.name, start);
  const kindLabel = m.archiveKind[kind];
  return (
    <section className="archive" aria-labelledby="archive-heading">
      <title>{`${title} | ${site.name}`}</title>
      <meta name="description" content={m.archiveDescription(kindLabel, archive.name, site.name)} />
      {archive.parents.length > 0 && (
        <nav aria-label={m.breadcrumb} className="breadcrumb">
          <ol>
            <li>
              <Link to={paths.home()}>{m.home}</Link>
            </li>
            {archive.parents.map((parent) => (
              <li key={parent.path}>
                <Link to={paths.archive('section', parent.path)}>{parent.name}</Link>
              </li>
            ))}
            <li>
              <Link to={paths.archive('section', archive.path)} aria-current="page">
                {archive.name}
              </Link>
            </li>
          </ol>
        </nav>
      )}
      <p className="archive__kind">{kindLabel}</p>
      <h1 id="archive-heading">{title}</h1>
      {front && <p className="archive__count">{m.articleCount(front.total)}</p>}
      {front && front.archive.children.length > 0 && (
        <nav aria-label={m.subsections(archive.name)} className="subsections">
          <ul>
            {front.archive.children.map((child) => (
              <li key={child.path}>
                <Link to={paths.archive('section', child.path)}>{child.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ArticleFeed<ArchiveFront, ArchivePage>
        options={options}
        prefetchPage={prefetchPage}
        hrefFor={hrefFor}
        news={news}
      />
    </section>
  );
}
