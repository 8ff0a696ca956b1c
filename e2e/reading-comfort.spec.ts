/**
 * Reading comfort: themes, languages and right-to-left articles, relative times, Share,
 * print, forced colours. Each as a reader meets it in Chromium.
 */
import { expect, test } from './fixtures.ts';
import { SEED_SLUG, articlePath, readSeed } from './seed.ts';

const seed = readSeed();
const ARABIC_SLUG = '20230811-موجة-الحر-تزيد-الضغط-على-إمدادات-المياه-في-مدن-المنطقة';
const ARABIC_TITLE = 'موجة الحر تزيد الضغط على إمدادات المياه في مدن المنطقة';
const TURKISH_SLUG =
  '20230814-tahil-koridorunun-kapanmasinin-ardindan-un-ve-ekmek-fiyatlari-gundemde';
const TURKISH_TITLE = 'Tahıl koridorunun kapanmasının ardından un ve ekmek fiyatları gündemde';

const background = (element: Element) => getComputedStyle(element).backgroundColor;

test.describe('themes', () => {
  test('dark follows the system until the reader chooses', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await page.locator('body').evaluate(background)).toBe('rgb(18, 20, 19)');

    await page.emulateMedia({ colorScheme: 'light' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await page.locator('body').evaluate(background)).toBe('rgb(255, 255, 255)');
  });

  test('the toggle’s choice persists, and the next visit paints dark before any app code runs', async ({
    page,
    consoleGuard,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    // Without the app's JavaScript at all, the page is already dark: nothing can flash light.
    consoleGuard.allow(/assets\/.*\.js/, /Failed to load resource/);
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await page.locator('body').evaluate(background)).toBe('rgb(18, 20, 19)');

    await page.unrouteAll();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});

test.describe('languages', () => {
  test.use({ locale: 'tr-TR' });

  test('a Turkish browser gets the Turkish interface, with Turkish dates', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
    await expect(page.getByRole('heading', { level: 1, name: 'Son haberler' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Haberlerde ara' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'İçeriğe geç' })).toBeAttached();
    await expect(page.getByRole('navigation', { name: 'Bölümler' })).toBeVisible();
    // Every card's date is the interface's: Turkish month names.
    await expect(page.locator('.card__date time').first()).toHaveText(/^\d{1,2} Ağustos 2023$/);
    await expect(page.getByRole('button', { name: 'Daha fazla yükle' })).toBeVisible();
  });

  test('the footer switch changes the language, and the choice is remembered', async ({ page }) => {
    await page.goto('/');
    const language = page.getByRole('combobox', { name: 'Dil' });
    await language.selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'آخر الأخبار' })).toBeVisible();

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByRole('heading', { level: 1, name: 'آخر الأخبار' })).toBeVisible();
    await page.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  });
});

test('an Arabic article reads right to left, mirrored, with Arabic dates, in the English interface', async ({
  page,
}) => {
  await page.goto(articlePath(ARABIC_SLUG));
  const article = page.getByRole('article').first();
  await expect(page.getByRole('heading', { level: 1, name: ARABIC_TITLE })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('article.article')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('article.article')).toHaveAttribute('dir', 'rtl');
  await expect(article.locator('.dateline time')).toHaveText(/أغسطس/);
  await expect(article.getByText('اقرأ أيضاً:').first()).toBeVisible();

  // Mirrored: the headline starts at the right edge, and the READ aside's rule is on the right.
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  const body = await page.locator('.article-body').boundingBox();
  if (heading === null || body === null) throw new Error('no layout');
  expect(Math.abs(heading.x + heading.width - (body.x + body.width))).toBeLessThan(2);
  const read = page.locator('.read-link').first();
  await expect(read).toHaveCSS('border-right-width', '4px');
  await expect(read).toHaveCSS('border-left-width', '0px');
});

test('a Turkish article carries its language in the English interface', async ({ page }) => {
  await page.goto(articlePath(TURKISH_SLUG));
  await expect(page.getByRole('heading', { level: 1, name: TURKISH_TITLE })).toBeVisible();
  await expect(page.locator('article.article')).toHaveAttribute('lang', 'tr');
  await expect(page.locator('article.article')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('.dateline time').first()).toHaveText(/^14 Ağustos 2023 \d\d:\d\d$/);
});

test.describe('time', () => {
  test('recent articles say how long ago, and keep it current; older ones show the dateline', async ({
    page,
  }) => {
    const published = Date.parse('2023-08-09T19:03:00+01:00');
    await page.clock.install({ time: published + 3 * 3_600_000 + 60_000 });
    await page.goto(articlePath(SEED_SLUG));
    const time = page.locator('.dateline time').first();
    await expect(time).toHaveText('3 hours ago');
    await expect(time).toHaveAttribute('title', seed.dateline);
    await expect(time).toHaveAttribute('datetime', '2023-08-09T19:03:00+01:00');

    await page.clock.fastForward('01:00:00');
    await expect(time).toHaveText('4 hours ago');
    await page.clock.fastForward('24:00:00');
    await expect(time).toHaveText(seed.dateline);
  });

  test('the article page shows its reading time', async ({ page }) => {
    await page.goto(articlePath(SEED_SLUG));
    await expect(page.getByText(/^\d+ min read$/)).toBeVisible();
  });
});

test.describe('Share', () => {
  test('copies the link where there is no share sheet, and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-write']);
    await page.addInitScript(() => {
      // A desktop browser without the Web Share API.
      Object.defineProperty(Navigator.prototype, 'share', { value: undefined });
      // The site's Permissions-Policy turns clipboard reading off (the reader never reads it),
      // so what the reader wrote is seen on its way to the real clipboard.
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      const copied: string[] = [];
      Object.assign(window, { copied });
      Object.defineProperty(clipboard, 'writeText', {
        value: (text: string) => {
          copied.push(text);
          return write(text);
        },
      });
    });
    await page.goto(articlePath(SEED_SLUG));
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
      `https://www.middleeastmonitor.com${articlePath(SEED_SLUG)}`,
    ]);
  });

  test('opens the system share sheet where there is one', async ({ page }) => {
    await page.addInitScript(() => {
      const shared: unknown[] = [];
      Object.assign(window, { shared });
      Object.defineProperty(Navigator.prototype, 'share', {
        value: (data: unknown) => {
          shared.push(data);
          return Promise.resolve();
        },
      });
    });
    await page.goto(articlePath(SEED_SLUG));
    await page.getByRole('button', { name: 'Share' }).click();
    expect(await page.evaluate(() => (window as unknown as { shared: unknown[] }).shared)).toEqual([
      { title: seed.title, url: `https://www.middleeastmonitor.com${articlePath(SEED_SLUG)}` },
    ]);
    await expect(page.getByText('Link copied')).toHaveCount(0);
  });
});

test('print shows the article alone: hero, caption, credit and its address', async ({ page }) => {
  await page.goto(articlePath(SEED_SLUG));
  await expect(page.getByRole('heading', { level: 1, name: seed.title })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.locator('.read-link').first()).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Related' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeHidden();
  await expect(page.getByRole('img').first()).toBeVisible();
  await expect(page.locator('.figure__caption')).toContainText(seed.caption.slice(0, 40));
  await expect(page.locator('.figure__credit')).toHaveText(`Image source, ${seed.credit}`);
  await expect(
    page.getByText(`https://www.middleeastmonitor.com${articlePath(SEED_SLUG)}`),
  ).toBeVisible();

  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(
    page.getByText(`https://www.middleeastmonitor.com${articlePath(SEED_SLUG)}`),
  ).toBeHidden();
});

test('forced colours keep the READ aside’s boundary and the match highlight', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(articlePath(SEED_SLUG));
  await expect(page.locator('.read-link').first()).toHaveCSS('border-top-style', 'solid');
});
