/**
 * Nothing saved is lost: 20 articles saved from two tabs at once (from list cards and from
 * article pages) are all there in both tabs, after a reload, after a new version of the
 * reader is deployed and taken up, and offline, where each reads in full from its saved
 * copy. Saved articles go out as a JSON file and come back in another browser; a damaged
 * file is refused, naming what is wrong, and changes nothing.
 *
 * The site is served from a copy of dist/ on its own port, so that a "deploy" can change it.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { buildServiceWorker } from '../scripts/build/service-worker.ts';
import { startStaticServer, type StaticServer } from '../scripts/serve-static.ts';
import { expect, test } from './fixtures.ts';
import {
  appStarted,
  builtArticles,
  expectReadable,
  workerInCharge,
  type BuiltArticle,
} from './offline/reading.ts';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial' });

const DIST = path.resolve(import.meta.dirname, '..', 'dist');
let site: string;
let server: StaticServer;

test.beforeAll(async () => {
  site = mkdtempSync(path.join(tmpdir(), 'reader-saved-site-'));
  cpSync(DIST, site, { recursive: true });
  server = await startStaticServer({ root: site, port: 0 });
});

test.afterAll(async () => {
  await server.close();
  rmSync(site, { recursive: true, force: true });
});

const url = (pathname: string) => new URL(pathname.replace(/^\//, ''), server.url).href;

async function open(page: Page, pathname: string) {
  await page.goto(url(pathname));
  await appStarted(page);
}

/**
 * A new build of the reader, as a deploy leaves it: the search page's code under a new
 * file name (the old one gone from the server), the shell changed, and a new worker.
 */
async function deployNewVersion() {
  const assets = path.join(site, 'assets');
  const oldName = readdirSync(assets).find((name) => name.startsWith('search-view-'));
  if (oldName === undefined) throw new Error('no search-view chunk in the build');
  const newName = oldName.replace('search-view-', 'search-view-next-');
  for (const name of readdirSync(assets).filter((file) => file.endsWith('.js'))) {
    const file = path.join(assets, name);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(oldName, newName));
  }
  cpSync(path.join(assets, oldName), path.join(assets, newName));
  rmSync(path.join(assets, oldName));
  const template = path.join(site, '.app-shell.html');
  writeFileSync(template, `${readFileSync(template, 'utf8')}<!-- next version -->\n`);
  await buildServiceWorker(site);
}

async function savedTitles(page: Page): Promise<string[]> {
  const list = page.getByRole('main').getByRole('list');
  return (await list.getByRole('heading').allTextContents()).sort();
}

test('20 articles saved from two tabs survive reloads, a deploy and going offline', async ({
  browser,
  page,
  context,
  consoleGuard,
}) => {
  test.setTimeout(240_000);
  consoleGuard.allow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/);
  const articles = builtArticles();
  await open(page, '/');
  await workerInCharge(page);
  const other = await context.newPage();

  // Tab 1 saves the first ten from the latest list's cards; tab 2, at the same time, saves
  // the next ten from their own pages.
  const fromList = articles.slice(0, 10);
  const fromPages = articles.slice(10, 20);
  const saveFromList = async () => {
    for (const article of fromList) {
      await page.getByRole('button', { name: `Save: ${article.title}`, exact: true }).click();
      await expect(
        page.getByRole('button', { name: `Saved: ${article.title}`, exact: true }),
      ).toBeVisible();
    }
  };
  const saveFromPages = async () => {
    for (const article of fromPages) {
      await open(other, `/${article.slug}/`);
      await other.getByRole('button', { name: 'Save for later', exact: true }).click();
      await expect(other.getByRole('button', { name: 'Saved', exact: true })).toBeVisible();
    }
  };
  await Promise.all([saveFromList(), saveFromPages()]);
  const expected = [...fromList, ...fromPages].map((article) => article.title).sort();

  // Each tab's Saved page has all twenty: the other tab's saves arrive without a reload.
  await page.getByRole('link', { name: 'Saved', exact: true }).click();
  await expect(page.getByText('20 articles')).toBeVisible();
  expect(await savedTitles(page)).toEqual(expected);
  await open(other, '/saved/');
  await expect(other.getByText('20 articles')).toBeVisible();

  await page.reload();
  await expect(page.getByText('20 articles')).toBeVisible();
  expect(await savedTitles(page)).toEqual(expected);

  // A new version is deployed. The open tab keeps working on the version it started with
  // (its search code, renamed on the server, still comes from the worker), and offers the
  // new one; taking it up loses nothing.
  await deployNewVersion();
  await other.close();
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await expect(page.getByText('A new version of the reader is ready.')).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('water');
  // The box goes to the search page once typing pauses; Enter then keeps it in the history.
  await expect(page).toHaveURL(/[?&]q=water/);
  await page.getByRole('searchbox', { name: 'Search articles' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /water/ })).toBeVisible();
  await page.getByRole('button', { name: 'Update', exact: true }).click();
  await page.waitForEvent('load');
  await appStarted(page);
  await open(page, '/saved/');
  await expect(page.getByText('20 articles')).toBeVisible();
  expect(await savedTitles(page)).toEqual(expected);

  // Offline, with the worker's copies of pages and data gone: every saved article reads
  // from its saved copy, with its photo.
  await page.evaluate(() =>
    Promise.all([caches.delete('reader-pages'), caches.delete('reader-data')]),
  );
  await context.setOffline(true);
  let read = 0;
  for (const article of [...fromList, ...fromPages]) {
    await open(page, `/${article.slug}/`);
    await expectReadable(page, article);
    read += 1;
  }
  console.log(
    `saved: ${read} of 20 saved articles read offline after two tabs, a reload and a deploy`,
  );
  expect(read).toBe(20);
  await context.setOffline(false);

  await exportAndImport(browser, page, expected, articles);
});

async function exportAndImport(
  browser: Browser,
  page: Page,
  expected: string[],
  articles: BuiltArticle[],
) {
  await open(page, '/saved/');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export saved articles' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^saved-articles-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(text) as { articles: { article: { title: string } }[] };
  expect(file.articles.map((item) => item.article.title).sort()).toEqual(expected);

  // Another browser: a damaged file is refused whole, then the real one comes in.
  const elsewhere = await browser.newContext({ serviceWorkers: 'allow' });
  const fresh = await elsewhere.newPage();
  await open(fresh, '/saved/');
  await expect(fresh.getByText('Nothing saved yet.')).toBeVisible();
  const damaged = structuredClone(file) as { articles: { article: { title: unknown } }[] };
  const third = damaged.articles[3];
  if (third === undefined) throw new Error('the export has fewer than four articles');
  third.article.title = 42;
  const input = fresh.getByLabel('Import saved articles');
  await input.setInputFiles({
    name: 'damaged.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(damaged)),
  });
  await expect(fresh.getByRole('alert')).toContainText(
    /Nothing was imported\. Unexpected data at articles\.3\.article\.title .*damaged\.json/,
  );
  await expect(fresh.getByText('Nothing saved yet.')).toBeVisible();

  await input.setInputFiles({
    name: 'saved.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(fresh.getByText('Imported: 20 added, 0 updated, 0 already here.')).toBeVisible();
  expect(await savedTitles(fresh)).toEqual(expected);
  // Importing the same file again changes nothing.
  await input.setInputFiles({
    name: 'saved.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(fresh.getByText('Imported: 0 added, 0 updated, 20 already here.')).toBeVisible();
  // An imported article reads offline in the Saved area, as the reader's own copy: a file
  // never stands in for the site's page (decision 015).
  const first = articles[0];
  if (first === undefined) throw new Error('no articles');
  await elsewhere.setOffline(true);
  await fresh.getByRole('link', { name: first.title, exact: true }).click();
  await expect(fresh).toHaveURL(url(`/saved/${first.slug}/`));
  await expect(
    fresh.getByRole('heading', { level: 1, name: first.title, exact: true }),
  ).toBeVisible();
  await expect(fresh.getByRole('note')).toContainText(
    'Your saved copy, imported from a file — not published by Middle East Monitor.',
  );
  await elsewhere.close();
}

test('an article read on this device is marked "Read" in lists, in words and in style', async ({
  page,
}) => {
  const [article, unread] = builtArticles();
  if (article === undefined || unread === undefined) throw new Error('no articles');
  await open(page, '/');
  const card = (title: string) =>
    page
      .getByRole('main')
      .getByRole('article')
      .filter({
        has: page.getByRole('link', { name: title, exact: true }),
      });
  await expect(card(article.title).getByText('Read', { exact: true })).toHaveCount(0);
  await page.getByRole('main').getByRole('link', { name: article.title, exact: true }).click();
  await expectReadable(page, article);
  await page.goBack();
  await expect(card(article.title).getByText('Read', { exact: true })).toBeVisible();
  await expect(card(unread.title).getByText('Read', { exact: true })).toHaveCount(0);
  const colour = (title: string) =>
    page
      .getByRole('link', { name: title, exact: true })
      .evaluate((link) => getComputedStyle(link).color);
  expect(await colour(article.title)).not.toBe(await colour(unread.title));
  // Remembered across a reload.
  await page.reload();
  await appStarted(page);
  await expect(card(article.title).getByText('Read', { exact: true })).toBeVisible();
});
