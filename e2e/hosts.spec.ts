/**
 * Any host, rewrite rules or none. A plain file server answers a missing page with the
 * site's 404.html (the server the other suites use); a host set up for single-page apps
 * (Netlify's `/* /index.html 200`, Vercel's and Firebase's rewrites, nginx's
 * `try_files $uri /index.html`) answers it with the home page's HTML and status 200. Either
 * way the reader shows the right page for the URL: no hydration error, no frame of the
 * wrong page, and no request for an article that cannot be there.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../scripts/serve-static.ts';
import { expect, NOT_FOUND_ERRORS, test } from './fixtures.ts';
import { SEED_SLUG, articlePath, readSeed } from './seed.ts';

const dist = path.resolve(import.meta.dirname, '..', 'dist');
const seed = readSeed();
/** An article whose page the rewriting host below lacks (its slug percent-encodes). */
const ARABIC_SLUG = '20230811-موجة-الحر-تزيد-الضغط-على-إمدادات-المياه-في-مدن-المنطقة';

type HomeContent = { seen: boolean; checks: number };

/**
 * Records whether the home page's list heading could be seen at any moment of the page's
 * life: on every change to the document (as the parser builds it, and as the app draws) and
 * before every frame the browser paints.
 */
async function watchForHomeContent(page: Page): Promise<() => Promise<HomeContent>> {
  await page.addInitScript(() => {
    const state: HomeContent = { seen: false, checks: 0 };
    (window as unknown as { homeContent: HomeContent }).homeContent = state;
    const check = () => {
      state.checks += 1;
      const heading = document.getElementById('latest-heading');
      if (heading?.checkVisibility({ visibilityProperty: true })) state.seen = true;
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    const everyFrame = () => {
      check();
      requestAnimationFrame(everyFrame);
    };
    requestAnimationFrame(everyFrame);
  });
  return () => page.evaluate(() => (window as unknown as { homeContent: HomeContent }).homeContent);
}

/** Every path under /api/articles/ the page asks for. */
function articleRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request: Request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/articles/')) asked.push(decodeURIComponent(pathname));
  });
  return asked;
}

test.describe('on a host that rewrites every unknown path to index.html', () => {
  let root = '';
  let host: StaticServer | undefined;

  test.beforeAll(async () => {
    // The built site, less one article's page: the host sends index.html for that path too.
    root = await mkdtemp(path.join(tmpdir(), 'reader-rewriting-host-'));
    await cp(dist, root, { recursive: true });
    await rm(path.join(root, ARABIC_SLUG), { recursive: true });
    host = await startStaticServer({ root, port: 0, rewrite: true });
  });

  test.afterAll(async () => {
    await host?.close();
    await rm(root, { recursive: true, force: true });
  });

  const at = (pathname: string) => new URL(pathname.slice(1), host?.url).href;

  test('the check sees the home page where the home page is shown', async ({ page }) => {
    const homeContent = await watchForHomeContent(page);
    await page.goto(at('/'));
    await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
    expect((await homeContent()).seen).toBe(true);
  });

  test('an unknown path shows not-found, never the home page, and asks for no article', async ({
    page,
  }) => {
    const homeContent = await watchForHomeContent(page);
    const asked = articleRequests(page);
    const response = await page.goto(at('/some/unknown/path/'));
    // What the host sent: the home page, as a success.
    expect(response?.status()).toBe(200);
    expect(await response?.text()).toContain('id="latest-heading"');

    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle(/^Page not found/);
    await expect(page.getByRole('link', { name: 'Go to the latest news' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const watched = await homeContent();
    expect(watched.checks).toBeGreaterThan(0);
    expect(watched.seen, 'the home page’s content was visible at some moment').toBe(false);
    expect(asked).toEqual([]);
    // The fixture fails the test on any console or page error (React's #418 among them).
  });

  test('an unknown slug shows not-found after one request, the host having said nothing', async ({
    page,
    consoleGuard,
  }) => {
    // The host answered 200 with the home page: only the API can say there is no article.
    consoleGuard.allow(...NOT_FOUND_ERRORS);
    const homeContent = await watchForHomeContent(page);
    const asked = articleRequests(page);
    await page.goto(at('/no-such-page/'));
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect((await homeContent()).seen).toBe(false);
    expect(asked).toEqual(['/api/articles/no-such-page.json']);
  });

  test('an article whose page the host lacks is drawn from its data', async ({ page }) => {
    const homeContent = await watchForHomeContent(page);
    const asked = articleRequests(page);
    const title = (
      JSON.parse(
        await readFile(path.join(root, 'api', 'articles', `${ARABIC_SLUG}.json`), 'utf8'),
      ) as { title: string }
    ).title;
    const response = await page.goto(at(articlePath(encodeURIComponent(ARABIC_SLUG))));
    expect(await response?.text()).toContain('id="latest-heading"');

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveURL(at(articlePath(encodeURIComponent(ARABIC_SLUG))));
    expect((await homeContent()).seen).toBe(false);
    expect(asked).toContain(`/api/articles/${ARABIC_SLUG}.json`);
  });

  test('a page the host has is hydrated as ever', async ({ page }) => {
    const asked = articleRequests(page);
    await page.goto(at(articlePath(SEED_SLUG)));
    await expect(page.getByRole('heading', { level: 1, name: seed.title })).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-page', /./);
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([]);
  });
});

test.describe('on a plain file server', () => {
  test('an unknown page is not-found with no request for an article, and one 404 logged', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(...NOT_FOUND_ERRORS);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} at ${message.location().url}`);
    });
    const asked = articleRequests(page);
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle(/^Page not found/);
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([]);
    // The browser's own line for the document: the host's answer, and the only error.
    expect(errors).toEqual([expect.stringMatching(/status of 404 .* at http:.*\/no-such-page\/$/)]);
  });

  test('a page at its folder’s index.html takes its own address and hydrates', async ({ page }) => {
    const asked = articleRequests(page);
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    await page.goto(`${articlePath(SEED_SLUG)}index.html`);
    await expect(page).toHaveURL(articlePath(SEED_SLUG));
    await expect(page.getByRole('heading', { level: 1, name: seed.title })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([]);
    expect(messages.filter((text) => /hydrat/i.test(text))).toEqual([]);
  });
});
