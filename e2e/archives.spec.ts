import { expect, NOT_FOUND_ERRORS, test } from './fixtures.ts';
import { SEED_SLUG, articlePath, readSeed } from './seed.ts';

const seed = readSeed();

test('from the home page to a country front through its region, paged with the page in the URL', async ({
  page,
}) => {
  await page.goto('/');
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('link', { name: 'Europe & Russia', exact: true }).click();
  await expect(page).toHaveURL('/category/europe-russia/');
  await expect(page.getByRole('heading', { level: 1, name: 'Europe & Russia' })).toBeVisible();
  await expect(
    sections.getByRole('link', { name: 'Europe & Russia', exact: true }),
  ).toHaveAttribute('aria-current', 'page');

  await page
    .getByRole('navigation', { name: 'In Europe & Russia' })
    .getByRole('link', { name: 'Turkiye', exact: true })
    .click();
  await expect(page).toHaveURL('/category/europe-russia/turkiye/');
  await expect(page.getByRole('heading', { level: 1, name: 'Turkiye' })).toBeVisible();
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb.getByRole('link', { name: 'Europe & Russia' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(4);
});

test('a tag page from an article', async ({ page }) => {
  await page.goto(articlePath(SEED_SLUG));
  await expect(
    page.getByRole('heading', { level: 1, name: seed.title, exact: true }),
  ).toBeVisible();
  await page
    .getByRole('region', { name: 'Tags' })
    .getByRole('link', { name: 'Migration', exact: true })
    .click();
  await expect(page).toHaveURL('/tags/migration/');
  await expect(page.getByRole('heading', { level: 1, name: 'Migration' })).toBeVisible();
  await expect(page.getByRole('link', { name: seed.title, exact: true })).toBeVisible();
});

test('"Load more" appends the next older page in place; numbered links page through', async ({
  page,
}) => {
  await page.goto('/');
  const cards = page.getByRole('article');
  // 31 articles, ten a page from the oldest: the front shows open page 4's one and page 3.
  await expect(cards).toHaveCount(11);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(cards).toHaveCount(21);
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Showing 21 stories');
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(cards).toHaveCount(31);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('link', { name: 'Page 1' })
    .click();
  await expect(page).toHaveURL('/page/1/');
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news, page 1' })).toBeVisible();
  await expect(cards).toHaveCount(10);
  // The oldest page: nothing older to load or link.
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Older →' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '← Newer' })).toHaveAttribute('href', '/page/2/');
});

test('an author page from a byline', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Opinion', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opinion' })).toBeVisible();
  await page.getByRole('article').first().getByRole('link').first().click();
  const byline = page.locator('.byline').getByRole('link').first();
  const name = (await byline.textContent()) ?? '';
  await byline.click();
  await expect(page).toHaveURL(/\/author\/[a-z-]+\/$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('an unknown section, tag or author is not found', async ({ page, consoleGuard }) => {
  consoleGuard.allow(...NOT_FOUND_ERRORS);
  for (const url of [
    '/category/atlantis/',
    '/tags/no-such-tag/',
    '/author/nobody/',
    '/tags/uk/page/99/',
  ]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: /not found/i })).toBeVisible();
  }
});
