import { NOT_FOUND_ERRORS, OFFLINE_ERRORS, expect, test } from './fixtures.ts';
import { findCardLink, latestHeading } from './home.ts';
import { SEED_SLUG, articlePath, readSeed } from './seed.ts';

const seed = readSeed();

test('a deep link to an article loads it', async ({ page }) => {
  const response = await page.goto(articlePath(SEED_SLUG));
  expect(response?.status()).toBe(200);
  await expect(
    page.getByRole('heading', { level: 1, name: seed.title, exact: true }),
  ).toBeVisible();
});

test('an unknown article shows "Page not found" with a way home', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(...NOT_FOUND_ERRORS);
  await page.goto('/no-such-article/');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle(/Page not found/);

  const home = page.getByRole('main').getByRole('link', { name: 'Go to the latest news' });
  await expect(home).toHaveAttribute('href', '/');
  await home.click();
  await expect(latestHeading(page)).toBeVisible();
});

test('a page of the list past the end is not found', async ({ page, consoleGuard }) => {
  consoleGuard.allow(...NOT_FOUND_ERRORS);
  await page.goto('/page/999/');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('a failed load shows an error view whose Retry recovers once the network is back', async ({
  page,
  context,
  consoleGuard,
}) => {
  await page.goto('/');
  // Not hovered before going offline: hovering would prefetch the article while online.
  const card = await findCardLink(page, seed.title);

  consoleGuard.allow(...OFFLINE_ERRORS);
  await context.setOffline(true);
  await card.click();
  await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible({
    timeout: 20_000,
  });
  const retry = page.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible();

  await context.setOffline(false);
  await retry.click();
  await expect(
    page.getByRole('heading', { level: 1, name: seed.title, exact: true }),
  ).toBeVisible();
  await expect(page).toHaveURL(articlePath(SEED_SLUG));
});

test('home pages link to each other', async ({ page }) => {
  // 31 articles, ten a page, counted from the oldest: pages 1-3 full, page 4 open with one.
  await page.goto('/page/3/');
  await expect(latestHeading(page, 3)).toBeVisible();
  await page.getByRole('link', { name: '← Newer' }).click();
  await expect(latestHeading(page, 4)).toBeVisible();
  await expect(page).toHaveURL('/page/4/');
  // The open page's Newer is the front.
  await page.getByRole('link', { name: '← Newer' }).click();
  await expect(latestHeading(page)).toBeVisible();
  await expect(page).toHaveURL('/');

  // The front shows pages 4 and 3; its Older is page 2.
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(latestHeading(page, 2)).toBeVisible();
  await expect(page).toHaveURL('/page/2/');
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(latestHeading(page, 1)).toBeVisible();
  await expect(page).toHaveURL('/page/1/');
  await expect(page.getByRole('link', { name: 'Older →' })).toHaveCount(0);
});
