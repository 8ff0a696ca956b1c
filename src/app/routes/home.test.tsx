import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '../../test/render-route.tsx';
import { parsePage } from './home.tsx';

describe('the home route', () => {
  it('lists the latest articles newest first, each headline a link to its permalink', async () => {
    renderRoute('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Latest news' }),
    ).toBeInTheDocument();
    const headlines = screen.getAllByRole('heading', { level: 2 });
    // 31 articles, 10 a page: the front shows the open page's one and full page 3's ten.
    expect(headlines).toHaveLength(11);
    const times = screen
      .getAllByRole('article')
      .map((card) => card.querySelector('time')?.getAttribute('datetime') ?? '');
    expect(times).toEqual([...times].sort((a, b) => Date.parse(b) - Date.parse(a)));
    for (const headline of headlines) {
      expect(within(headline).getByRole('link')).toHaveAttribute(
        'href',
        expect.stringMatching(/^\/[\p{Ll}\p{Lo}\p{N}-]+\/$/u),
      );
    }
  });

  it('pages with the page number in the URL, counted from the oldest', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Latest news' });
    // The front shows pages 4 (open) and 3: Older is page 2.
    expect(screen.queryByRole('link', { name: '← Newer' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Older →' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Latest news, page 2' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/page/2/');
    expect(screen.getAllByRole('article')).toHaveLength(10);
    // A full page: Newer is the page above, Older the one below, for good.
    expect(screen.getByRole('link', { name: '← Newer' })).toHaveAttribute('href', '/page/3/');
    expect(screen.getByRole('link', { name: 'Older →' })).toHaveAttribute('href', '/page/1/');
    expect(screen.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Page 3' })).toHaveAttribute('href', '/page/3/');
    expect(screen.getByRole('link', { name: 'Page 1' })).toHaveAttribute('href', '/page/1/');
    // Page 4 is the open one: linked from page 3 only, and its Newer is the front.
    expect(screen.queryByRole('link', { name: 'Page 4' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: '← Newer' }));
    await screen.findByRole('heading', { level: 1, name: 'Latest news, page 3' });
    await user.click(screen.getByRole('link', { name: '← Newer' }));
    await screen.findByRole('heading', { level: 1, name: 'Latest news, page 4' });
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByRole('link', { name: '← Newer' })).toHaveAttribute('href', '/');
  });

  it('appends the next older page in place with "Load more", keeping the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Latest news' });
    expect(screen.getAllByRole('article')).toHaveLength(11);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    // The status is there before page 2 arrives: wait for what it says once it has.
    await waitFor(() =>
      expect(within(screen.getByRole('main')).getByRole('status')).toHaveTextContent(
        'Showing 21 stories',
      ),
    );
    expect(screen.getAllByRole('article')).toHaveLength(21);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(31));
    // Page 1 is the oldest: nothing more to load.
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('shows not-found for a page past the end', async () => {
    renderRoute('/page/999/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
  });

  it('accepts only whole page numbers from 1 in page/N/ (no page/N/ is the front)', () => {
    expect(parsePage(undefined)).toBe('front');
    expect(parsePage('1')).toBe(1);
    expect(parsePage('3')).toBe(3);
    expect(parsePage('12')).toBe(12);
    expect(parsePage('0')).toBeUndefined();
    expect(parsePage('2.5')).toBeUndefined();
    expect(parsePage('abc')).toBeUndefined();
  });
});
