/**
 * Reading with no network (decision 011): articles opened online read in full offline,
 * from a reload or a link, with their photos; lists show what was kept; a notice says the
 * reader is offline and when it is back; the query cache kept in IndexedDB draws a page
 * the worker never saw; and a browser without IndexedDB still reads.
 */
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { findCardLink, latestHeading } from './home.ts';
import { builtArticles, expectReadable, workerInCharge } from './offline/reading.ts';

const OFFLINE_ERRORS = /ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/;

/**
 * Chromium 150 loads a document under emulated offline with `navigator.onLine` true, where a
 * device without a network says false; cutting the network again while the page is open
 * tells the page, as a device's own network change would.
 */
async function tellPageOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
  await context.setOffline(true);
}

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('20 of 20 articles opened online read in full offline', async ({
    page,
    context,
    consoleGuard,
  }) => {
    test.setTimeout(180_000);
    consoleGuard.allow(OFFLINE_ERRORS);
    const articles = builtArticles().slice(0, 20);
    expect(articles).toHaveLength(20);
    // The first is the page the reader lands on, fetched before the worker was there.
    const [landing] = articles;
    if (landing === undefined) throw new Error('no articles');
    await page.goto(`/${landing.slug}/`);
    await expectReadable(page, landing);
    await workerInCharge(page);

    // Of the others, half are opened as pages, half by following a card in the app (only
    // their data and photos are fetched then, never their HTML).
    for (const [index, article] of articles.entries()) {
      if (index === 0) continue;
      if (index % 2 === 0) {
        await page.goto(`/${article.slug}/`);
      } else {
        await page.goto('/');
        await (await findCardLink(page, article.title)).click();
      }
      await expectReadable(page, article);
    }

    await context.setOffline(true);
    let read = 0;
    for (const article of articles) {
      await page.goto(`/${article.slug}/`);
      await expectReadable(page, article);
      read += 1;
    }
    console.log(`offline: ${read} of ${articles.length} articles read offline`);
    expect(read).toBe(20);
    await tellPageOffline(context);
    await expect(page.getByText('You are offline.')).toBeVisible();

    // The latest list as it was last seen, and a link from it that works.
    await page.goto('/');
    await expect(latestHeading(page)).toBeVisible();
    const first = articles[0];
    if (first === undefined) throw new Error('no articles');
    await page.getByRole('main').getByRole('link', { name: first.title, exact: true }).click();
    await expectReadable(page, first);

    await tellPageOffline(context);
    await context.setOffline(false);
    await expect(page.getByText('You are back online.')).toBeVisible();
    await expect(page.getByText('You are back online.')).toBeHidden({ timeout: 10_000 });
  });

  test('a page the worker never kept is drawn from the cache kept in IndexedDB', async ({
    page,
    context,
    consoleGuard,
  }) => {
    consoleGuard.allow(OFFLINE_ERRORS);
    const article = builtArticles()[3];
    if (article === undefined) throw new Error('no articles');
    await page.goto('/');
    await workerInCharge(page);
    await (await findCardLink(page, article.title)).click();
    await expectReadable(page, article);
    // Kept once the cache settles (saves are coalesced for a second).
    await expect
      .poll(() =>
        page.evaluate(
          (slug) =>
            new Promise<boolean>((resolve) => {
              const request = indexedDB.open('reader-cache');
              request.onsuccess = () => {
                const read = request.result
                  .transaction('queries')
                  .objectStore('queries')
                  .get('queries');
                read.onsuccess = () => {
                  // The article's own query, not the list that names it.
                  const kept = read.result as
                    { clientState: { queries: { queryKey: unknown[] }[] } } | undefined;
                  resolve(
                    (kept?.clientState.queries ?? []).some(
                      ({ queryKey }) => queryKey[1] === 'detail' && queryKey[2] === slug,
                    ),
                  );
                };
                read.onerror = () => resolve(false);
              };
              request.onerror = () => resolve(false);
            }),
          article.slug,
        ),
      )
      .toBe(true);
    // Without the worker's copies of the page and its data, only IndexedDB has the article.
    await page.evaluate(() =>
      Promise.all([caches.delete('reader-pages'), caches.delete('reader-data')]),
    );
    await context.setOffline(true);
    await page.goto(`/${article.slug}/`);
    await expectReadable(page, article);
  });
});

test('with no IndexedDB the reader reads as before, and says it cannot save', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined });
  });
  const [article] = builtArticles();
  if (article === undefined) throw new Error('no articles');
  await page.goto('/');
  await (await findCardLink(page, article.title)).click();
  await expectReadable(page, article);
  await expect(page.getByRole('button', { name: /Save for later/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Saved', exact: true }).click();
  await expect(page.getByText(/does not let the reader keep articles/)).toBeVisible();
});
