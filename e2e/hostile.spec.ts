/**
 * Hostile content: the site built by `e2e/hostile/build-site.ts` carries every vector of
 * `e2e/hostile/vectors.ts` in every field of an article, by hand (Markdown) and through each
 * importer (WordPress, JSON Feed, RSS). Every article is read as prerendered HTML and again
 * as the app renders it after an in-app READ link: no dialog opens, no `on*` attribute and
 * no javascript:/data:/vbscript: URL reaches the DOM, nothing foreign is embedded, and no
 * request leaves for another origin.
 */
import type { Page } from '@playwright/test';
import * as v from 'valibot';
import { ArticlePageSchema } from '../src/contract/article.ts';
import { expect, test } from './fixtures.ts';
import { latestHeading, pageOf } from './home.ts';
import { VECTORS } from './hostile/vectors.ts';

/** Everything unsafe in the current document, described. */
function unsafeNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const URL_ATTRIBUTES = [
      'href',
      'src',
      'action',
      'formaction',
      'xlink:href',
      'poster',
      'data',
      'background',
      'srcset',
    ];
    const OURS = (element: Element) =>
      (element.tagName === 'SCRIPT' &&
        (element.hasAttribute('data-app') ||
          ['application/ld+json', 'application/json'].includes(
            element.getAttribute('type') ?? '',
          ))) ||
      (element.tagName === 'LINK' && element.getAttribute('rel') === 'icon');
    for (const element of document.querySelectorAll('*')) {
      const tag = element.tagName;
      if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'FRAME', 'APPLET'].includes(tag))
        found.push(`<${tag}>`);
      if (tag === 'SCRIPT' && !OURS(element))
        found.push(`<script> ${element.outerHTML.slice(0, 80)}`);
      if (tag === 'META' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh')
        found.push('<meta refresh>');
      if (tag === 'LINK' && element.getAttribute('rel') === 'stylesheet')
        found.push('<link stylesheet>');
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) found.push(`${tag} ${name}="${attribute.value.slice(0, 40)}"`);
        if (name === 'style' || name === 'srcdoc') found.push(`${tag} ${name}`);
        if (!URL_ATTRIBUTES.includes(name) || OURS(element)) continue;
        const urls =
          name === 'srcset'
            ? attribute.value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '')
            : [attribute.value];
        for (const url of urls) {
          // eslint-disable-next-line no-control-regex -- browsers strip controls before the scheme
          if (/^(javascript|data|vbscript):/i.test(url.replace(/[\u0000-\u0020]/g, '')))
            found.push(`${tag} ${name}="${url.slice(0, 40)}"`);
        }
      }
    }
    return found;
  });
}

/** Every article of the hostile site, newest first, from its own JSON API. */
async function allSlugs(page: Page): Promise<string[]> {
  const slugs: string[] = [];
  for (let number = 1; ; number++) {
    const response = await page.request.get(`/api/latest/${number}.json`);
    if (response.status() === 404) break;
    const list = v.parse(ArticlePageSchema, await response.json());
    slugs.push(...list.articles.map((article) => article.slug));
  }
  return slugs;
}

/** Watches a page for dialogs and for requests to any origin but the site's. */
function watch(page: Page, origin: string) {
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && new URL(url).origin !== origin) foreign.push(url);
  });
  return { dialogs, foreign };
}

test('no vector in any field, from any source, runs, embeds or calls out', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const base = testInfo.project.use.baseURL ?? '';
  const origin = new URL(base).origin;
  const slugs = await allSlugs(page);
  // Four sources of 62 articles (the JSON Feed and RSS ones share the feeds' own slugs).
  expect(slugs.length).toBe(VECTORS.length * 4);

  // 1. Prerendered: each page as the server sends it, with scripts off.
  const plain = await browser.newContext({ javaScriptEnabled: false, baseURL: base });
  const plainPage = await plain.newPage();
  const plainWatch = watch(plainPage, origin);
  const unsafe: string[] = [];
  for (const slug of slugs) {
    await plainPage.goto(`/${encodeURIComponent(slug)}/`);
    await expect(plainPage.getByRole('heading', { level: 1 })).toBeVisible();
    unsafe.push(...(await unsafeNodes(plainPage)).map((problem) => `${slug} (HTML): ${problem}`));
  }
  await plain.close();

  // 2. In the app: page through the latest list in the app, open every article from its
  // card (an in-app render of the article), and come back.
  const appWatch = watch(page, origin);
  let rendered = 0;
  await page.goto('/');
  let listPage: number | undefined;
  for (;;) {
    const cards = page.locator('main .card__link');
    const count = await cards.count();
    for (let index = 0; index < count; index++) {
      const listUrl = page.url();
      await cards.nth(index).click();
      await expect(page).not.toHaveURL(listUrl);
      await expect(page.locator('h1.article__title')).toBeVisible();
      rendered++;
      unsafe.push(...(await unsafeNodes(page)).map((problem) => `${page.url()} (app): ${problem}`));
      await page.goBack();
      await expect(page).toHaveURL(listUrl);
    }
    unsafe.push(...(await unsafeNodes(page)).map((problem) => `${page.url()} (list): ${problem}`));
    const older = page.getByRole('link', { name: 'Older →' });
    if ((await older.count()) === 0) break;
    // From the front down to page 1, the oldest.
    const olderPage = pageOf(await older.getAttribute('href'));
    expect(olderPage).toBeLessThan(listPage ?? Infinity);
    listPage = olderPage;
    await older.click();
    await expect(page).toHaveURL(`/page/${olderPage}/`);
    // The cards are counted once the page below has replaced the front's (more) cards.
    await expect(latestHeading(page, olderPage)).toBeVisible();
  }
  expect(rendered).toBe(slugs.length);
  // And search results, drawn by the app from the index.
  for (const path of ['/search/?q=alert', '/search/?q=script']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    unsafe.push(...(await unsafeNodes(page)).map((problem) => `${path}: ${problem}`));
  }

  console.log(
    `hostile content: ${VECTORS.length} vectors in titles, standfirsts, bodies, captions, credits, bylines, tags and READ links, from Markdown, WordPress, JSON Feed and RSS: ${slugs.length} article pages read as HTML and ${rendered} rendered by the app; ${plainWatch.dialogs.length + appWatch.dialogs.length} dialogs, ${unsafe.length} unsafe nodes, ${plainWatch.foreign.length + appWatch.foreign.length} foreign requests`,
  );
  expect(unsafe).toEqual([]);
  expect([...plainWatch.dialogs, ...appWatch.dialogs]).toEqual([]);
  expect([...plainWatch.foreign, ...appWatch.foreign]).toEqual([]);
});
