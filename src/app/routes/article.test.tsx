// IndexedDB for jsdom, for the saved copies the route may fall back to.
import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { apiPaths, ArticleSchema } from '../../contract/article.ts';
import { importLibraryFile, toLibraryFile } from '../../features/saved/api/library-file.ts';
import { clearLibrary, saveArticle } from '../../features/saved/api/library-store.ts';
import { getJson } from '../../lib/api-client.ts';
import { renderRoute } from '../../test/render-route.tsx';

const SEED = '/20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs/';
const TITLE = 'UK, Turkiye strike deal to ‘disrupt and dismantle’ human smuggling gangs';

describe('the article route', () => {
  it('renders the seed article with its dateline, captioned hero and READ links', async () => {
    renderRoute(SEED);
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();

    const dateline = screen.getByText('August 9, 2023 at 7:03 pm');
    expect(dateline.tagName).toBe('TIME');
    expect(dateline).toHaveAttribute('datetime', '2023-08-09T19:03:00+01:00');
    expect(screen.getByText('By Middle East Monitor')).toBeInTheDocument();

    const figure = screen.getByRole('figure');
    const image = within(figure).getByRole('img');
    expect(image).toHaveAttribute('width');
    expect(image).toHaveAttribute('height');
    const caption = figure.querySelector('figcaption');
    expect(caption).toHaveTextContent(
      /^Image caption, Minister of State .* on July 18, 2023\s*Image source, Wiktor Szymanowicz\/Future Publishing via Getty Images$/,
    );

    const reads = screen.getAllByRole('complementary', { name: /^Read: / });
    expect(reads.map((read) => within(read).getByRole('link').getAttribute('href'))).toEqual([
      '/20230807-1st-batch-of-migrants-in-uk-moved-to-bibby-stockholm-barge-more-expected/',
      '/20230807-uk-increases-fines-for-bosses-landlords-supporting-illegal-migrants/',
    ]);
    expect(document.title).toBe(`${TITLE} | Middle East Monitor`);
  });

  it('follows a READ link in the app', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute(SEED);
    const [firstRead] = await screen.findAllByRole('complementary', { name: /^Read: / });
    if (firstRead === undefined) throw new Error('no READ link on the seed article');
    await user.click(within(firstRead).getByRole('link'));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: '1st batch of migrants in UK moved to Bibby Stockholm barge, more expected',
      }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(
      '/20230807-1st-batch-of-migrants-in-uk-moved-to-bibby-stockholm-barge-more-expected/',
    );
  });

  it('shows not-found for an unknown slug, with a link home', async () => {
    renderRoute('/no-such-article/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the latest news' })).toHaveAttribute(
      'href',
      '/',
    );
  });
});

const SEED_SLUG = SEED.slice(1, -1);

describe('a path the host answered with its 404 page', () => {
  beforeEach(() => clearLibrary());
  afterEach(() => vi.restoreAllMocks());

  /** The API paths fetched while the page at `url` was drawn. */
  function watchFetches() {
    const fetching = vi.spyOn(globalThis, 'fetch');
    return () =>
      fetching.mock.calls.map(([input]) =>
        new URL(input instanceof Request ? input.url : String(input)).pathname.replace(
          /^.*\/api\//,
          '',
        ),
      );
  }

  it('is not found without asking the API for an article', async () => {
    const fetched = watchFetches();
    renderRoute('/no-such-article/', { missingPath: '/no-such-article/' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(fetched().filter((file) => file.startsWith('articles/'))).toEqual([]);
  });

  it('still shows a copy the reader saved from this site', async () => {
    await saveArticle(await getJson(apiPaths.article(SEED_SLUG), ArticleSchema));
    renderRoute(SEED, { missingPath: SEED });
    // (Shown as old data, the page then asks the API for a newer version in the background.)
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();
  });

  it('asks for an article at any other path', async () => {
    const fetched = watchFetches();
    renderRoute(SEED, { missingPath: '/no-such-article/' });
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();
    expect(fetched()).toContain(`articles/${SEED_SLUG}.json`);
  });
});
const FORGED = 'FORGED: Ministers resign over smuggling deal';

/** A file of saved articles holding the seed article as `slug`, under a forged headline. */
async function importForged(slug: string) {
  const seed = await getJson(apiPaths.article(SEED_SLUG), ArticleSchema);
  const forged = { ...seed, slug, title: FORGED };
  await importLibraryFile(
    'forged.json',
    toLibraryFile([{ savedAt: new Date().toISOString(), article: forged }]),
  );
  return seed;
}

/** The API as a failing server leaves it: nothing answers (a refused connection). */
function failApi() {
  vi.stubEnv('VITE_API_BASE_URL', 'http://127.0.0.1:9/api/');
}

describe('hostile file: a saved-articles file that forges a page of the site', () => {
  beforeEach(() => clearLibrary());
  afterEach(() => {
    vi.stubEnv('VITE_API_BASE_URL', inject('apiBaseUrl'));
  });

  it('a slug the site never had is not found at its address', async () => {
    await importForged('forged-breaking-news');
    renderRoute('/forged-breaking-news/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(FORGED)).not.toBeInTheDocument();
  });

  it('the imported copy reads in the Saved area, marked as the reader’s own', async () => {
    await importForged('forged-breaking-news');
    renderRoute('/saved/forged-breaking-news/');
    expect(await screen.findByRole('heading', { level: 1, name: FORGED })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(
      'Your saved copy, imported from a file — not published by Middle East Monitor.',
    );
    expect(document.title).toBe(`Your saved copy: ${FORGED} | Middle East Monitor`);
    // The site's name is never its byline.
    expect(screen.queryByText('By Middle East Monitor')).not.toBeInTheDocument();
  });

  it('the live article wins over a forged copy of it', async () => {
    await importForged(SEED_SLUG);
    renderRoute(SEED);
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();
    expect(screen.queryByText(FORGED)).not.toBeInTheDocument();
  });

  it('with the API failing, the error view shows, never the forged copy', async () => {
    await importForged(SEED_SLUG);
    failApi();
    renderRoute(SEED);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This page could not be loaded' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(FORGED)).not.toBeInTheDocument();
  });

  it('with the API failing, a copy the reader saved from this site still reads', async () => {
    const seed = await getJson(apiPaths.article(SEED_SLUG), ArticleSchema);
    await saveArticle(seed);
    failApi();
    renderRoute(SEED);
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeInTheDocument();
  });
});

describe('hostile file: an address whose parameters are not names', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Every URL the app fetched while `url` was shown. */
  async function fetchedFor(url: string): Promise<string[]> {
    const fetching = vi.spyOn(globalThis, 'fetch');
    renderRoute(url);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    return fetching.mock.calls.map(([input]) =>
      input instanceof Request ? input.url : String(input),
    );
  }

  it.each([
    ['an article slug that climbs out of the API', '/..%2F..%2Fmanifest.webmanifest%3F/'],
    ['an article slug that names another API file', '/..%2Fsections.json%3F/'],
    ['an article slug with a NUL', '/forged%00news/'],
    ['an article slug in capitals', '/Forged-News/'],
    ['a tag that climbs out of the API', '/tags/..%2F..%2Fmanifest.webmanifest%3F/'],
    ['an author that climbs out of the API', '/author/..%2F..%2Fmanifest.webmanifest%3F/'],
    ['a section that climbs out of the API', '/category/..%2F..%2Fmanifest.webmanifest%3F/'],
    ['a page number that is not a number', '/tags/uk/page/..%2F1/'],
    ['a saved copy’s slug that climbs out', '/saved/..%2F..%2Fmanifest.webmanifest%3F/'],
  ])('%s is not found, and nothing outside the API is fetched', async (_, url) => {
    const fetched = await fetchedFor(url);
    const base = inject('apiBaseUrl');
    // At most the section menu, beside every page; never the crafted path.
    expect(fetched.filter((href) => href !== `${base}sections.json`)).toEqual([]);
  });
});
