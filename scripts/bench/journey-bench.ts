/**
 * `npm run bench:journeys`: how long a reader waits when a request fails, and when going
 * back, in Debian's Chromium against the built bundle (`npm run build` first). The end-to-end
 * tests check what the reader gets (the error view, Retry, one request, Back from the
 * cache); the times live here, since on a busy machine they say nothing about the reader.
 *
 * Each figure is the page's own clock (performance.now) from the reader's click to what
 * shows, median of `--runs`:
 * - the error view with Retry after following a related article whose file fails, by fault
 *   (each faulty answer takes 200 ms), and "Page not found" for a 404;
 * - Back from that error view to the article before, which comes from the cache;
 * - on 3G (2 s round trip, 400 kbit/s) with a 4x slower CPU: a related article opening, and
 *   a 5 MB file refused.
 *
 * Not part of `npm test`: figures depend on the machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page, type Route } from '@playwright/test';
import { articleJsonPath, articlePath, SEED_SLUG } from '../../e2e/seed.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from '../chromium.ts';
import { startStaticServer } from '../serve-static.ts';
import { median } from './report.ts';
import { repoRoot } from './runners.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '0' },
  },
});
const runs = Number(values.runs);
const dist = path.join(repoRoot, 'dist');
const log = (line: string) => {
  console.error(`[journeys bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
};

const [related] = (
  JSON.parse(readFileSync(path.join(dist, articleJsonPath(SEED_SLUG)), 'utf8')) as {
    related: { slug: string; title: string }[];
  }
).related.slice(-1);
if (related === undefined) throw new Error('the seed article has no related articles');
const { slug: relatedSlug, title: relatedTitle } = related;
const relatedJson = readFileSync(path.join(dist, articleJsonPath(relatedSlug)), 'utf8');
const seedTitle = (
  JSON.parse(readFileSync(path.join(dist, articleJsonPath(SEED_SLUG)), 'utf8')) as { title: string }
).title;

const THREE_G = {
  offline: false,
  latency: 2000,
  downloadThroughput: (500 * 1024 * 0.8) / 8,
  uploadThroughput: (500 * 1024 * 0.8) / 8,
};

const later = () => new Promise((resolve) => setTimeout(resolve, 200));
const fulfilJson = (route: Route, body: string) =>
  route.fulfill({ status: 200, contentType: 'application/json', body });

type Case = {
  name: string;
  answer: (route: Route) => Promise<void>;
  /** What the page shows once the click is answered. */
  shows: 'error' | 'not-found' | 'article';
  slow?: boolean;
};

const cases: Case[] = [
  { name: '500', shows: 'error', answer: (r) => later().then(() => r.fulfill({ status: 500 })) },
  {
    name: 'connection reset',
    shows: 'error',
    answer: (r) => later().then(() => r.abort('connectionreset')),
  },
  { name: 'no answer', shows: 'error', answer: () => new Promise(() => undefined) },
  { name: 'not JSON', shows: 'error', answer: (r) => later().then(() => fulfilJson(r, '{')) },
  {
    name: '5 MB body',
    shows: 'error',
    answer: (r) => later().then(() => fulfilJson(r, relatedJson + ' '.repeat(5 * 1024 * 1024))),
  },
  {
    name: '404',
    shows: 'not-found',
    answer: (r) => later().then(() => r.fulfill({ status: 404 })),
  },
  { name: '3G: the article', shows: 'article', slow: true, answer: (r) => r.continue() },
  {
    // Answered by page.route: its headers come at once, the body through the throttle.
    name: '3G: 5 MB body',
    shows: 'error',
    slow: true,
    answer: (r) => fulfilJson(r, relatedJson + ' '.repeat(5 * 1024 * 1024)),
  },
];

/** Waits for what the case shows; returns when it showed, by the page's clock. */
async function shownAt(page: Page, shows: Case['shows']): Promise<number> {
  const handle = await page.waitForFunction(
    ({ shows, title }) => {
      const main = document.querySelector('main');
      const h1 = main?.querySelector('h1')?.textContent;
      const isShown =
        shows === 'error'
          ? main?.querySelector('[role="alert"] button') != null
          : h1 === (shows === 'not-found' ? 'Page not found' : title);
      return isShown && performance.now();
    },
    { shows, title: relatedTitle },
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

const server = await startStaticServer({ root: dist, port: Number(values.port) });
const origin = server.url.replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: CHROMIUM_ARGS,
});
const results = new Map<string, number[]>();
const record = (name: string, ms: number) => results.set(name, [...(results.get(name) ?? []), ms]);
try {
  for (let run = 0; run < runs; run++) {
    for (const fault of cases) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${origin}${articlePath(SEED_SLUG)}`);
      await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
      await page.route(
        (url) => url.pathname === articleJsonPath(relatedSlug),
        (route) => fault.answer(route),
      );
      if (fault.slow) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', THREE_G);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      }
      const link = page
        .getByRole('region', { name: 'Related' })
        .getByRole('link', { name: relatedTitle, exact: true });
      const clicked = await link.evaluate((element) => {
        (element as HTMLElement).click();
        return performance.now();
      });
      record(fault.name, (await shownAt(page, fault.shows)) - clicked);
      if (!fault.slow) {
        const back = await page.evaluate(() => {
          history.back();
          return performance.now();
        });
        const handle = await page.waitForFunction(
          (title) => document.querySelector('main h1')?.textContent === title && performance.now(),
          seedTitle,
          { polling: 'raf' },
        );
        record('Back to the article before', ((await handle.jsonValue()) as number) - back);
      }
      await context.close();
    }
    log(`run ${run + 1} of ${runs} done`);
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`Journeys, median of ${runs} runs (ms from the click, by the page's clock):`);
for (const [name, times] of results) {
  const shown = median(times) ?? Number.NaN;
  console.log(
    `  ${name.padEnd(28)} ${shown.toFixed(0).padStart(6)} ms   (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
  );
}
