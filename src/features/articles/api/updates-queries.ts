import { queryOptions } from '@tanstack/react-query';
import { apiPaths, UpdatesSchema } from '../../../contract/article.ts';
import { getJson } from '../../../lib/api-client.ts';

/**
 * The updates file (decision 022), asked for while a list or an article is on screen. The
 * HTTP cache is asked to check with the host every time (`no-cache`): when nothing was
 * published the host answers 304, a few hundred bytes, and the kept copy is read again.
 */
export const updatesQueries = {
  all: () => ['updates'] as const,
  latest: () =>
    queryOptions({
      queryKey: [...updatesQueries.all(), 'latest'] as const,
      queryFn: ({ signal }) =>
        getJson(apiPaths.updates(), UpdatesSchema, { signal, cache: 'no-cache' }),
    }),
};
