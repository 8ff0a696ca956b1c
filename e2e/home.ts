import { expect, type Locator, type Page } from '@playwright/test';

/** The home page's heading for a page of the latest list. */
export function latestHeading(page: Page, pageNumber = 1): Locator {
  const name = pageNumber > 1 ? `Latest news, page ${pageNumber}` : 'Latest news';
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/**
 * The card link for an article in the latest list, paging with "Older →" from the
 * page on screen until it shows (the list is newest first, ten to a page).
 */
export async function findCardLink(page: Page, title: string): Promise<Locator> {
  for (let pageNumber = 1; ; pageNumber += 1) {
    await expect(latestHeading(page, pageNumber)).toBeVisible();
    const link = page.getByRole('main').getByRole('link', { name: title, exact: true });
    if ((await link.count()) > 0) return link;
    const older = page.getByRole('link', { name: 'Older →' });
    if ((await older.count()) === 0)
      throw new Error(`No card for "${title}" on any page of the latest list`);
    await older.click();
  }
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
