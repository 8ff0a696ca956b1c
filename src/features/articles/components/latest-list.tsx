import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { site } from '../../../config/site.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { articleQueries } from '../api/article-queries.ts';
import type { ListStart } from '../api/paged-list.ts';
import { ArticleFeed } from './article-feed.tsx';

/** The home page (the front) or one of its pages: the latest articles, newest first. */
export function LatestList({ start }: { start: ListStart }) {
  const m = useMessages();
  const queryClient = useQueryClient();
  const prefetchPage = useCallback(
    (at: number) => queryClient.query(articleQueries.list(at)),
    [queryClient],
  );
  const news = useMemo(
    () => ({
      scope: { kind: 'latest' } as const,
      refresh: () => queryClient.invalidateQueries({ queryKey: articleQueries.lists() }),
    }),
    [queryClient],
  );
  const heading = start === 'front' ? m.latestHeading : m.latestPage(start);
  return (
    <section className="latest" aria-labelledby="latest-heading">
      <title>
        {start === 'front' ? `${site.name} | ${site.tagline}` : `${heading} | ${site.name}`}
      </title>
      <meta name="description" content={m.latestDescription(site.name)} />
      <h1 id="latest-heading">{heading}</h1>
      <ArticleFeed
        options={articleQueries.feed(queryClient, start)}
        prefetchPage={prefetchPage}
        hrefFor={paths.home}
        news={news}
      />
    </section>
  );
}
