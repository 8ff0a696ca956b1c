import type { QueryClient } from '@tanstack/react-query';
import {
  data,
  useLocation,
  useParams,
  type LoaderFunctionArgs,
  type Params,
  type RouteObject,
} from 'react-router';
import { RouteError } from '../../components/route-error.tsx';
import { ARCHIVE_PATH, type ArchiveKind } from '../../contract/article.ts';
import { archiveQueries } from '../../features/archives/api/archive-queries.ts';
import type { ListStart } from '../../features/articles/api/paged-list.ts';
import { ArchiveView } from '../../features/archives/components/archive-view.tsx';
import { warmCache } from '../load-or-throw.ts';
import { parsePage } from './home.tsx';

/**
 * The archive's path and page from the URL: a section's `africa/sudan` (its splat may end in
 * `page/N`), a tag's or author's slug (with `:page` from `page/:page`).
 */
function archiveOf(
  kind: ArchiveKind,
  params: Params,
): { path: string; start: ListStart } | undefined {
  let raw = (kind === 'section' ? params['*'] : params.slug) ?? '';
  let rawPage = params.page;
  if (kind === 'section') {
    const paged = /^(.*?)\/?page\/([^/]+)\/?$/.exec(raw);
    if (paged) [, raw = '', rawPage] = paged;
  }
  const path = raw.replace(/^\/+|\/+$/g, '');
  const start = parsePage(rawPage);
  return ARCHIVE_PATH.test(path) && start !== undefined ? { path, start } : undefined;
}

function ArchiveRoute({ kind }: { kind: ArchiveKind }) {
  const params = useParams();
  const location = useLocation();
  const { path, start } = archiveOf(kind, params) ?? { path: '', start: 'front' as const };
  // Keyed by the URL, so that another archive or page starts at its own state.
  return <ArchiveView key={location.pathname} kind={kind} path={path} start={start} />;
}

/**
 * Section fronts (`/category/africa/sudan/`), tag pages (`/tags/uk/`) and author pages
 * (`/author/leila-amberfield/`): the source site's shapes, paged with `page/N/`. An unknown
 * name or a page past the end is not found.
 */
export function archiveRoutes(queryClient: QueryClient): RouteObject[] {
  const route = (kind: ArchiveKind, path: string): RouteObject => ({
    path,
    loader: async ({ params }: LoaderFunctionArgs) => {
      const archive = archiveOf(kind, params);
      if (archive === undefined) throw data('Not found', { status: 404 });
      const feed = archiveQueries.feed(queryClient, kind, archive.path, archive.start);
      await warmCache(queryClient, feed.queryKey, () => queryClient.infiniteQuery(feed));
      return null;
    },
    Component: () => <ArchiveRoute kind={kind} />,
    ErrorBoundary: RouteError,
  });
  return [
    route('section', 'category/*'),
    route('tag', 'tags/:slug'),
    route('tag', 'tags/:slug/page/:page'),
    route('author', 'author/:slug'),
    route('author', 'author/:slug/page/:page'),
  ];
}
