/**
 * The content security policy: every kind of page, with the policy enforced (the meta tag
 * in every page, and the headers the static server sends from the build's `_headers`),
 * records no violation, through in-app navigation, prefetching and search; and the policy
 * really holds: no inline script runs, no string reaches a script sink, no one frames us.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { startStaticServer } from '../scripts/serve-static.ts';
import { expect, test } from './fixtures.ts';
import { READ_TARGETS, SEED_SLUG, articlePath, readSeed } from './seed.ts';

const seed = readSeed();

/**
 * Records every securitypolicyviolation from the first byte of each document on; the
 * returned function reads the current document's record.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

const PAGES = [
  '/',
  '/page/2/',
  articlePath(SEED_SLUG),
  '/category/europe-russia/',
  '/tags/uk/',
  '/author/leila-amberfield/',
  '/search/?q=Bibby',
  '/saved/',
  '/no-such-page/',
  `/${encodeURIComponent('20230811-موجة-الحر-تزيد-الضغط-على-إمدادات-المياه-في-مدن-المنطقة')}/`,
];

test.describe('with the service worker running', () => {
  test.use({ serviceWorkers: 'allow' });

  test('every kind of page runs under the policy with no violation', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(/status of 404/);
    const violations = await watchViolations(page);
    // The worker is registered through the policy's one Trusted Types policy, and from
    // then on serves every page below.
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const seen: string[] = [];
    for (const path of PAGES) {
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
        'content',
        /require-trusted-types-for 'script'/,
      );
      await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
      seen.push(...(await violations()));
    }
    console.log(
      `content security policy: ${PAGES.length} page types under the policy, with the service worker running: ${seen.length} violations`,
    );
    expect(seen).toEqual([]);
  });
});

test('in-app navigation, prefetching and search raise no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/');
  // Hover prefetches an article; the search box loads its index and code.
  await page.getByRole('link', { name: seed.title }).first().hover();
  await page.keyboard.press('/');
  // At once: on a busy machine a pause between keys lets the box go to the search page
  // mid-word (what a reader types then is the search spec's business, not the policy's).
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('Bibby');
  await expect(page).toHaveURL('/search/?q=Bibby');
  await page.getByRole('link', { name: seed.title }).first().click();
  await expect(page).toHaveURL(articlePath(SEED_SLUG));
  await page
    .getByRole('complementary', { name: /^Read: / })
    .first()
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(articlePath(READ_TARGETS[0] ?? ''));
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: seed.title })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('the policy holds: no inline script runs and no string reaches a script sink', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/Content Security Policy|TrustedHTML|TrustedScript/);
  await page.goto(articlePath(SEED_SLUG));
  const outcome = await page.evaluate(() => {
    const results: string[] = [];
    const marks = window as unknown as { ran?: boolean };
    try {
      document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.ran = true">');
      results.push('innerHTML accepted');
    } catch (error) {
      results.push(`innerHTML: ${(error as Error).name}`);
    }
    try {
      const script = document.createElement('script');
      script.textContent = 'window.ran = true';
      document.body.append(script);
      results.push('script text accepted');
    } catch (error) {
      results.push(`script text: ${(error as Error).name}`);
    }
    results.push(`ran: ${String(marks.ran === true)}`);
    return results;
  });
  expect(outcome).toEqual(['innerHTML: TypeError', 'script text: TypeError', 'ran: false']);
});

test('another site cannot frame the reader', async ({ page, consoleGuard }, testInfo) => {
  consoleGuard.allow(/frame-ancestors 'none'/, /favicon\.ico/);
  await mkdir(testInfo.outputDir, { recursive: true });
  const framer = await startStaticServer({ root: testInfo.outputDir, port: 0 });
  try {
    const target = new URL(articlePath(SEED_SLUG), testInfo.project.use.baseURL).href;
    await writeFile(
      `${testInfo.outputDir}/index.html`,
      `<!doctype html><title>Framer</title><iframe src="${target}"></iframe>`,
    );
    // The other site is another origin: localhost, not 127.0.0.1.
    const refused = page.waitForEvent('console', (message) =>
      message
        .text()
        .includes(
          'violates the following Content Security Policy directive: "frame-ancestors \'none\'"',
        ),
    );
    await page.goto(framer.url.replace('127.0.0.1', 'localhost'));
    await refused;
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(await frame?.evaluate(() => document.title).catch(() => 'no document')).not.toContain(
      seed.title,
    );
  } finally {
    await framer.close();
  }
});

test('the reader, Saved and search are sent with the host headers, and no data: image is allowed', async ({
  request,
}) => {
  for (const path of ['/', articlePath(SEED_SLUG), '/search/?q=Bibby', '/saved/']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains');
    expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
    expect(headers['permissions-policy'], path).toMatch(/(^|, )camera=\(\)/);
    expect(headers['permissions-policy'], path).toMatch(/(^|, )browsing-topics=\(\)/);
    expect(headers['content-security-policy'], path).toContain("img-src 'self';");
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(
      await response.text(),
    );
    expect(meta?.[1], path).toContain("img-src 'self';");
    expect(meta?.[1], path).not.toContain('data:');
  }
});

test('the preview server hides the host files however they are spelled', async ({ request }) => {
  for (const path of ['/_headers', '/%5Fheaders', '/%2Ehtaccess', '/%2Eapp-shell.html']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain('Content-Security-Policy');
  }
});

test('a doubled slash stays on the site: //saved opens Saved here', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const response = await page.goto(`${origin}//saved`);
  expect(response?.status()).toBe(200);
  expect(page.url()).toBe(`${origin}/saved/`);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
});

test('the browser knows every feature the Permissions-Policy turns off', async ({ page }) => {
  // Chromium warns on every page about a feature name it does not know.
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Permissions-Policy')) warnings.push(message.text());
  });
  await page.goto(articlePath(SEED_SLUG));
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  expect(warnings).toEqual([]);
  const allowed = await page.evaluate(() =>
    (
      document as unknown as { featurePolicy?: { allowsFeature: (name: string) => boolean } }
    ).featurePolicy?.allowsFeature('camera'),
  );
  expect(allowed).toBe(false);
});
