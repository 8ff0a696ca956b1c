import { expect, type Locator, type Page } from '@playwright/test';

/** The home page's heading: the front's (no page number) or a numbered page's. */
export function latestHeading(page: Page, pageNumber?: number): Locator {
  const name = pageNumber === undefined ? 'Latest news' : `Latest news, page ${pageNumber}`;
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/**
 * The card link for an article in the latest list, paging with "Older →" from the front
 * until it shows (newest first: the front, then pages counted down from the oldest's 1).
 */
export async function findCardLink(page: Page, title: string): Promise<Locator> {
  let olderPage: number | undefined;
  for (let pageNumber: number | undefined; ; pageNumber = olderPage) {
    await expect(latestHeading(page, pageNumber)).toBeVisible();
    const link = page.getByRole('main').getByRole('link', { name: title, exact: true });
    if ((await link.count()) > 0) return link;
    const older = page.getByRole('link', { name: 'Older →' });
    if ((await older.count()) === 0)
      throw new Error(`No card for "${title}" on any page of the latest list`);
    olderPage = pageOf(await older.getAttribute('href'));
    await older.click();
  }
}

/** The page number in a list page's link (`/page/3/`, `/tags/uk/page/3/`). */
export function pageOf(href: string | null): number {
  const number = /\/page\/(\d+)\/$/.exec(href ?? '')?.[1];
  if (number === undefined) throw new Error(`${href ?? 'no link'} is not a numbered page`);
  return Number(number);
}

/** Whether the page is still the document the test first loaded (no full reload since). */
export async function setMarker(page: Page): Promise<void> {
  await page.evaluate(() => {
    Reflect.set(window, '__marker', 1);
  });
}

export async function expectSameDocument(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => Reflect.get(window, '__marker') as unknown),
    'the page reloaded',
  ).toBe(1);
}

/** Paths of the JSON API requests the page makes from now on. */
export function recordApiRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) paths.push(pathname);
  });
  return paths;
}
