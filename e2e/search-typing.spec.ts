/**
 * Typing in the header's search box at a reader's pace: every key is kept, and the URL
 * follows the box. The box asks for the search page after a short pause, and that
 * navigation lands (after the search page's code and the root loader) while the reader is
 * still typing: the letters typed meanwhile must survive it, from any page.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SEED_SLUG, articlePath, readSeed } from './seed.ts';

const seed = readSeed();

/** The Turkish article that names İstanbul (as "İstanbul’daki"). */
const ISTANBUL_TITLE = 'Tahıl koridorunun kapanmasının ardından un ve ekmek fiyatları gündemde';

const STARTS = [
  { name: 'the home page', path: '/' },
  { name: 'an article', path: articlePath(SEED_SLUG) },
  { name: 'the search page', path: '/search/' },
] as const;

/** Milliseconds between keys; `cpu` slows the page's processor down that many times. */
const PACES = [
  { delay: 50, cpu: 1 },
  { delay: 150, cpu: 1 },
  { delay: 300, cpu: 1 },
  { delay: 150, cpu: 4 },
] as const;

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search articles' });

/** The page's URL holds exactly this query (read decoded, so "İ" compares as itself). */
async function expectUrlQuery(page: Page, query: string) {
  await expect(page).toHaveURL(
    (url) => url.pathname === '/search/' && url.searchParams.get('q') === query,
  );
}

async function typeQuery(page: Page, query: string, delay: number) {
  const box = searchBox(page);
  await box.click();
  await box.pressSequentially(query, { delay });
  // The URL follows the box: once it holds the whole query, no navigation is left that
  // could still change the box.
  await expectUrlQuery(page, query);
  await expect(box).toHaveValue(query);
}

const resultLink = (page: Page, title: string) =>
  page.getByRole('main').getByRole('listitem').getByRole('link', { name: title, exact: true });

for (const start of STARTS) {
  for (const { delay, cpu } of PACES) {
    const pace = `${delay} ms a key${cpu > 1 ? `, the processor ${cpu}x slower` : ''}`;
    test(`from ${start.name}, typing at ${pace} keeps every letter`, async ({ page }) => {
      if (cpu > 1) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      }

      await page.goto(start.path);
      await typeQuery(page, 'Bibby', delay);
      await expect(resultLink(page, seed.title)).toBeVisible();
      await expect(page.getByRole('main').getByRole('status')).toHaveText(/^\d+ results?$/);

      await page.goto(start.path);
      await typeQuery(page, 'İstanbul', delay);
      await expect(resultLink(page, ISTANBUL_TITLE)).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “İstanbul”');
    });
  }
}

test('a query nothing matches is named exactly in the message', async ({ page }) => {
  await page.goto(articlePath(SEED_SLUG));
  await typeQuery(page, 'İstanbulzz', 150);
  await expect(page.getByRole('main').getByRole('status')).toHaveText('0 results');
  await expect(page.getByText('No articles match “İstanbulzz”.', { exact: false })).toBeVisible();
});

test('Back returns to the earlier search, in the box and in the URL', async ({ page }) => {
  await page.goto('/');
  await typeQuery(page, 'Bibby', 150);
  await searchBox(page).press('Enter');
  await expect(resultLink(page, seed.title)).toBeVisible();

  await searchBox(page).fill('');
  await typeQuery(page, 'İstanbul', 150);
  await searchBox(page).press('Enter');
  await expect(resultLink(page, ISTANBUL_TITLE)).toBeVisible();

  await page.goBack();
  await expectUrlQuery(page, 'Bibby');
  await expect(searchBox(page)).toHaveValue('Bibby');
  await expect(resultLink(page, seed.title)).toBeVisible();

  await page.goForward();
  await expectUrlQuery(page, 'İstanbul');
  await expect(searchBox(page)).toHaveValue('İstanbul');
});

test('a link from the results empties the box; Back brings the query back', async ({ page }) => {
  await page.goto(articlePath(SEED_SLUG));
  await typeQuery(page, 'Bibby', 150);
  await resultLink(page, seed.title).click();
  await expect(page).toHaveURL(articlePath(SEED_SLUG));
  await expect(searchBox(page)).toHaveValue('');
  await page.goBack();
  await expectUrlQuery(page, 'Bibby');
  await expect(searchBox(page)).toHaveValue('Bibby');
});
