import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../contract/article.ts';
import { articleQueries } from '../api/article-queries.ts';
import type { ListStart } from '../api/paged-list.ts';
import { LatestList } from './latest-list.tsx';

const summary = (n: number): ArticleSummary => ({
  slug: `story-${n}`,
  title: `Story ${n}`,
  standfirst: '',
  section: { name: 'News', slug: 'news' },
  published: new Date(Date.UTC(2023, 0, n)).toISOString(),
  modified: new Date(Date.UTC(2023, 0, n)).toISOString(),
});
/** Stories `from` to `to`, newest first. */
const stories = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, at) => summary(to - at));

/** Twenty stories, ten a page: pages 1 and 2 full, page 3 open and empty. */
function renderList(start: ListStart) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(articleQueries.front().queryKey, {
    total: 20,
    pageSize: 10,
    openPage: 3,
    olderPage: 1,
    articles: stories(11, 20),
  });
  queryClient.setQueryData(articleQueries.list(1).queryKey, {
    page: 1,
    pageSize: 10,
    articles: stories(1, 10),
  });
  queryClient.setQueryData(articleQueries.list(2).queryKey, {
    page: 2,
    pageSize: 10,
    articles: stories(11, 20),
  });
  queryClient.setQueryData(articleQueries.list(3).queryKey, {
    page: 3,
    pageSize: 10,
    articles: [],
  });
  const router = createMemoryRouter([
    {
      path: '*',
      element: (
        <Suspense>
          <LatestList start={start} />
        </Suspense>
      ),
    },
  ]);
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('the latest list, paged from the oldest', () => {
  it('says an empty open page has nothing newer yet, with the way to the front and to older', async () => {
    renderList(3);
    expect(await screen.findByText(/No newer stories yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the newest stories' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(screen.getByRole('link', { name: '← Newer' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('link', { name: 'Older →' })).toHaveAttribute('href', '/page/2/');
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();
  });

  it('links a full page Newer to the page above, though that one is still open', async () => {
    renderList(2);
    expect(await screen.findAllByRole('article')).toHaveLength(10);
    expect(screen.queryByText(/No newer stories yet/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Newer' })).toHaveAttribute('href', '/page/3/');
    expect(screen.getByRole('link', { name: 'Older →' })).toHaveAttribute('href', '/page/1/');
    // Numbers, newest first as the list reads: the open page above, page 2 current, page 1.
    const numbers = screen.getAllByRole('link', { name: /^Page \d+$/ });
    expect(numbers.map((link) => link.textContent)).toEqual(['3', '2', '1']);
    expect(screen.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows the last full page on the front when the open page is empty, and no Newer', async () => {
    renderList('front');
    expect(await screen.findAllByRole('article')).toHaveLength(10);
    expect(screen.queryByText(/No newer stories yet/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '← Newer' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Older →' })).toHaveAttribute('href', '/page/1/');
    expect(screen.getByRole('link', { name: 'Page 1' })).not.toHaveAttribute('aria-current');
  });
});
