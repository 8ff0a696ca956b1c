/**
 * A deploy while a reader has the reader open: the page's lazily loaded chunks (search's
 * code) are gone from the host, as their names are content hashes. The reader going to
 * search must get the new version, loaded afresh at the URL they were going to, and never a
 * blank page; a host that fails the chunk for good gets one reload, then the error view.
 */
import type { Page } from '@playwright/test';
import { NOT_FOUND_ERRORS, expect, test } from './fixtures.ts';
import { latestHeading, setMarker } from './home.ts';

const SEARCH_VIEW = /\/assets\/search-view-[\w-]+\.js$/;
/** The index code, which the view imports and the search box loads as the reader types. */
const SEARCH_INDEX = /\/assets\/search-index-[\w-]+\.js$/;

/** The lazily loaded chunks. */
const CHUNKS = [
  { name: 'the search view', file: SEARCH_VIEW },
  { name: 'the search index code', file: SEARCH_INDEX },
];

/** Full page loads from now on (the main frame's document requests). */
function pageLoads(page: Page): string[] {
  const loads: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      loads.push(new URL(request.url()).pathname + new URL(request.url()).search);
    }
  });
  return loads;
}

/** Opens the home page; returns the full page loads from then on. */
async function openHome(page: Page): Promise<string[]> {
  await page.goto('/');
  await expect(latestHeading(page)).toBeVisible();
  await setMarker(page);
  return pageLoads(page);
}

/** Types a search in the header, as a reader going to search from any page does. */
async function search(page: Page, query: string) {
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(query);
}

for (const chunk of CHUNKS) {
  test(`a reader going to search after a deploy gets the new version (${chunk.name} gone)`, async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(...NOT_FOUND_ERRORS);
    const loads = await openHome(page);
    // The old page's requests for the chunk find nothing; once the page is loaded afresh,
    // the host serves the new build's files (here the same ones).
    let missing = 0;
    await page.route(chunk.file, async (route) => {
      if (loads.length > 0) return route.continue();
      missing += 1;
      return route.fulfill({ status: 404, body: 'Not found' });
    });

    await search(page, 'smuggling');
    await expect(page).toHaveURL('/search/?q=smuggling');
    await expect(page.locator('html[data-app="ready"]')).toBeAttached();
    await expect(
      page.getByRole('main').getByRole('heading', { level: 1, name: 'Results for “smuggling”' }),
    ).toBeVisible();
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(missing, 'the old page asked for the chunk').toBeGreaterThan(0);
    expect(loads, 'loaded afresh once, where the reader was going').toEqual([
      '/search/?q=smuggling',
    ]);
    expect(
      await page.evaluate(() => Reflect.get(window, '__marker') as unknown),
      'a new document',
    ).toBeUndefined();
  });
}

test('a chunk missing for good reloads once, then shows the error view, not a blank page', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(...NOT_FOUND_ERRORS);
  const loads = await openHome(page);
  await page.route(SEARCH_VIEW, (route) => route.fulfill({ status: 404, body: 'Not found' }));

  await search(page, 'smuggling');
  await expect(page).toHaveURL('/search/?q=smuggling');
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Middle East Monitor' }),
  ).toBeVisible();
  // No second reload comes later.
  await page.waitForTimeout(1500);
  expect(loads, 'one reload at most').toEqual(['/search/?q=smuggling']);

  // Retry loads the page again: still broken, still the error view, and no loop.
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('html[data-app="ready"]')).toBeAttached();
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await page.waitForTimeout(1500);
  expect(loads).toEqual(['/search/?q=smuggling', '/search/?q=smuggling']);
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();

  // Once the host serves the file, Retry brings search.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
});
