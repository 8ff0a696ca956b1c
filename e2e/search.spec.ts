import { expect, test } from './fixtures.ts';
import { SEED_SLUG, articlePath, readSeed } from './seed.ts';

const seed = readSeed();

test('nothing of search loads until the reader uses it; then "Bibby" finds the seed article, highlighted', async ({
  page,
}) => {
  const searchRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/search/')) searchRequests.push(request.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  expect(searchRequests).toEqual([]);

  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await expect(box).toBeFocused();
  await box.pressSequentially('Bibby');
  await expect(page).toHaveURL('/search/?q=Bibby');
  const result = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: seed.title }) });
  await expect(result).toBeVisible();
  await expect(result.locator('mark').first()).toHaveText('Bibby');
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/^\d+ results?$/);
  expect(searchRequests.length).toBeGreaterThan(0);

  await result.getByRole('link', { name: seed.title }).click();
  await expect(page).toHaveURL(articlePath(SEED_SLUG));
  await page.goBack();
  await expect(page).toHaveURL('/search/?q=Bibby');
  await expect(box).toHaveValue('Bibby');
});

test('matches whatever the case, and filters by section, kept in the URL', async ({ page }) => {
  await page.goto('/search/?q=TURKIYE');
  await expect(page.getByRole('link', { name: seed.title })).toBeVisible();
  await page.getByRole('combobox', { name: 'Section' }).selectOption('news');
  await expect(page).toHaveURL('/search/?q=TURKIYE&section=news');
  await expect(page.getByRole('link', { name: seed.title })).toHaveCount(0);
});

test('no results says so and offers the latest articles; clear empties the box', async ({
  page,
}) => {
  await page.goto('/search/?q=zzyzx');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('0 results');
  await expect(page.getByText('No articles match “zzyzx”.', { exact: false })).toBeVisible();
  await expect(page.getByRole('article').first()).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toHaveValue('');
  await expect(page).toHaveURL('/search/');
});
