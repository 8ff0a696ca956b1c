/**
 * Fault injection: every request the reader's journeys make (list pages, archives, articles,
 * an article's related list, search, "Load more", the section menu) answered with each of
 * the faults a network or a host produces, with `page.route`. Each test starts from a
 * working page and asks for the faulted resource as a reader does (a click, typing), then
 * checks what the reader gets: no crash and no blank page; "Page not found" for a page
 * whose data is missing (404), asked once; otherwise the error view with Retry (in place,
 * where the page stays: search, "Load more"), the request tried again with growing waits when
 * the fault came at once and may pass (5xx, a reset connection) and asked once when it will
 * not (bad data) or when the server stays silent past the deadline; Retry brings the page
 * once the fault is gone; what was on screen stays there, and Back shows it from the cache
 * with no request. How long each takes is measured by `npm run bench:journeys`, not here:
 * times on a busy machine say nothing about the reader. The suite prints how many faults it
 * injected and how many were handled.
 */
import type { Locator, Page, Route } from '@playwright/test';
import { NOT_FOUND_ERRORS, expect, test } from './fixtures.ts';
import { findCardLink, latestHeading, recordApiRequests } from './home.ts';
import { SEED_SLUG, articleJsonPath, articlePath, lastRelatedOfSeed, readSeed } from './seed.ts';

const seed = readSeed();
const related = lastRelatedOfSeed();

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
    // Waited for until the headers deadline, then given up: asking a silent server again
    // would only make the reader wait twice as long.
    name: 'no answer',
    shows: 'error',
    isRetried: false,
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
  /** The API files the page that stays is drawn from. */
  staysData: string[];
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
    staysData: ['/api/latest/front.json'],
    act: (page) => page.getByRole('link', { name: 'Page 3', exact: true }).click(),
    content: (page) => latestHeading(page, 3),
    where: 'page',
  },
  {
    name: 'a section front',
    faulted: pathIs('/api/sections/middle-east/front.json'),
    open: async (page) => {
      await page.goto('/');
    },
    stays: (page) => latestHeading(page),
    staysData: ['/api/latest/front.json'],
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
    staysData: ['/api/latest/front.json'],
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
    staysData: [articleJsonPath(SEED_SLUG)],
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
    staysData: [],
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
      // The list's look-ahead (an IntersectionObserver) asks for page 2 when the click
      // scrolls the button into view, and a look-ahead that failed is asked again by the
      // click itself: on a busy machine the two come apart. Without the observer (as in a
      // browser that has none) page 2 is asked for by "Load more" alone.
      await page.addInitScript(() => {
        Reflect.deleteProperty(window, 'IntersectionObserver');
      });
      await page.goto('/');
    },
    stays: (page) => page.getByRole('main').getByRole('article').nth(9),
    staysData: ['/api/latest/front.json'],
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
    staysData: [],
    act: async (page) => {
      await page.goto('/search/');
    },
    content: (page) => page.getByRole('navigation', { name: 'Sections' }),
    where: 'nowhere',
  },
];

/** Injects the fault; returns the list of the faulted requests, as they come. */
async function injectFault(page: Page, journey: Journey, fault: Fault): Promise<string[]> {
  const seen: string[] = [];
  await page.route(
    (url) => journey.faulted(url),
    async (route: Route) => {
      seen.push(route.request().url());
      await later();
      await fault.answer(route);
    },
  );
  return seen;
}

/** Acts, and waits for the failure (or, for the menu, the page) to show. */
async function actUntilShown(
  page: Page,
  where: Where,
  shows: Fault['shows'],
  act: () => Promise<unknown>,
): Promise<void> {
  await act();
  const main = page.getByRole('main');
  if (where === 'nowhere') await expect(mainHeading(page, 'Search')).toBeVisible();
  else if (where === 'page' && shows === 'not-found')
    await expect(mainHeading(page, 'Page not found')).toBeVisible();
  else await expect(main.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
}

/** Faults injected and handled. */
const tally = { injected: 0, handled: 0 };

test.afterAll(() => {
  console.log(`faults: ${tally.injected} injected, ${tally.handled} handled`);
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
        await actUntilShown(page, journey.where, shows, () => journey.act(page));

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
          // How many times, and after which waits, is getJson's to say (its unit tests
          // check the waits against a real server): here, that it was tried again.
          expect(requests.length, 'tried again').toBeGreaterThan(1);
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
          // Going back shows the page before from the cache, where it is still fresh: the
          // network is not asked for it.
          const requests = recordApiRequests(page);
          await page.goBack();
          await expect(journey.stays(page)).toBeVisible();
          expect(requests.filter((path) => journey.staysData.includes(path))).toEqual([]);
        }

        expect(pageErrors, 'uncaught errors in the page').toEqual([]);
        tally.handled += 1;
      });
    }
  });
}

test('with the whole API down, Back shows the page before from the cache, and keeps it', async ({
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

  await actUntilShown(page, 'page', 'error', () =>
    page.getByRole('link', { name: 'Page 3', exact: true }).click(),
  );

  // Back: the list's refresh is held unanswered, and the list is on screen all the same,
  // from the cache; then the refresh fails behind it without taking it away.
  let failRefresh: () => void = () => undefined;
  const held = new Promise<void>((release) => {
    failRefresh = release;
  });
  const refreshing = new Promise<void>((resolve) => {
    void page.route('**/api/latest/front.json', async (route) => {
      resolve();
      await held;
      await route.abort('connectionreset');
    });
  });
  await page.goBack();
  await refreshing;
  await expect(latestHeading(page)).toBeVisible();
  const failed = page.waitForEvent('requestfailed', (request) =>
    request.url().endsWith('/api/latest/front.json'),
  );
  failRefresh();
  await failed;
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
  await actUntilShown(page, 'inline', 'error', () => box.fill('smuggling'));
  await expect(box).toHaveValue('smuggling');
  await expect(mainHeading(page, 'Results for “smuggling”')).toBeVisible();

  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.getByRole('main').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
  tally.handled += 1;
});
