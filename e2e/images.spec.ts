/** Photos come in the width and format the screen needs; nothing moves when they arrive. */
import { expect, test } from './fixtures.ts';
import { articlePath } from './seed.ts';

const FERRY = articlePath('20230818-ferry-operators-report-busy-summer-on-aegean-routes');

for (const { name, viewport, expected } of [
  { name: 'a phone', viewport: { width: 390, height: 844 }, expected: 'aegean-ferry-480.avif' },
  { name: 'a desktop', viewport: { width: 1280, height: 800 }, expected: 'aegean-ferry-800.avif' },
]) {
  test(`the hero photo is an AVIF sized for ${name}, fetched first, never lazily`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(FERRY);
    const hero = page.locator('figure.figure--hero img');
    await expect(hero).toHaveAttribute('fetchpriority', 'high');
    await expect(hero).toHaveAttribute('loading', 'eager');
    await expect(hero).toHaveAttribute('width', '1600');
    await expect(hero).toHaveAttribute('height', '900');
    await expect
      .poll(() => hero.evaluate((image: HTMLImageElement) => image.complete && image.currentSrc))
      .toMatch(new RegExp(`/images/${expected}$`));
  });
}

test('list thumbnails below the first screenful load lazily', async ({ page }) => {
  await page.goto('/');
  const thumbnails = page.locator('.card__image');
  await expect(thumbnails.first()).toHaveAttribute('loading', 'eager');
  await expect(thumbnails.last()).toHaveAttribute('loading', 'lazy');
  for (const image of await thumbnails.all()) {
    await expect(image).toHaveAttribute('width', /\d+/);
    await expect(image).toHaveAttribute('height', /\d+/);
  }
});
