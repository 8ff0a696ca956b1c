import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { site } from '../../../config/site.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { articleQueries } from '../api/article-queries.ts';
import { ArticleFeed } from './article-feed.tsx';

/** The home page: the latest articles, newest first, from the URL's page on. */
export function LatestList({ page }: { page: number }) {
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
  const heading = page > 1 ? m.latestPage(page) : m.latestHeading;
  return (
    <section className="latest" aria-labelledby="latest-heading">
      <title>{page > 1 ? `${heading} | ${site.name}` : `${site.name} | ${site.tagline}`}</title>
      <meta name="description" content={m.latestDescription(site.name)} />
      <h1 id="latest-heading">{heading}</h1>
      <ArticleFeed
        options={articleQueries.feed(queryClient, page)}
        prefetchPage={prefetchPage}
        hrefFor={paths.home}
        news={news}
      />
    </section>
  );
}
