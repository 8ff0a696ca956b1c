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
    expect(headlines).toHaveLength(10);
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

  it('pages with the page number in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/');
    await user.click(await screen.findByRole('link', { name: 'Older →' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Latest news, page 2' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/page/2/');
    expect(screen.getByRole('link', { name: '← Newer' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Page 3' })).toHaveAttribute('href', '/page/3/');
  });

  it('appends the next page in place with "Load more", keeping the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Latest news' });
    expect(screen.getAllByRole('article')).toHaveLength(10);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    // The status is there before page 2 arrives: wait for what it says once it has.
    await waitFor(() =>
      expect(within(screen.getByRole('main')).getByRole('status')).toHaveTextContent(
        'Showing pages 1 to 2 of 4',
      ),
    );
    expect(screen.getAllByRole('article')).toHaveLength(20);
    expect(router.state.location.pathname).toBe('/');
  });

  it('shows not-found for a page past the end', async () => {
    renderRoute('/page/999/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
  });

  it('accepts only whole page numbers from 2 in page/N/ (page 1 is the list itself)', () => {
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage('3')).toBe(3);
    expect(parsePage('12')).toBe(12);
    expect(parsePage('1')).toBeUndefined();
    expect(parsePage('0')).toBeUndefined();
    expect(parsePage('2.5')).toBeUndefined();
    expect(parsePage('abc')).toBeUndefined();
  });
});
