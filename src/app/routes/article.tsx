import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { articleQueries } from '../../features/articles/api/article-queries.ts';
import { ArticlePage } from '../../features/articles/components/article-page.tsx';
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
      await loadOrThrow(queryClient, articleQueries.detail(params.slug ?? ''));
      return null;
    },
    Component: ArticleRoute,
    ErrorBoundary: RouteError,
  };
}
