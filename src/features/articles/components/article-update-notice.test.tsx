import { QueryClient, QueryClientProvider, useSuspenseQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleQueries } from '../api/article-queries.ts';
import { updatesQueries } from '../api/updates-queries.ts';
import { ArticleUpdateNotice } from './article-update-notice.tsx';

const slug = 'ministers-meet';
const first = '2023-08-01T10:00:00+01:00';
const corrected = '2023-08-01T12:30:00+01:00';

function articleJson(modified: string, title: string) {
  return {
    slug,
    title,
    standfirst: '',
    section: { name: 'News', slug: 'news' },
    published: first,
    modified,
    tags: [],
    authors: [],
    isSample: true,
    body: [],
    related: [],
  };
}

function Page() {
  const { data: article } = useSuspenseQuery(articleQueries.detail(slug));
  const headline = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <ArticleUpdateNotice article={article} headlineRef={headline} />
      <h1 ref={headline} tabIndex={-1}>
        {article.title}
      </h1>
    </>
  );
}

function renderPage(published: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(
    articleQueries.detail(slug).queryKey,
    articleJson(first, 'Old headline'),
  );
  queryClient.setQueryData(updatesQueries.latest().queryKey, {
    newest: [],
    changed: [{ slug, modified: published }],
  });
  return render(
    <QueryClientProvider client={queryClient}>
      <Suspense>
        <Page />
      </Suspense>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('an article corrected while it is open', () => {
  it('offers the update, and shows it only when asked, focusing the headline', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn(() =>
      Promise.resolve(Response.json(articleJson(corrected, 'New headline'))),
    );
    vi.stubGlobal('fetch', fetch);
    renderPage(corrected);
    expect(screen.getByText('This article has been updated.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Old headline');
    expect(fetch).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Show the update' }));
    const headline = await screen.findByRole('heading', { level: 1, name: 'New headline' });
    expect(headline).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Show the update' })).not.toBeInTheDocument();
  });

  it('says nothing while the article on screen is the one published', () => {
    renderPage(first);
    expect(screen.queryByRole('button', { name: 'Show the update' })).not.toBeInTheDocument();
  });
});
