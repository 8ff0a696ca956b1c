/**
 * Fault injection: every request the reader's journeys make (list pages, archives, articles,
 * an article's related list, search, "Load more", the section menu) answered with each of
 * the faults a network or a host produces, with `page.route`. Each test starts from a
 * working page and asks for the faulted resource as a reader does (a click, typing), then
 * checks what the reader gets: no crash and no blank page; "Page not found" for a page
 * whose data is missing (404), asked once; otherwise the error view with Retry within 5 s
 * (in place, where the page stays: search, "Load more"), the request tried again with growing
 * waits when the fault may pass (5xx, a reset connection, no answer) and asked once when it
 * will not (bad data); Retry brings the page once the fault is gone; and what was on screen
 * stays there. The suite prints how many faults it injected and how many were handled.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, Route } from '@playwright/test';
import { NOT_FOUND_ERRORS, expect, test } from './fixtures.ts';
import { findCardLink, latestHeading } from './home.ts';
import { SEED_SLUG, articleJsonPath, articlePath, readSeed } from './seed.ts';

const seed = readSeed();
const distDir = path.resolve(import.meta.dirname, '..', 'dist');
const [related] = (
  JSON.parse(readFileSync(path.join(distDir, articleJsonPath(SEED_SLUG)), 'utf8')) as {
    related: { slug: string; title: string }[];
  }
).related.slice(-1);
if (related === undefined) throw new Error('the seed article has no related articles');

/** The reader is owed the error view (or "Page not found") within this time of the click. */
const ERROR_VIEW_WITHIN_MS = 5000;

/**
 * Every faulty answer takes this long, as a real one does. It also lets a click join the
 * request its hover (or the list's scrolling) started a moment before, as on a real network,
 * so that the requests counted are those of one load.
 */
const FAULT_LATENCY_MS = 200;

type Fault = {
  name: string;
  /** What the reader must see: "Page not found", or the error view with Retry. */
  shows: 'not-found' | 'error';
  /** Tried again with growing waits (the fault may pass), or asked once. */
  isRetried: boolean;
  /** The browser's own console line for this fault, which the test allows. */
  consoleErrors: RegExp[];
  answer: (route: Route) => Promise<void>;
};

const later = () => new Promise((resolve) => setTimeout(resolve, FAULT_LATENCY_MS));
const json = (route: Route, body: string) =>
  route.fulfill({ status: 200, contentType: 'application/json', body });

/**
 * Bad data is not tried again: a file that is empty, cut short, `null`, an HTML page or
 * megabytes long will be the same a second later; Retry is the reader's to press.
 */
const faults: Fault[] = [
  {
    name: 'empty body',
    shows: 'error',
    isRetried: false,
    consoleErrors: [],
    answer: async (route) => json(route, ''),
  },
  {
    name: 'truncated JSON',
    shows: 'error',
    isRetried: false,
    consoleErrors: [],
    answer: async (route) => {
      const real = await (await route.fetch()).text();
      await json(route, real.slice(0, Math.floor(real.length / 2)));
    },
  },
  {
    name: 'null',
    shows: 'error',
    isRetried: false,
    consoleErrors: [],
    answer: async (route) => json(route, 'null'),
  },
  {
    // A Wi-Fi sign-in page or a proxy's error page, sent with 200.
    name: 'HTML with status 200',
    shows: 'error',
    isRetried: false,
    consoleErrors: [],
    answer: async (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Sign in to the Wi-Fi</title><h1>Welcome aboard</h1><form></form>',
      }),
  },
  {
    // The real file followed by 5 MB of spaces: still valid JSON, so only the size limit
    // stands between it and the page.
    name: '5 MB body',
    shows: 'error',
    isRetried: false,
    consoleErrors: [],
    answer: async (route) => {
      const real = await (await route.fetch()).text();
      await json(route, real + ' '.repeat(5 * 1024 * 1024));
    },
  },
  {
    name: '404',
    shows: 'not-found',
    isRetried: false,
    consoleErrors: NOT_FOUND_ERRORS,
    answer: async (route) => route.fulfill({ status: 404, body: 'Not found' }),
  },
  {
    name: '500',
    shows: 'error',
    isRetried: true,
    consoleErrors: [/status of 500/],
    answer: async (route) => route.fulfill({ status: 500, body: 'Internal error' }),
  },
  {
    name: '503',
    shows: 'error',
    isRetried: true,
    consoleErrors: [/status of 503/],
    answer: async (route) => route.fulfill({ status: 503, body: 'Try later' }),
  },
  {
    name: 'connection reset',
    shows: 'error',
    isRetried: true,
    consoleErrors: [/ERR_CONNECTION_RESET/],
    answer: async (route) => route.abort('connectionreset'),
  },
  {
    name: 'no answer',
    shows: 'error',
    isRetried: true,
    consoleErrors: [],
    // Never answered: the app gives the request up.
    answer: () => new Promise(() => undefined),
  },
];

/** How a journey's failure shows: in place of the page, or inside the page that stays. */
type Where = 'page' | 'inline' | 'nowhere';

type Journey = {
  name: string;
  /** The requests the fault answers. */
  faulted: (url: URL) => boolean;
  /** The working page the reader starts from. */
  open: (page: Page) => Promise<void>;
  /** What must stay on screen through the failure (inline), or come back on Back (page). */
  stays: (page: Page) => Locator;
  /** The reader's click or typing that asks for the faulted resource. */
  act: (page: Page) => Promise<void>;
  /** What the reader gets once the resource comes. */
  content: (page: Page) => Locator;
  where: Where;
};

const pathIs = (wanted: string) => (url: URL) => url.pathname === wanted;
const mainHeading = (page: Page, name: string | RegExp) =>
  page.getByRole('main').getByRole('heading', { level: 1, name, exact: true });

const journeys: Journey[] = [
  {
    name: 'a list page',
    faulted: pathIs('/api/latest/3.json'),
    open: async (page) => {
      await page.goto('/');
    },
    stays: (page) => latestHeading(page),
    act: (page) => page.getByRole('link', { name: 'Page 3', exact: true }).click(),
    content: (page) => latestHeading(page, 3),
    where: 'page',
  },
  {
    name: 'a section front',
    faulted: pathIs('/api/sections/middle-east/1.json'),
    open: async (page) => {
      await page.goto('/');
    },
    stays: (page) => latestHeading(page),
    act: (page) =>
      page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Middle East' })
        .click(),
    content: (page) => mainHeading(page, 'Middle East'),
    where: 'page',
  },
  {
    name: 'an article',
    faulted: pathIs(articleJsonPath(SEED_SLUG)),
    open: async (page) => {
      await page.goto('/');
    },
    stays: (page) => latestHeading(page),
    act: async (page) => {
      await (await findCardLink(page, seed.title)).click();
    },
    content: (page) => mainHeading(page, seed.title),
    where: 'page',
  },
  {
    // The related list comes inside the article's JSON: following it asks for the article.
    name: 'a related article',
    faulted: pathIs(articleJsonPath(related.slug)),
    open: async (page) => {
      await page.goto(articlePath(SEED_SLUG));
    },
    stays: (page) => mainHeading(page, seed.title),
    act: (page) =>
      page
        .getByRole('region', { name: 'Related' })
        .getByRole('link', { name: related.title, exact: true })
        .click(),
    content: (page) => mainHeading(page, related.title),
    where: 'page',
  },
  {
    // Typing asks for the index's term files as it goes; the docs file, which turns ranks
    // into articles, is asked for by the search itself.
    name: 'search',
    faulted: (url) => url.pathname.startsWith('/api/search/docs/'),
    open: async (page) => {
      await page.goto('/search/');
      // The search page is drawn in the browser: the reader types once it is there.
      await expect(mainHeading(page, 'Search')).toBeVisible();
    },
    stays: (page) => mainHeading(page, 'Results for “smuggling”'),
    act: (page) => page.getByRole('searchbox', { name: 'Search articles' }).fill('smuggling'),
    content: (page) => page.getByRole('main').getByRole('heading', { level: 2 }).first(),
    where: 'inline',
  },
  {
    name: '"Load more"',
    faulted: pathIs('/api/latest/2.json'),
    open: async (page) => {
      // A short window keeps the list's end out of the feed's look-ahead, so page 2 is
      // asked for by "Load more" (and its fault), not prefetched while the page loads.
      await page.setViewportSize({ width: 1280, height: 400 });
      await page.goto('/');
    },
    stays: (page) => page.getByRole('main').getByRole('article').nth(9),
    act: (page) => page.getByRole('button', { name: 'Load more' }).click(),
    content: (page) => page.getByRole('main').getByRole('article').nth(19),
    where: 'inline',
  },
  {
    // Pages drawn in the browser (the search page) ask for the menu themselves; without
    // it the header has none, and the page works.
    name: 'the section menu',
    faulted: pathIs('/api/sections.json'),
    open: () => Promise.resolve(),
    stays: (page) => mainHeading(page, 'Search'),
    act: async (page) => {
      await page.goto('/search/');
    },
    content: (page) => page.getByRole('navigation', { name: 'Sections' }),
    where: 'nowhere',
  },
];

/** Injects the fault; returns the log of the faulted requests: when each came, in ms. */
async function injectFault(page: Page, journey: Journey, fault: Fault): Promise<number[]> {
  const seen: number[] = [];
  await page.route(
    (url) => journey.faulted(url),
    async (route: Route) => {
      seen.push(Date.now());
      await later();
      await fault.answer(route);
    },
  );
  return seen;
}

/** The page's own clock, now. */
const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** Waits for the failure (or, for the menu, the page) to show; says when, by the page's clock. */
async function shownAt(page: Page, where: Where, shows: Fault['shows']): Promise<number> {
  const handle = await page.waitForFunction(
    ({ where, shows }) => {
      const main = document.querySelector('main');
      const isShown =
        where === 'nowhere'
          ? main?.querySelector('h1')?.textContent === 'Search'
          : where === 'page' && shows === 'not-found'
            ? main?.querySelector('h1')?.textContent === 'Page not found'
            : main?.querySelector('[role="alert"] button') != null;
      return isShown && performance.now();
    },
    { where, shows },
    { polling: 'raf', timeout: 15_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Acts, and checks that the failure shows within ERROR_VIEW_WITHIN_MS of it, by the page's
 * clock; the time is kept for the figures the suite prints.
 */
async function timeToShow(
  page: Page,
  where: Where,
  shows: Fault['shows'],
  fault: string,
  act: () => Promise<unknown>,
): Promise<void> {
  let elapsed: number;
  if (where === 'nowhere') {
    // A page loaded afresh: its clock starts with the navigation.
    await act();
    elapsed = await shownAt(page, where, shows);
  } else {
    const started = await pageNow(page);
    const acting = act();
    elapsed = (await shownAt(page, where, shows)) - started;
    await acting;
  }
  expect(elapsed, 'time to the error view').toBeLessThanOrEqual(ERROR_VIEW_WITHIN_MS);
  if (where === 'nowhere') tally.withoutMenu.push(elapsed);
  else if (shows === 'not-found') tally.notFound.push(elapsed);
  else tally.errorView.set(fault, [...(tally.errorView.get(fault) ?? []), elapsed]);
}

/** Faults injected and handled, and how long each took to show, by what it showed. */
const tally = {
  injected: 0,
  handled: 0,
  /** Time to the error view (whole page or in place), by fault. */
  errorView: new Map<string, number[]>(),
  notFound: [] as number[],
  withoutMenu: [] as number[],
};

const median = (list: number[]) =>
  [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)] ?? 0;
const figures = (list: number[]) =>
  `median ${median(list).toFixed(0)} ms, max ${Math.max(0, ...list).toFixed(0)} ms, over ${list.length}`;

test.afterAll(() => {
  console.log(`faults: ${tally.injected} injected, ${tally.handled} handled`);
  console.log(
    `time to the error view with Retry: ${figures([...tally.errorView.values()].flat())} (each faulty answer takes ${FAULT_LATENCY_MS} ms)`,
  );
  for (const [fault, times] of tally.errorView) console.log(`  ${fault}: ${figures(times)}`);
  console.log(`time to "Page not found": ${figures(tally.notFound)}`);
  console.log(`time to the search page without its section menu: ${figures(tally.withoutMenu)}`);
});

for (const journey of journeys) {
  test.describe(journey.name, () => {
    for (const fault of faults) {
      test(fault.name, async ({ page, consoleGuard }) => {
        tally.injected += 1;
        consoleGuard.allow(...fault.consoleErrors);
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));

        await journey.open(page);
        const requests = await injectFault(page, journey, fault);
        const shows = journey.where === 'page' ? fault.shows : 'error';
        await timeToShow(page, journey.where, shows, fault.name, () => journey.act(page));

        // Not blank: the site's header and the page's own content are there.
        await expect(
          page.getByRole('banner').getByRole('link', { name: 'Middle East Monitor' }),
        ).toBeVisible();
        expect((await page.getByRole('main').innerText()).trim()).not.toBe('');
        if (journey.where === 'inline') await expect(journey.stays(page)).toBeVisible();
        if (journey.where === 'nowhere') {
          await expect(page.getByRole('alert')).toHaveCount(0);
          await expect(journey.content(page)).toHaveCount(0);
        }

        if (fault.isRetried) {
          expect(requests.length, 'tried again').toBeGreaterThan(1);
          const gaps = requests.slice(1).map((at, index) => at - (requests[index] ?? at));
          for (let index = 1; index < gaps.length; index++) {
            expect(gaps[index], 'each wait longer than the last').toBeGreaterThan(
              gaps[index - 1] ?? 0,
            );
          }
        } else {
          // A 404 or bad data is asked for once.
          expect(requests, 'asked once').toHaveLength(1);
        }

        await page.unrouteAll({ behavior: 'ignoreErrors' });
        if (journey.where === 'nowhere') {
          // The next search asks for the menu again, and the header has it.
          await page.getByRole('searchbox', { name: 'Search articles' }).fill('grain');
          await expect(journey.content(page)).toBeVisible();
        } else if (shows === 'error') {
          await page.getByRole('main').getByRole('button', { name: 'Retry' }).click();
          await expect(journey.content(page)).toBeVisible();
          await expect(page.getByRole('alert')).toHaveCount(0);
        }
        if (journey.where === 'page') {
          // Going back shows the page before at once: it is in the cache.
          await page.goBack();
          await expect(journey.stays(page)).toBeVisible({ timeout: 2000 });
        }

        expect(pageErrors, 'uncaught errors in the page').toEqual([]);
        tally.handled += 1;
      });
    }
  });
}

test('with the whole API down, Back still shows the page before, at once', async ({
  page,
  consoleGuard,
}) => {
  tally.injected += 1;
  consoleGuard.allow(/ERR_CONNECTION_RESET/);
  await page.goto('/');
  await expect(latestHeading(page)).toBeVisible();
  // Ten minutes later, the list in the cache is older than its five minutes' freshness.
  await page.clock.setSystemTime(Date.now() + 10 * 60_000);
  await page.route('**/api/**', (route) => route.abort('connectionreset'));

  await timeToShow(page, 'page', 'error', 'the whole API down (reset)', () =>
    page.getByRole('link', { name: 'Page 3', exact: true }).click(),
  );

  // The list is in the cache: it is shown at once, and its refresh fails behind it without
  // taking it away.
  await page.goBack();
  await expect(latestHeading(page)).toBeVisible({ timeout: 2000 });
  await page.waitForTimeout(2000);
  await expect(latestHeading(page)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  tally.handled += 1;
});

test('search with every index file failing shows its own error, and Retry recovers', async ({
  page,
  consoleGuard,
}) => {
  tally.injected += 1;
  consoleGuard.allow(/status of 503/);
  await page.goto('/search/');
  await expect(mainHeading(page, 'Search')).toBeVisible();
  await page.route('**/api/search/**', (route) => route.fulfill({ status: 503, body: 'Busy' }));

  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await timeToShow(page, 'inline', 'error', 'every search file 503', () => box.fill('smuggling'));
  await expect(box).toHaveValue('smuggling');
  await expect(mainHeading(page, 'Results for “smuggling”')).toBeVisible();

  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.getByRole('main').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
  tally.handled += 1;
});
