// IndexedDB for jsdom: an in-memory implementation of the standard.
import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiPaths, ArticleSchema, type Article } from '../../contract/article.ts';
import { importLibraryFile, toLibraryFile } from '../../features/saved/api/library-file.ts';
import { clearLibrary, saveArticle } from '../../features/saved/api/library-store.ts';
import { getJson } from '../../lib/api-client.ts';
import { renderRoute } from '../../test/render-route.tsx';

const SEED = '20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs';
let seed: Article;

beforeEach(async () => {
  await clearLibrary();
  seed = await getJson(apiPaths.article(SEED), ArticleSchema);
});

describe('the saved area', () => {
  it('lists a copy from a file as the reader’s own, leading to it in the Saved area', async () => {
    const user = userEvent.setup();
    await saveArticle(seed);
    const imported = { ...seed, slug: 'a-friends-notes', title: 'A friend’s notes' };
    await importLibraryFile(
      'friend.json',
      toLibraryFile([{ savedAt: '2024-01-01T00:00:00.000Z', article: imported }]),
    );
    const { router } = renderRoute('/saved/');
    const fromSite = await screen.findByRole('link', { name: seed.title });
    expect(fromSite).toHaveAttribute('href', `/${SEED}/`);
    const fromFile = screen.getByRole('link', { name: 'A friend’s notes' });
    expect(fromFile).toHaveAttribute('href', '/saved/a-friends-notes/');
    const card = fromFile.closest('article');
    if (card === null) throw new Error('the imported copy has no card');
    expect(within(card).getByText('Your copy, imported from a file')).toBeInTheDocument();

    await user.click(fromFile);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'A friend’s notes' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/saved/a-friends-notes/');
    expect(screen.getByRole('note')).toHaveTextContent(/not published by Middle East Monitor/);
  });

  it('reads a copy saved from the site with a link to the current version', async () => {
    await saveArticle(seed);
    renderRoute(`/saved/${SEED}/`);
    expect(await screen.findByRole('heading', { level: 1, name: seed.title })).toBeInTheDocument();
    expect(
      within(screen.getByRole('note')).getByRole('link', { name: 'Read the current version' }),
    ).toHaveAttribute('href', `/${SEED}/`);
  });

  it('has no copy of an article never saved here', async () => {
    renderRoute('/saved/never-saved-here/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
  });
});
