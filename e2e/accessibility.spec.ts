/**
 * Accessibility: axe's WCAG 2.2 A and AA rules on every page type, in both themes, at a
 * phone's and a desktop's width; a keyboard-only reading journey; and what a screen reader
 * hears when an in-app navigation changes the page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SEED_SLUG, articlePath, readSeed } from './seed.ts';

// axe reads every element of the page and its computed styles: CPU work that took 35 to 40 s
// per page on a 2-core machine busy with other builds, past the default 30 s. The
// limit bounds a test that hangs; it is no figure of speed.
test.describe.configure({ timeout: 120_000 });

const seed = readSeed();

type PageType = {
  name: string;
  path: string;
  /** What shows once the page is ready. */
  ready: (page: Page) => ReturnType<Page['getByRole']>;
  /** The error view shows only after the app's retries. */
  timeout?: number;
  /** Faults the page is made with (the error view). */
  setUp?: (page: Page) => Promise<void>;
  /** What the reader does to get there from `path`. */
  act?: (page: Page) => Promise<void>;
};

const PAGE_TYPES: PageType[] = [
  {
    name: 'home',
    path: '/',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Latest news' }),
  },
  {
    name: 'article',
    path: articlePath(SEED_SLUG),
    ready: (page) => page.getByRole('heading', { level: 1, name: seed.title }),
  },
  {
    name: 'section front',
    path: '/category/europe-russia/turkiye/',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Turkiye' }),
  },
  {
    name: 'tag page',
    path: '/tags/migration/',
    ready: (page) => page.getByRole('heading', { level: 1 }),
  },
  {
    name: 'search results',
    path: '/search/?q=smuggling',
    ready: (page) => page.getByRole('link', { name: seed.title }),
  },
  {
    name: 'not found',
    path: '/no-such-article/',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Page not found' }),
  },
  {
    name: 'error',
    path: '/',
    // A prerendered page needs no request; following a link to an article that fails does.
    setUp: async (page) => {
      await page.route('**/api/articles/*.json', (route) =>
        route.fulfill({ status: 503, body: '' }),
      );
      // The reader keeps what it has read (decision 011): forget it, so that the article
      // must come from the failing network. The deletion completes as the page is left.
      // (A blank first page has no storage, and nothing to forget.)
      await page.evaluate(() => {
        if (location.protocol.startsWith('http')) indexedDB.deleteDatabase('reader-cache');
      });
    },
    act: async (page) => {
      await page.getByRole('link', { name: seed.title }).click();
    },
    ready: (page) => page.getByRole('heading', { level: 1, name: 'This page could not be loaded' }),
    timeout: 20_000,
  },
];

const WIDTHS = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
];

for (const theme of ['light', 'dark'] as const) {
  for (const width of WIDTHS) {
    for (const type of PAGE_TYPES) {
      test(`axe finds nothing on the ${type.name} page, ${theme}, ${width.name}`, async ({
        page,
        consoleGuard,
      }) => {
        consoleGuard.allow(/status of 503/, /status of 404/);
        await page.setViewportSize(width.viewport);
        await page.emulateMedia({ colorScheme: theme });
        await type.setUp?.(page);
        await page.goto(type.path);
        await type.act?.(page);
        await expect(type.ready(page).first()).toBeVisible({ timeout: type.timeout });
        await expect(page.locator('html')).toHaveCSS(
          'color-scheme',
          theme === 'dark' ? /dark/ : /light/,
        );
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
          .analyze();
        expect(
          results.violations.map(
            (violation) =>
              `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
          ),
        ).toEqual([]);
      });
    }
  }
}

test('axe finds nothing on an Arabic article, nor in the Arabic and Turkish interfaces', async ({
  page,
}) => {
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    expect(
      results.violations.map((violation) => `${what}: ${violation.id}`),
      what,
    ).toEqual([]);
  };
  await page.goto(articlePath('20230811-موجة-الحر-تزيد-الضغط-على-إمدادات-المياه-في-مدن-المنطقة'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('class', /article__title/);
  await check('Arabic article');
  for (const [locale, heading] of [
    ['ar', 'آخر الأخبار'],
    ['tr', 'Son haberler'],
  ] as const) {
    await page.getByRole('contentinfo').getByRole('combobox').selectOption(locale);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await check(`${locale} interface`);
  }
});

test('reduced motion: the pending page appears without animation', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await page.route('**/api/articles/*.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByRole('link', { name: seed.title }).click();
  await expect(page.locator('.pending-overlay')).toHaveCSS('animation-duration', '0s');
});

test('one h1 and the landmarks on every page type', async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of 503/, /status of 404/);
  for (const type of PAGE_TYPES) {
    await page.unrouteAll();
    await type.setUp?.(page);
    await page.goto(type.path);
    await type.act?.(page);
    await expect(type.ready(page).first()).toBeVisible({ timeout: type.timeout });
    await expect(page.getByRole('heading', { level: 1 }), type.name).toHaveCount(1);
    await expect(page.getByRole('banner'), type.name).toHaveCount(1);
    await expect(page.getByRole('main'), type.name).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), type.name).toHaveCount(1);
  }
});

test('a keyboard alone reads an article and follows its READ link', async ({ page }) => {
  await page.goto(articlePath(SEED_SLUG));
  await expect(page.getByRole('heading', { level: 1, name: seed.title })).toBeVisible();

  // The first Tab lands on "Skip to content"; Enter takes focus past the header.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // Tab on through the article until the first READ link has focus, then follow it.
  const firstRead = seed.body.find((block) => block.kind === 'read');
  if (firstRead?.kind !== 'read') throw new Error('the seed article has no READ link');
  const readLink = page
    .getByRole('complementary', { name: `Read: ${firstRead.headline}` })
    .getByRole('link');
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if (await readLink.evaluate((link) => link === document.activeElement)) break;
  }
  await expect(readLink).toBeFocused();
  // A keyboard user sees where focus is: the ring is drawn.
  await expect(readLink).not.toHaveCSS('outline-style', 'none');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: firstRead.headline })).toBeVisible();
  await expect(page.getByRole('main')).toBeFocused();
});

test('an in-app navigation moves focus to the main content and announces the new page', async ({
  page,
}) => {
  await page.goto('/');
  const announcer = page.getByTestId('route-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(announcer).toHaveText('');

  await page.getByRole('link', { name: seed.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: seed.title })).toBeVisible();
  await expect(page.getByRole('main')).toBeFocused();
  await expect(announcer).toHaveText(`${seed.title} | Middle East Monitor, page loaded`);

  // Back is the browser's own: focus and announcement are left as they were restored.
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  await expect(page.getByRole('main')).not.toBeFocused();
  await expect(announcer).toHaveText(`${seed.title} | Middle East Monitor, page loaded`);
});

test('typing in the search box keeps the focus there as results load', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.click();
  await box.pressSequentially('smuggling');
  await expect(page.getByRole('link', { name: seed.title })).toBeVisible();
  await expect(box).toBeFocused();
});

test('focus rings show for the keyboard and not for the mouse', async ({ page }) => {
  await page.goto(articlePath(SEED_SLUG));
  const share = page.getByRole('button', { name: 'Share' });
  await share.click();
  await expect(share).toHaveCSS('outline-style', 'none');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(share).toBeFocused();
  await expect(share).toHaveCSS('outline-style', 'solid');
});

test('every control is at least 24 by 24 pixels', async ({ page }) => {
  for (const path of ['/', articlePath(SEED_SLUG), '/search/?q=smuggling']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input, .pagination a, .tags__link')]
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
        .map(({ element, box }) => `${element.outerHTML.slice(0, 60)} ${box.width}x${box.height}`),
    );
    expect(small, path).toEqual([]);
  }
});
