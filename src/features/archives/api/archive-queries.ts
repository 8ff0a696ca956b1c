import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  apiPaths,
  ARCHIVE_PATH,
  ArchiveFrontSchema,
  ArchivePageSchema,
  SectionMenuSchema,
  type ArchiveKind,
} from '../../../contract/article.ts';
import { getJson, getJsonIf } from '../../../lib/api-client.ts';
import { STALE_TIME_MS } from '../../../lib/query-client.ts';
import { pagedListOptions, type ListStart } from '../../articles/api/paged-list.ts';

/** Query options for section fronts, tag and author pages, and the section menu. */
export const archiveQueries = {
  all: () => ['archives'] as const,
  /** Everything of one archive: its pages and its "Load more" lists. */
  archive: (kind: ArchiveKind, path: string) => [...archiveQueries.all(), kind, path] as const,
  page: (kind: ArchiveKind, path: string, page: number) =>
    queryOptions({
      queryKey: [...archiveQueries.all(), kind, path, { page }] as const,
      // Only a path of slugs and a whole page number are looked up (the routes check both).
      queryFn: ({ signal }) =>
        getJsonIf(
          ARCHIVE_PATH.test(path) && Number.isSafeInteger(page) && page >= 1,
          apiPaths.archive(kind, path, page),
          ArchivePageSchema,
          { signal },
        ),
      staleTime: STALE_TIME_MS,
    }),
  /** An archive's front: its newest articles, its count, what lies below it. */
  front: (kind: ArchiveKind, path: string) =>
    queryOptions({
      queryKey: [...archiveQueries.all(), kind, path, 'front'] as const,
      queryFn: ({ signal }) =>
        getJsonIf(ARCHIVE_PATH.test(path), apiPaths.archiveFront(kind, path), ArchiveFrontSchema, {
          signal,
        }),
      staleTime: STALE_TIME_MS,
    }),
  /** An archive from its front or page `start` on, older and older, for "Load more". */
  feed: (queryClient: QueryClient, kind: ArchiveKind, path: string, start: ListStart) =>
    pagedListOptions(
      [...archiveQueries.all(), kind, path, 'feed'],
      start,
      () => queryClient.query(archiveQueries.front(kind, path)),
      (at) => queryClient.query(archiveQueries.page(kind, path, at)),
    ),
  sectionMenu: () =>
    queryOptions({
      queryKey: [...archiveQueries.all(), 'section-menu'] as const,
      queryFn: ({ signal }) => getJson(apiPaths.sectionMenu(), SectionMenuSchema, { signal }),
      staleTime: STALE_TIME_MS,
      // A menu that just failed is not asked for again by every header and filter that
      // mounts; the next page's loader asks.
      retryOnMount: false,
    }),
};
