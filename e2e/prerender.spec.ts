/**
 * Every page is prerendered HTML that a plain file server (no rewrite rules: the server
 * these tests run against) serves as it is; the browser hydrates it without refetching and
 * without a mismatch; and with JavaScript off an article reads completely.
 */
import type { Page } from '@playwright/test';
import { expect, NOT_FOUND_ERRORS, test } from './fixtures.ts';
import { READ_TARGETS, SEED_SLUG, articlePath, readSeed, squash } from './seed.ts';
import { recordApiRequests } from './home.ts';

const seed = readSeed();
/** The seed article's first READ link. */
const firstReadLink = (page: Page) =>
  page
    .getByRole('complementary', { name: /^Read: / })
    .first()
    .getByRole('link');

const paragraphs = seed.body.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));

test('the file server sends an article’s full text, head tags and JSON-LD as HTML', async ({
  request,
}) => {
  const response = await request.get(articlePath(SEED_SLUG));
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/html');
  const html = await response.text();
  const text = squash(html.replace(/<[^>]+>/g, ' '));
  for (const paragraph of paragraphs) expect(text).toContain(squash(paragraph));
  expect(html).toContain(`<title>${seed.title} | Middle East Monitor</title>`);
  expect(html).toContain(
    `<link rel="canonical" href="https://www.middleeastmonitor.com${articlePath(SEED_SLUG)}">`,
  );
  expect(html).toContain('<meta property="og:type" content="article">');
  expect(html).toContain(
    '<meta property="article:published_time" content="2023-08-09T19:03:00+01:00">',
  );
  expect(html).toContain('<meta property="article:section" content="Europe &amp; Russia">');
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1];
  expect(JSON.parse(jsonLd ?? '{}')).toMatchObject({
    '@type': 'NewsArticle',
    headline: seed.title,
    datePublished: '2023-08-09T19:03:00+01:00',
    articleSection: 'Europe & Russia',
    author: [{ '@type': 'Organization', name: 'Middle East Monitor' }],
    image: [expect.stringMatching(/^https:\/\/www\.middleeastmonitor\.com\/images\//)],
  });
  for (const target of READ_TARGETS) expect(html).toContain(`href="${articlePath(target)}"`);
});

test('an opinion piece is an OpinionNewsArticle', async ({ request }) => {
  const html = await (
    await request.get(articlePath('20230810-smuggling-partnerships-must-not-replace-safe-routes'))
  ).text();
  expect(html).toContain('"@type":"OpinionNewsArticle"');
});

test('deep links to every kind of page are files; an unknown path gets 404.html', async ({
  request,
}) => {
  for (const path of [
    '/',
    '/page/1/',
    '/page/4/',
    articlePath(SEED_SLUG),
    '/category/europe-russia/',
    '/category/europe-russia/turkiye/',
    '/tags/migration/',
    '/search/',
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).toContain('<div id="root"><a class="skip-link"');
  }
  const missing = await request.get('/no-such-article/');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('Page not found');
});

test('the browser hydrates a prerendered article: no request for its data, no mismatch', async ({
  page,
}) => {
  const apiRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) apiRequests.push(request.url());
  });
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  await page.goto(articlePath(SEED_SLUG));
  await expect(page.getByRole('heading', { level: 1, name: seed.title })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(apiRequests).toEqual([]);
  expect(messages.filter((text) => /hydrat/i.test(text))).toEqual([]);
  await expect(page.locator('title')).toHaveCount(1);
  // Hydrated: the app answers the keyboard shortcut that focuses the search box.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeFocused();

  // Following a READ link is still an in-app navigation.
  await firstReadLink(page).click();
  await expect(page).toHaveURL(articlePath(READ_TARGETS[0] ?? ''));
  expect(apiRequests.length).toBeGreaterThan(0);
});

test('a page paints from its HTML alone: styles inline, the app’s code fetched only after load', async ({
  page,
  request,
}) => {
  const html = await (await request.get(articlePath(SEED_SLUG))).text();
  // One style element holds the page's styles (its text may hold a `<`, as in `<length>`).
  expect(html).toMatch(
    /<style>(?:(?!<\/style>)[\s\S])*\.article__title(?:(?!<\/style>)[\s\S])*<\/style>/,
  );
  expect(html).not.toMatch(/<link rel="stylesheet"|<link rel="modulepreload"|<script[^>]* src=/);

  const events: string[] = [];
  await page.exposeFunction('noteLoad', () => events.push('load'));
  await page.addInitScript(() => {
    const { noteLoad } = window as unknown as { noteLoad: () => void };
    addEventListener('load', () => {
      noteLoad();
    });
  });
  page.on('request', (request) => {
    if (request.resourceType() === 'script') events.push('script');
  });
  await page.goto(articlePath(SEED_SLUG));
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  expect(events.indexOf('load')).toBeGreaterThanOrEqual(0);
  expect(events.indexOf('script')).toBeGreaterThan(events.indexOf('load'));
});

test('list fronts and pages hydrate without a mismatch or a request for their own data', async ({
  page,
}) => {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  const requests = recordApiRequests(page);
  const lists: [string, string][] = [
    ['/', '/api/latest/front.json'],
    ['/page/2/', '/api/latest/2.json'],
    ['/page/4/', '/api/latest/4.json'],
    ['/category/europe-russia/turkiye/', '/api/sections/europe-russia/turkiye/front.json'],
    ['/tags/uk/page/1/', '/api/tags/uk/1.json'],
  ];
  for (const [path, data] of lists) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    // Older pages may be fetched ahead as the end of the list nears; the page's own data not.
    expect(requests, path).not.toContain(data);
  }
  expect(messages.filter((text) => /hydrat/i.test(text))).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an article reads completely, and its READ and related links are plain links', async ({
    page,
  }) => {
    await page.goto(articlePath(SEED_SLUG));
    await expect(page.getByRole('heading', { level: 1, name: seed.title })).toBeVisible();
    await expect(page.getByText(seed.dateline)).toBeVisible();
    for (const paragraph of paragraphs.slice(0, 3)) {
      await expect(page.getByText(squash(paragraph).slice(0, 60))).toBeVisible();
    }
    const related = page.getByRole('region', { name: 'Related' }).getByRole('link').first();
    await expect(related).toHaveAttribute('href', /^\/[^/]+\/$/);
    await firstReadLink(page).click();
    await expect(page).toHaveURL(articlePath(READ_TARGETS[0] ?? ''));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('the latest list pages through with plain links', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
    await page.getByRole('link', { name: 'Older →' }).click();
    await expect(page).toHaveURL('/page/2/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Latest news, page 2' }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Page 1' }).click();
    await expect(page).toHaveURL('/page/1/');
    // The open page's Newer is the front, in the prerendered HTML too.
    await page.goto('/page/4/');
    await page.getByRole('link', { name: '← Newer' }).click();
    await expect(page).toHaveURL('/');
  });

  test('an unknown page says so', async ({ page, consoleGuard }) => {
    consoleGuard.allow(...NOT_FOUND_ERRORS);
    const response = await page.goto('/no-such-article/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('article links prefetch as they scroll into view, so a tap paints from cache', async ({
    page,
  }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      const match = /\/api\/articles\/(.+)\.json$/.exec(new URL(request.url()).pathname);
      if (match) fetched.push(decodeURIComponent(match[1] ?? ''));
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
    await expect.poll(() => fetched.length).toBeGreaterThan(0);
    const before = fetched.length;
    const last = page.getByRole('main').getByRole('article').last();
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => fetched.length).toBeGreaterThan(before);

    const link = last.getByRole('link').first();
    const slug = decodeURIComponent((await link.getAttribute('href')) ?? '').replace(/\//g, '');
    await expect.poll(() => fetched.includes(slug)).toBe(true);
    const count = fetched.length;
    await link.tap();
    await expect(page).toHaveURL(`/${encodeURI(slug)}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(fetched.slice(count).filter((fetchedSlug) => fetchedSlug === slug)).toEqual([]);
  });
});

test('with a mouse, nothing is prefetched until the reader points at a link', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/articles/')) fetched.push(request.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  await page.getByRole('main').getByRole('article').first().getByRole('link').first().hover();
  await expect.poll(() => fetched.length).toBe(1);
});
