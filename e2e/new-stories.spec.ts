/**
 * Open readers learn of new stories (decision 022). A copy of the built site is served from a
 * temporary folder; an article is published into it by the real content build while the home
 * page is open; the reader is offered "1 new story" and, pressing it, sees the story at the
 * top of the list with their place kept. The check runs every second here, through the
 * setting a reader may make (`reader-check-every`, in seconds).
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../scripts/serve-static.ts';
import { expect, test } from './fixtures.ts';

const repo = path.resolve(import.meta.dirname, '..');
let root = '';
let server: StaticServer;

/** The content build, as a newsroom runs it: the copy's content into the served folder. */
function publish(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'scripts/content/build.ts',
        '--content',
        path.join(root, 'content'),
        '--out',
        path.join(root, 'site'),
        '--cache',
        path.join(root, 'cache'),
      ],
      { cwd: repo },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(output))));
  });
}

const NEW_SLUG = 'breaking-harbour-reopens-after-storm';
const NEW_TITLE = 'Harbour reopens after the storm';

/** A new article, published now: newer than anything the site holds. */
function newArticle(): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, '+00:00');
  return `---
slug: ${NEW_SLUG}
title: "${NEW_TITLE}"
published: ${now}
section: Middle East
tags: [Water]
authors: []
standfirst: "Ships moved again on Monday morning."
sample: true
---

The harbour reopened to shipping on Monday morning after three days of storms.
`;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'reader-new-stories-'));
  await cp(path.join(repo, 'dist'), path.join(root, 'site'), { recursive: true });
  await cp(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
  server = await startStaticServer({ root: path.join(root, 'site'), port: 0 });
});

test.afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

/** Checks every second from the start: the reader's setting. */
async function checkEverySecond(page: Page) {
  await page.addInitScript(() => {
    localStorage.setItem('reader-check-every', '1');
  });
}

/** Where the card with this headline is on screen (its top, in CSS pixels). */
function topOf(page: Page, title: string): Promise<number> {
  return page
    .getByRole('link', { name: title, exact: true })
    .evaluate((link) => link.closest('li')?.getBoundingClientRect().top ?? Number.NaN);
}

test('a story published while the home page is open is offered, and shown in place', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 800 });
  await checkEverySecond(page);
  await page.goto(`${server.url}/`);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  const newStories = main.getByRole('button', { name: /new stor/ });
  await expect(newStories).toHaveCount(0);

  // The reader scrolls down the list and looks at a card in the middle of the screen.
  const cards = main.locator('.card-list > li');
  await cards.nth(4).evaluate((card) => {
    card.scrollIntoView({ block: 'center' });
  });
  const watched = (await cards.nth(4).getByRole('heading').textContent()) ?? '';
  const before = await topOf(page, watched);
  const scrolledBy = await page.evaluate(() => window.scrollY);
  expect(scrolledBy).toBeGreaterThan(0);

  await writeFile(path.join(root, 'content', 'articles', `${NEW_SLUG}.md`), newArticle());
  await publish();

  await expect(newStories).toHaveText('↑ 1 new story');
  // Announced politely, from a live region that says it.
  const liveRegion = main.locator('[aria-live="polite"]', {
    has: page.getByRole('button', { name: /new stor/ }),
  });
  await expect(liveRegion).toHaveText('↑ 1 new story');
  // Its coming moved nothing.
  expect(Math.abs((await topOf(page, watched)) - before)).toBeLessThanOrEqual(1);

  await newStories.click();
  const newCard = main.getByRole('link', { name: NEW_TITLE, exact: true });
  await expect(newCard).toBeAttached();
  await expect(newStories).toHaveCount(0);
  // The card the reader was looking at has not moved on screen; the new one is above it.
  expect(Math.abs((await topOf(page, watched)) - before)).toBeLessThanOrEqual(2);
  await expect(newCard).toBeFocused();
  await expect(cards.first().getByRole('link', { name: NEW_TITLE, exact: true })).toBeAttached();

  // At the top of the list: the new story is the first card.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await expect(cards.first().getByRole('heading')).toHaveText(NEW_TITLE);
  await expect(cards.first()).toBeInViewport();
});

test('a hidden tab does not check; shown again, it checks at once', async ({ page }) => {
  await checkEverySecond(page);
  const checks: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/updates.json')) checks.push(request.url());
  });
  await page.goto(`${server.url}/`);
  // Checking, every second.
  await expect.poll(() => checks.length).toBeGreaterThanOrEqual(2);

  const setVisibility = (state: string) =>
    page.evaluate((visibility) => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => visibility,
      });
      Object.defineProperty(document, 'hidden', {
        configurable: true,
        get: () => visibility === 'hidden',
      });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  // A check already under way may finish; none starts after it.
  await page.waitForTimeout(500);
  const whenHidden = checks.length;
  await page.waitForTimeout(4000);
  expect(checks.length, 'checks while hidden').toBe(whenHidden);

  const next = page.waitForRequest((request) => request.url().endsWith('/api/updates.json'));
  await setVisibility('visible');
  await next;
});

test('an article corrected while it is open offers the update, and shows it when asked', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // An article from weeks before the newest: far from the front page.
  const slug =
    '20230701-regional-ministers-meet-to-discuss-shared-water-resources-as-summer-demand-peaks';
  const title = 'Regional ministers meet to discuss shared water resources as summer demand peaks';
  const correctedTitle = 'Regional ministers meet to discuss shared rivers as summer demand peaks';
  await checkEverySecond(page);
  await page.goto(`${server.url}/${slug}/`);
  const headline = page.getByRole('heading', { level: 1 });
  await expect(headline).toHaveText(title);

  const file = path.join(root, 'content', 'articles', `${slug}.md`);
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    text
      .replace(`title: "${title}"`, `title: "${correctedTitle}"`)
      .replace(/^modified: .*$/m, 'modified: 2023-07-02T09:00:00+01:00'),
  );
  await publish();

  const show = page.getByRole('button', { name: 'Show the update' });
  await expect(show).toBeVisible();
  await expect(page.getByText('This article has been updated.')).toBeVisible();
  // Never swapped under the reader unasked.
  await expect(headline).toHaveText(title);

  await show.click();
  await expect(headline).toHaveText(correctedTitle);
  await expect(headline).toBeFocused();
  await expect(show).toHaveCount(0);
});
