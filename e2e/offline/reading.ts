/**
 * Helpers for the offline and saved-articles suites: the built articles, and what "readable"
 * means for one of them (its headline and the last words of its body on screen).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Article } from '../../src/contract/article.ts';
import { articleText } from '../../src/lib/article-text.ts';

const API = path.resolve(import.meta.dirname, '..', '..', 'dist', 'api', 'articles');

export type BuiltArticle = { slug: string; title: string; lastWords: string; hasImage: boolean };

/** The articles of the built site (dist/), newest first. */
export function builtArticles(): BuiltArticle[] {
  return readdirSync(API)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
    .map((name) => {
      const article = JSON.parse(readFileSync(path.join(API, name), 'utf8')) as Article;
      const lines = articleText(article).split('\n').filter(Boolean);
      // The first words of the body's last block: they show only if the whole body did.
      // (Not its very end, where a link may add a hidden "opens another site".)
      const lastWords = (lines.at(-1) ?? '')
        .replace(/^READ: /, '')
        .split(' ')
        .slice(0, 6)
        .join(' ');
      return { slug: article.slug, title: article.title, lastWords, hasImage: !!article.image };
    });
}

/** The app has started on this page (see public/boot.js), or could not. */
export async function appStarted(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    /^(ready|failed)$/.test(document.documentElement.dataset.app ?? ''),
  );
}

/** The service worker controls the page: from now on what it fetches is kept. */
export async function workerInCharge(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 15_000,
  });
}

/** The article reads in full: its headline, the end of its body and, if it has one, its photo. */
export async function expectReadable(page: Page, article: BuiltArticle): Promise<void> {
  await expect(
    page.getByRole('heading', { level: 1, name: article.title, exact: true }),
  ).toBeVisible();
  await expect(page.locator('article.article').getByText(article.lastWords).first()).toBeAttached();
  if (article.hasImage) {
    const hero = page.locator('.figure--hero img');
    await expect
      .poll(() => hero.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth))
      .toBeGreaterThan(0);
  }
}
