import { expect, test } from './fixtures.ts';
import { READ_TARGETS, SEED_SLUG, articlePath, escapeRegExp, readSeed, squash } from './seed.ts';

const seed = readSeed();

test.describe('the seed article renders as its source', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(articlePath(SEED_SLUG));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seed.title);
  });

  test('headline, dateline, hero image, caption and credit, title and description', async ({
    page,
  }) => {
    const article = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { level: 1 }) });

    const time = article.locator('header time').first();
    await expect(time).toHaveText(seed.dateline);
    await expect(time).toHaveAttribute('datetime', /\S/);

    const hero = article.getByRole('figure').first();
    const image = hero.locator('img');
    // The caption (the source's own) has a minister leave 10 Downing Street: the picture and
    // its alt text show that scene, and the picture is really there.
    await expect(image).toHaveAttribute('alt', /walking away from a black door marked 10/);
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(image).toHaveAttribute('width', /^\d+$/);
    await expect(image).toHaveAttribute('height', /^\d+$/);
    const caption = hero.locator('figcaption');
    await expect(caption).toHaveText(
      new RegExp(`${escapeRegExp(seed.caption)}[\\s\\S]*${escapeRegExp(seed.credit)}`),
    );
    await expect(caption).toContainText(seed.credit);

    await expect(page).toHaveTitle(`${seed.title} | Middle East Monitor`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S/);
  });

  test('every body paragraph in order, with the READ links where the source puts them', async ({
    page,
  }) => {
    const article = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { level: 1 }) });
    const expected = seed.body.map((block) =>
      block.kind === 'paragraph' ? block.text : `READ: ${block.headline}`,
    );
    const first = expected[0] ?? '';
    await expect(article.getByText(first, { exact: true })).toBeVisible();

    // Paragraphs and READ asides in document order: the source's body must be one unbroken run.
    const blocks = (await article.locator('p, aside').allInnerTexts()).map(squash);
    const start = blocks.indexOf(first);
    expect(start, 'the first body paragraph is on the page').toBeGreaterThanOrEqual(0);
    expect(blocks.slice(start, start + expected.length)).toEqual(expected);

    const reads = seed.body.filter((block) => block.kind === 'read');
    expect(reads).toHaveLength(READ_TARGETS.length);
    for (const [index, read] of reads.entries()) {
      const aside = article.getByRole('complementary', {
        name: `Read: ${read.headline}`,
        exact: true,
      });
      await expect(aside).toHaveCount(1);
      await expect(aside.getByText('READ:', { exact: true })).toBeVisible();
      const link = aside.getByRole('link', { name: read.headline, exact: true });
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', articlePath(READ_TARGETS[index] ?? ''));
    }

    // The first READ follows "...enforcement agencies."; the second closes the body.
    const firstReadIndex = expected.indexOf(`READ: ${reads[0]?.headline}`);
    expect(expected[firstReadIndex - 1]).toMatch(/enforcement agencies\.$/);
    const lastRead = article.getByRole('complementary', {
      name: `Read: ${reads.at(-1)?.headline}`,
      exact: true,
    });
    expect(await lastRead.evaluate((element) => element.nextElementSibling)).toBeNull();
  });
});
