/**
 * A file of saved articles puts no page on the site (decision 015). A crafted file once made
 * `/forged-breaking-news/` show "FORGED …" under the site's masthead at the site's own
 * address, and, with the API failing, replaced the real article. Here the same file is
 * imported in real Chromium: the forged slug is not found at the site's address, its copy
 * reads only in the Saved area, marked as the reader's own, and the real article (or an
 * error) is shown when the API fails, never the forged copy. A crafted address never makes
 * the app fetch outside its API.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Article } from '../src/contract/article.ts';
import { expect, NOT_FOUND_ERRORS, test } from './fixtures.ts';
import { findCardLink } from './home.ts';

const SEED = '20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs';
const FORGED = 'FORGED: Ministers resign as smuggling deal collapses';
const TITLE = 'UK, Turkiye strike deal to ‘disrupt and dismantle’ human smuggling gangs';
const SITE_NAME = 'Middle East Monitor';

/** The file an attacker hands the reader: the seed article under a forged headline, twice. */
function forgedFile(): Buffer {
  const file = path.resolve(import.meta.dirname, '..', 'dist', 'api', 'articles', `${SEED}.json`);
  const seed = JSON.parse(readFileSync(file, 'utf8')) as Article;
  const savedAt = new Date().toISOString();
  const forged = (slug: string) => ({ savedAt, article: { ...seed, slug, title: FORGED } });
  return Buffer.from(
    JSON.stringify({
      format: 'news-reader/saved-articles',
      version: 1,
      exportedAt: savedAt,
      articles: [forged('forged-breaking-news'), forged(SEED)],
    }),
  );
}

async function importForged(page: Page) {
  await page.goto('/saved/');
  await expect(page.getByText('Nothing saved yet.')).toBeVisible();
  await page.getByLabel('Import saved articles').setInputFiles({
    name: 'breaking.json',
    mimeType: 'application/json',
    buffer: forgedFile(),
  });
  await expect(page.getByText('Imported: 2 added, 0 updated, 0 already here.')).toBeVisible();
}

test.describe('hostile file: a saved-articles file that forges pages of the site', () => {
  test('a slug the site never had is not found at its address, and reads only in the Saved area', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(...NOT_FOUND_ERRORS);
    await importForged(page);

    await page.goto('/forged-breaking-news/');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText(FORGED)).toHaveCount(0);

    // In the Saved area, each forged copy is marked as the reader's own and leads there.
    await page.goto('/saved/');
    const link = page.getByRole('link', { name: FORGED });
    await expect(link).toHaveCount(2);
    await expect(page.getByText('Your copy, imported from a file')).toHaveCount(2);
    await expect(link.first()).toHaveAttribute('href', /^\/saved\/(forged-breaking-news|\d{8}-)/);
    await page.goto('/saved/forged-breaking-news/');
    await expect(page.getByRole('heading', { level: 1, name: FORGED })).toBeVisible();
    await expect(page.getByRole('note')).toHaveText(
      `Your saved copy, imported from a file — not published by ${SITE_NAME}. All saved articles`,
    );
    await expect(page).toHaveTitle(`Your saved copy: ${FORGED} | ${SITE_NAME}`);
  });

  test('with the API failing for the real article, the real article or an error shows, never the forged copy', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(/status of 500/);
    await importForged(page);
    await page.route(`**/api/articles/${SEED}.json`, (route) =>
      route.fulfill({ status: 500, body: 'upstream failed' }),
    );

    // Followed in the app, where its data must be fetched: the error view, with Retry.
    await page.goto('/');
    await (await findCardLink(page, TITLE)).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'This page could not be loaded' }),
    ).toBeVisible();
    await expect(page.getByText(FORGED)).toHaveCount(0);

    // Opened as a page: the prerendered article, with its own data.
    await page.goto(`/${SEED}/`);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText(FORGED)).toHaveCount(0);
  });
});

test.describe('hostile file: an address that is not a slug', () => {
  test('/..%2F..%2Fmanifest.webmanifest%3F/ is not found, and the app fetches nothing outside its API', async ({
    page,
    baseURL,
  }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'fetch') fetched.push(request.url());
    });
    // Reached in the app (a link, the back button): the server itself may refuse the address
    // before the app could see it.
    await page.goto('/');
    await page.evaluate(() => {
      history.pushState(null, '', '/..%2F..%2Fmanifest.webmanifest%3F/');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(fetched.filter((url) => !url.startsWith(`${baseURL}api/`))).toEqual([]);
    expect(fetched.filter((url) => url.includes('manifest'))).toEqual([]);
  });
});
