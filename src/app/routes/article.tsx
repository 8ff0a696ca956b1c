import type { QueryClient } from '@tanstack/react-query';
import { data, useParams, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { SLUG_PATTERN } from '../../contract/article.ts';
import { articleQueries } from '../../features/articles/api/article-queries.ts';
import { ArticlePage } from '../../features/articles/components/article-page.tsx';
import { getSaved } from '../../features/saved/api/library-store.ts';
import { loadOrThrow } from '../load-or-throw.ts';

function ArticleRoute() {
  const { slug = '' } = useParams();
  // Keyed by slug so that moving between articles starts each at its own state.
  return <ArticlePage key={slug} slug={slug} />;
}

/**
 * `/{slug}/`: the source site's permalink shape, so shared links map one to one.
 * `missingPath` is a path the host has already answered with its not-found page.
 */
export function articleRoute(queryClient: QueryClient, missingPath?: string): RouteObject {
  return {
    path: ':slug',
    loader: async ({ params, request }: LoaderFunctionArgs) => {
      const slug = params.slug ?? '';
      // A slug is a slug: `/..%2F..%2Fmanifest.webmanifest%3F/` names no article, and its
      // API path would lead out of the articles folder. Not found, with nothing fetched.
      if (!SLUG_PATTERN.test(slug)) throw data('Not found', { status: 404 });
      const options = articleQueries.detail(slug);
      try {
        // The host served its 404 page for this very URL: it has no article here, and the
        // API would only log a second 404. An unknown slug reached by an in-app link, or
        // served index.html by a host that rewrites unknown paths (status 200), still costs
        // one request: only the API knows which articles exist.
        if (new URL(request.url).pathname === missingPath) {
          throw data('Not found', { status: 404 });
        }
        await loadOrThrow(queryClient, options);
      } catch (error) {
        // An article the reader saved from this site is read from the device when the
        // network cannot give it: offline, on a failing server, or after the newsroom took
        // it down. A copy imported from a file never stands in for the site's page
        // (decision 015): it is read in the Saved area, as the reader's own.
        const saved = await getSaved(slug).catch(() => undefined);
        if (saved?.origin !== 'site') throw error;
        // As old data: the next visit with a network fetches the current version.
        queryClient.setQueryData(options.queryKey, saved.article, { updatedAt: 0 });
      }
      return null;
    },
    Component: ArticleRoute,
    ErrorBoundary: RouteError,
  };
}
