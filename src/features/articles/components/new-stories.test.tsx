import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary, UpdateEntry } from '../../../contract/article.ts';
import { messagesFor, setLocale } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { updatesQueries } from '../api/updates-queries.ts';
import type { ListScope } from '../lib/new-stories.ts';
import { NewStories } from './new-stories.tsx';

const at = (day: number) => `2023-08-${String(day).padStart(2, '0')}T10:00:00+01:00`;

function summary(slug: string, day: number): ArticleSummary {
  return {
    slug,
    title: `Headline of ${slug}`,
    standfirst: '',
    section: { name: 'Sudan', slug: 'sudan', parents: [{ name: 'Africa', slug: 'africa' }] },
    published: at(day),
    modified: at(day),
  };
}

function entry(slug: string, day: number, more: Partial<UpdateEntry> = {}): UpdateEntry {
  return {
    slug,
    published: at(day),
    modified: at(day),
    section: 'africa/sudan',
    tags: [],
    authors: [],
    ...more,
  };
}

/** A list of cards (headline links, as ArticleCard draws them) with the notice above it. */
function List({
  scope,
  initial,
  after,
}: {
  scope: ListScope;
  initial: ArticleSummary[];
  after: ArticleSummary[];
}) {
  const [articles, setArticles] = useState(initial);
  const listRef = useRef<HTMLUListElement>(null);
  return (
    <>
      <NewStories
        scope={scope}
        articles={articles}
        listRef={listRef}
        refresh={() => {
          setArticles(after);
          return Promise.resolve();
        }}
      />
      <ul ref={listRef}>
        {articles.map((article) => (
          <li key={article.slug}>
            <h2>
              <a className="card__link" href={paths.article(article.slug)}>
                {article.title}
              </a>
            </h2>
          </li>
        ))}
      </ul>
    </>
  );
}

const shown = Array.from({ length: 10 }, (_, index) => summary(`old-${index}`, 10 - index));

function renderList(newest: UpdateEntry[], scope: ListScope = { kind: 'latest' }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The check has just been made: nothing is asked of the network.
  queryClient.setQueryData(updatesQueries.latest().queryKey, { newest, changed: [] });
  const fresh = newest
    .filter((item) => !shown.some((article) => article.slug === item.slug))
    .map((item) => summary(item.slug, Number(item.published.slice(8, 10))));
  return render(
    <QueryClientProvider client={queryClient}>
      <List scope={scope} initial={shown} after={[...fresh, ...shown]} />
    </QueryClientProvider>,
  );
}

const published = shown.map((article) =>
  entry(article.slug, Number(article.published.slice(8, 10))),
);

afterEach(() => {
  vi.restoreAllMocks();
  act(() => setLocale('en'));
});

describe('new stories above a list', () => {
  it('says nothing while the list shows the newest articles', () => {
    renderList(published);
    expect(screen.queryByRole('button', { name: /new stor/ })).not.toBeInTheDocument();
  });

  it('counts the articles newer than the list shows, in the singular and the plural', () => {
    const { unmount } = renderList([entry('new-a', 12), ...published]);
    expect(screen.getByRole('button', { name: '1 new story' })).toBeInTheDocument();
    unmount();
    renderList([entry('new-a', 14), entry('new-b', 13), entry('new-c', 12), ...published]);
    expect(screen.getByRole('button', { name: '3 new stories' })).toBeInTheDocument();
  });

  it('counts only what the list shows: a region front its countries, a tag its own', () => {
    const newest = [
      entry('in-sudan', 13, { tags: ['water'] }),
      entry('in-egypt', 12, { section: 'africa/egypt' }),
      entry('in-asia', 11, { section: 'asia' }),
      ...published,
    ];
    const { unmount } = renderList(newest, { kind: 'section', path: 'africa' });
    expect(screen.getByRole('button', { name: '2 new stories' })).toBeInTheDocument();
    unmount();
    renderList(newest, { kind: 'tag', path: 'water' });
    expect(screen.getByRole('button', { name: '1 new story' })).toBeInTheDocument();
  });

  it('leaves out an article dated before the newest the list shows', () => {
    renderList([entry('back-dated', 5), ...published]);
    expect(screen.queryByRole('button', { name: /new stor/ })).not.toBeInTheDocument();
  });

  it('says it in Arabic with the Arabic plural forms', () => {
    act(() => setLocale('ar'));
    renderList([entry('new-a', 14), entry('new-b', 13), ...published]);
    expect(screen.getByRole('button', { name: 'خبران جديدان' })).toBeInTheDocument();
    const ar = messagesFor('ar');
    const digits = new Intl.NumberFormat('ar');
    expect([1, 2, 3, 11, 100].map((n) => ar.newStories(n))).toEqual([
      'خبر جديد واحد',
      'خبران جديدان',
      `${digits.format(3)} أخبار جديدة`,
      `${digits.format(11)} خبرًا جديدًا`,
      `${digits.format(100)} خبر جديد`,
    ]);
    expect(messagesFor('tr').newStories(3)).toBe('3 yeni haber');
  });

  it('is announced politely, from a live region that holds the count', () => {
    renderList([entry('new-a', 12), ...published]);
    const button = screen.getByRole('button', { name: '1 new story' });
    const region = button.closest('[aria-live]');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent('1 new story');
  });

  it('shows them at the top of the list on a press, and moves the focus to the first', async () => {
    const user = userEvent.setup();
    renderList([entry('new-a', 14), entry('new-b', 13), ...published]);
    await user.click(screen.getByRole('button', { name: '2 new stories' }));
    const headlines = screen.getAllByRole('heading', { level: 2 });
    expect(headlines.slice(0, 3).map((headline) => headline.textContent)).toEqual([
      'Headline of new-a',
      'Headline of new-b',
      'Headline of old-0',
    ]);
    expect(within(headlines[0]!).getByRole('link')).toHaveFocus();
    expect(screen.queryByRole('button', { name: /new stor/ })).not.toBeInTheDocument();
  });

  it('keeps the card the reader was looking at where it was on screen', async () => {
    const user = userEvent.setup();
    // No layout here: each card is 100 px tall, and the list starts 500 px above the screen.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const index =
        this.tagName === 'LI' ? [...(this.parentElement?.children ?? [])].indexOf(this) : 0;
      const top = -500 + index * 100;
      return DOMRect.fromRect({
        x: 0,
        y: top,
        width: 300,
        height: this.tagName === 'LI' ? 100 : 1000,
      });
    });
    const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
    renderList([entry('new-a', 12), ...published]);
    await user.click(screen.getByRole('button', { name: '1 new story' }));
    // old-5 was at the top of the screen; one card above it now: the page scrolls by one card.
    expect(scrollBy).toHaveBeenCalledExactlyOnceWith(0, 100);
    expect(screen.getByRole('link', { name: 'Headline of new-a' })).toHaveFocus();
  });
});
