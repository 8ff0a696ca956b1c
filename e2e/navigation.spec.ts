import { expect, test } from './fixtures.ts';
import {
  expectSameDocument,
  findCardLink,
  latestHeading,
  recordApiRequests,
  setMarker,
} from './home.ts';
import { READ_TARGETS, SEED_SLUG, articleJsonPath, articlePath, readSeed } from './seed.ts';

const seed = readSeed();
const [firstRead, secondRead] = seed.body.filter((block) => block.kind === 'read');
const seedHeading = { level: 1, name: seed.title, exact: true } as const;

test('home -> article -> READ link -> back, in one document, back served from the cache', async ({
  page,
}) => {
  await page.goto('/');
  await expect(latestHeading(page)).toBeVisible();
  await setMarker(page);

  const card = await findCardLink(page, seed.title);
  await card.click();
  await expect(page.getByRole('heading', seedHeading)).toBeVisible();
  await expect(page).toHaveURL(articlePath(SEED_SLUG));
  await expectSameDocument(page);

  const readLink = page
    .getByRole('complementary', { name: `Read: ${firstRead?.headline}`, exact: true })
    .getByRole('link');
  await readLink.click();
  await expect(
    page.getByRole('heading', { level: 1, name: firstRead?.headline, exact: true }),
  ).toBeVisible();
  await expect(page).toHaveURL(articlePath(READ_TARGETS[0]));
  await expectSameDocument(page);

  const requests = recordApiRequests(page);
  await page.goBack();
  await expect(page.getByRole('heading', seedHeading)).toBeVisible();
  await expect(page).toHaveURL(articlePath(SEED_SLUG));
  await expectSameDocument(page);
  expect(requests).not.toContain(articleJsonPath(SEED_SLUG));
});

test('going back restores the scroll position', async ({ page }) => {
  await page.goto(articlePath(SEED_SLUG));
  await expect(page.getByRole('heading', seedHeading)).toBeVisible();
  await setMarker(page);

  const readLink = page
    .getByRole('complementary', { name: `Read: ${secondRead?.headline}`, exact: true })
    .getByRole('link');
  await readLink.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  const scrolled = await page.evaluate(() => window.scrollY);

  await readLink.click();
  await expect(
    page.getByRole('heading', { level: 1, name: secondRead?.headline, exact: true }),
  ).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => window.scrollY), { message: 'a new page starts at the top' })
    .toBe(0);

  const requests = recordApiRequests(page);
  await page.goBack();
  await expect(page.getByRole('heading', seedHeading)).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => window.scrollY), { message: 'scroll position restored' })
    .toBeGreaterThan(scrolled - 50);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThanOrEqual(50);
  await expectSameDocument(page);
  expect(requests).not.toContain(articleJsonPath(SEED_SLUG));
});

test('hovering an article link prefetches its JSON, and the click uses it', async ({ page }) => {
  const requests = recordApiRequests(page);
  await page.goto('/');
  const card = await findCardLink(page, seed.title);
  const json = articleJsonPath(SEED_SLUG);
  expect(requests).not.toContain(json);

  const prefetched = page.waitForResponse((response) => new URL(response.url()).pathname === json);
  await card.hover();
  expect((await prefetched).ok()).toBe(true);
  await expect(page.getByRole('heading', seedHeading)).toHaveCount(0);
  expect(requests.filter((path) => path === json)).toHaveLength(1);

  await card.click();
  await expect(page.getByRole('heading', seedHeading)).toBeVisible();
  expect(requests.filter((path) => path === json)).toHaveLength(1);
});
