import type { QueryClient } from '@tanstack/react-query';
import {
  data,
  useLocation,
  useParams,
  useSearchParams,
  type LoaderFunctionArgs,
  type Params,
  type RouteObject,
} from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { ARCHIVE_PATH, type ArchiveKind } from '../../contract/article.ts';
import { archiveQueries } from '../../features/archives/api/archive-queries.ts';
import { ArchiveView } from '../../features/archives/components/archive-view.tsx';
import { orNotFound } from '../load-or-throw.ts';
import { parsePage } from './home.tsx';

/** The archive's path from the URL: a section's `africa/sudan`, a tag's or author's slug. */
function archivePathOf(kind: ArchiveKind, params: Params): string | undefined {
  const raw = (kind === 'section' ? params['*'] : params.slug) ?? '';
  const path = raw.replace(/^\/+|\/+$/g, '');
  return ARCHIVE_PATH.test(path) ? path : undefined;
}

function ArchiveRoute({ kind }: { kind: ArchiveKind }) {
  const params = useParams();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const path = archivePathOf(kind, params) ?? '';
  const page = parsePage(searchParams) ?? 1;
  // Keyed by the URL, so that another archive or page starts at its own state.
  return (
    <ArchiveView key={location.pathname + location.search} kind={kind} path={path} page={page} />
  );
}

/**
 * Section fronts (`/category/africa/sudan/`), tag pages (`/tags/uk/`) and author pages
 * (`/author/leila-amberfield/`): the source site's shapes, paged with `?page=N`. An unknown
 * name or a page past the end is not found.
 */
export function archiveRoutes(queryClient: QueryClient): RouteObject[] {
  const route = (kind: ArchiveKind, path: string): RouteObject => ({
    path,
    loader: async ({ params, request }: LoaderFunctionArgs) => {
      const archivePath = archivePathOf(kind, params);
      const page = parsePage(new URL(request.url).searchParams);
      if (archivePath === undefined || page === undefined) throw data('Not found', { status: 404 });
      await orNotFound(
        queryClient.infiniteQuery(archiveQueries.feed(queryClient, kind, archivePath, page)),
      );
      return null;
    },
    Component: () => <ArchiveRoute kind={kind} />,
    ErrorBoundary: RouteError,
  });
  return [
    route('section', 'category/*'),
    route('tag', 'tags/:slug'),
    route('author', 'author/:slug'),
  ];
}
