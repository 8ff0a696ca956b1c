import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { describe, expect, it } from 'vitest';
import { SearchBox } from './search-box.tsx';

/**
 * The box above an outlet. With `codeWaits`, the search page's code arrives only when the
 * test lets it: the navigation the box asks for stays pending while the reader types on.
 */
async function renderBox(url: string, { codeWaits = false } = {}) {
  let release = () => {};
  const codeArrives = new Promise<void>((resolve) => {
    release = resolve;
  });
  if (!codeWaits) release();
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <>
            <SearchBox />
            <Outlet />
          </>
        ),
        children: [
          { index: true, element: <p>Home</p> },
          {
            path: 'search',
            lazy: async () => {
              await codeArrives;
              return { element: <p>Results</p> };
            },
          },
          { path: 'article', element: <p>Article</p> },
        ],
      },
    ],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const box = await screen.findByRole('searchbox', { name: 'Search articles' });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
  return { router, box, pause, release };
}

const query = (router: ReturnType<typeof createMemoryRouter>) =>
  new URLSearchParams(router.state.location.search).get('q');

describe('SearchBox', () => {
  it('keeps the letters typed while its navigation to the search page is pending', async () => {
    const user = userEvent.setup();
    const { router, box, pause, release } = await renderBox('/', { codeWaits: true });
    await user.type(box, 'B');
    await pause(); // The box asks for /search/?q=B, whose code has not come yet.
    await user.type(box, 'i');
    expect(box).toHaveValue('Bi');
    await act(async () => {
      release();
      await pause();
    });
    expect(router.state.location.pathname).toBe('/search/');
    expect(query(router)).toBe('Bi');
    expect(box).toHaveValue('Bi');
    await user.type(box, 'bby');
    await waitFor(() => expect(query(router)).toBe('Bibby'));
    expect(box).toHaveValue('Bibby');
  });

  it('shows the query of a page it did not ask for: Back, a link', async () => {
    const user = userEvent.setup();
    const { router, box } = await renderBox('/search/?q=first');
    expect(box).toHaveValue('first');
    // Enter keeps this search in the history: the next query starts an entry of its own.
    await user.type(box, '{Enter}');
    await user.clear(box);
    await user.type(box, 'second');
    await waitFor(() => expect(query(router)).toBe('second'));
    await act(() => router.navigate(-1));
    expect(box).toHaveValue('first');
    await act(() => router.navigate('/article'));
    expect(box).toHaveValue('');
  });

  it('asks for nothing while an input method is composing', async () => {
    const { router, box, pause } = await renderBox('/');
    fireEvent.compositionStart(box);
    fireEvent.change(box, { target: { value: 'に' } });
    await act(pause);
    expect(router.state.location.pathname).toBe('/');
    fireEvent.change(box, { target: { value: '日本' } });
    fireEvent.compositionEnd(box);
    await waitFor(() => expect(query(router)).toBe('日本'));
  });
});
