/**
 * Taking an article down (decision 023), on a site of its own built from a copy of the
 * bundled content by `build:site`: a reader who read it with the service worker running is
 * told it is not found after the rebuild, online and offline (the worker forgot its page,
 * its data and the app's kept copy), while a reader who saved it still reads their own copy
 * in the Saved area.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../scripts/serve-static.ts';
import { expect, test } from './fixtures.ts';
import { workerInCharge } from './offline/reading.ts';

const repo = path.resolve(import.meta.dirname, '..');
let root = '';
let server: StaticServer | undefined;
let slug = '';
let title = '';

function buildSite(): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = ['scripts/build/build-site.ts', '--content', path.join(root, 'content')];
    const child = spawn(process.execPath, [...args, '--out', path.join(root, 'dist')], {
      cwd: repo,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`build:site failed:\n${output}`)),
    );
  });
}

const url = (pathname: string) => new URL(pathname.replace(/^\//, ''), server?.url).href;

/** Whether the worker keeps the article's page or data. */
function isKept(page: Page): Promise<boolean> {
  return page.evaluate(async (target) => {
    const pages = await caches.open('reader-pages');
    const data = await caches.open('reader-data');
    const pageUrl = new URL(`/${target}/`, location.href).href;
    const dataUrl = new URL(`/api/articles/${target}.json`, location.href).href;
    return (await pages.match(pageUrl)) !== undefined || (await data.match(dataUrl)) !== undefined;
  }, slug);
}

test.describe.configure({ mode: 'serial', timeout: 600_000 });
test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'reader-unpublish-'));
  await cp(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
  // An article no other links to: a link to a missing article stops the build.
  const folder = path.join(root, 'content', 'articles');
  const files = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  const texts = await Promise.all(files.map((name) => readFile(path.join(folder, name), 'utf8')));
  const slugOf = (text: string) => /^slug: *(.+)$/m.exec(text)?.[1]?.trim() ?? '';
  const index = texts.findIndex((text, at) => {
    const candidate = slugOf(text);
    return candidate !== '' && texts.every((other, to) => to === at || !other.includes(candidate));
  });
  slug = slugOf(texts[index] ?? '');
  title = (/^title: *"?(.+?)"?$/m.exec(texts[index] ?? '')?.[1] ?? '').replace(/\\"/g, '"');
  expect(slug).not.toBe('');
  await buildSite();
  server = await startStaticServer({ root: path.join(root, 'dist'), port: 0 });
});

test.afterAll(async () => {
  await server?.close();
  if (root !== '') await rm(root, { recursive: true, force: true });
});

test('a taken-down article leaves the readers who read it, and stays with the reader who saved it', async ({
  page,
  context,
  browser,
  consoleGuard,
}) => {
  consoleGuard.allow(/404|ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/);
  const heading = (on: Page) => on.getByRole('heading', { level: 1, name: title, exact: true });

  // A reader reads it with the worker running, and it reads offline.
  await page.goto(url(`/${slug}/`));
  await expect(heading(page)).toBeVisible();
  await workerInCharge(page);
  await page.goto(url(`/${slug}/`));
  await expect.poll(() => isKept(page)).toBe(true);
  await context.setOffline(true);
  await page.goto(url(`/${slug}/`));
  await expect(heading(page)).toBeVisible();
  await context.setOffline(false);

  // Another saves it for later.
  const saverContext = await browser.newContext({ serviceWorkers: 'allow' });
  const saver = await saverContext.newPage();
  await saver.goto(url(`/${slug}/`));
  await saver.getByRole('button', { name: 'Save for later', exact: true }).click();
  await expect(saver.getByRole('button', { name: 'Saved', exact: true })).toBeVisible();

  // The newsroom takes it down: its file moves to content/unpublished/ (decision 025).
  await mkdir(path.join(root, 'content', 'unpublished'), { recursive: true });
  await rename(
    path.join(root, 'content', 'articles', `${slug}.md`),
    path.join(root, 'content', 'unpublished', `${slug}.md`),
  );
  const output = await buildSite();
  expect(output).toMatch(/1 unpublished/);

  // Online, its address is not found.
  await page.goto(url(`/${slug}/`));
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(heading(page)).toHaveCount(0);
  // The new worker installs (it waits for the reader to take over) and forgets the article.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration?.waiting !== null && registration?.waiting !== undefined;
  });
  expect(await isKept(page)).toBe(false);
  // Offline, nothing the device kept shows it either.
  await context.setOffline(true);
  await page.goto(url(`/${slug}/`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(heading(page)).toHaveCount(0);
  await context.setOffline(false);

  // The reader who saved it still reads it, in the Saved area.
  await saver.goto(url(`/saved/${slug}/`));
  await expect(heading(saver)).toBeVisible();
  await saverContext.close();
});
