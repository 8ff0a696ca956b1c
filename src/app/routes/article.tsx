import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { articleQueries } from '../../features/articles/api/article-queries.ts';
import { ArticlePage } from '../../features/articles/components/article-page.tsx';
import { getSaved } from '../../features/saved/api/library-store.ts';
import { loadOrThrow } from '../load-or-throw.ts';

function ArticleRoute() {
  const { slug = '' } = useParams();
  // Keyed by slug so that moving between articles starts each at its own state.
  return <ArticlePage key={slug} slug={slug} />;
}

/** `/{slug}/`: the source site's permalink shape, so shared links map one to one. */
export function articleRoute(queryClient: QueryClient): RouteObject {
  return {
    path: ':slug',
    loader: async ({ params }: LoaderFunctionArgs) => {
      const options = articleQueries.detail(params.slug ?? '');
      try {
        await loadOrThrow(queryClient, options);
      } catch (error) {
        // A saved article is read from the reader's device when the network cannot give
        // it: offline, on a failing server, or after the newsroom took it down.
        const saved = await getSaved(params.slug ?? '').catch(() => undefined);
        if (saved === undefined) throw error;
        // As old data: the next visit with a network fetches the current version.
        queryClient.setQueryData(options.queryKey, saved.article, { updatedAt: 0 });
      }
      return null;
    },
    Component: ArticleRoute,
    ErrorBoundary: RouteError,
  };
}
