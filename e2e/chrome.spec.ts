/**
 * The site's chrome as a reader meets it: the header's sections on a phone show which way
 * more of them lies (a fade at the clipped edge, mirrored in Arabic) and follow the scroll;
 * every section link is reached by Tab with its focus ring in full sight, on a phone and a
 * desktop; the Saved page's import is a button the keyboard reaches and that opens the
 * browser's file chooser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Article } from '../src/contract/article.ts';
import { expect, test } from './fixtures.ts';
import { readBuiltFile, SEED_SLUG } from './seed.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** The menu's last section, as built: the one the row must scroll to on a phone. */
const LAST_SECTION = (() => {
  const menu = JSON.parse(readBuiltFile('/api/sections.json')) as { name: string; path: string }[];
  const last = menu.at(-1);
  if (last === undefined) throw new Error('the built section menu is empty');
  return { en: last.name, path: `/category/${last.path}/` };
})();

/** The interface's language, as the footer's switch records it, before any page runs. */
async function useInterface(page: Page, locale: 'en' | 'ar') {
  await page.addInitScript((chosen) => {
    localStorage.setItem('reader-locale', chosen);
  }, locale);
}

function sectionRow(page: Page, name = 'Sections'): Locator {
  return page.getByRole('navigation', { name }).getByRole('list');
}

/** What the row shows of its scroll: the edges marked as hiding more, and each edge's fade. */
function fades(row: Locator) {
  return row.evaluate((list) => {
    const style = getComputedStyle(list);
    return {
      overflows: list.scrollWidth > list.clientWidth,
      moreStart: list.hasAttribute('data-more-start'),
      moreEnd: list.hasAttribute('data-more-end'),
      start: style.getPropertyValue('--fade-start'),
      end: style.getPropertyValue('--fade-end'),
      mask: style.maskImage,
    };
  });
}

function scrollToEnd(row: Locator) {
  return row.evaluate((list) => {
    const hidden = list.scrollWidth - list.clientWidth;
    // A right-to-left row's end is at a negative scrollLeft.
    list.scrollLeft = getComputedStyle(list).direction === 'rtl' ? -hidden : hidden;
  });
}

test.describe('the section row on a phone', () => {
  test.use({ viewport: PHONE });

  const directions = [
    { locale: 'en', dir: 'ltr', nav: 'Sections', endSide: 'right', gradient: 'to right' },
    // The gradient runs from the row's start (its right) to its end (its left).
    { locale: 'ar', dir: 'rtl', nav: 'الأقسام', endSide: 'left', gradient: 'to left' },
  ] as const;
  for (const { locale, dir, nav, endSide, gradient } of directions) {
    test(`in ${locale} (${dir}) it fades at the ${endSide} while more lies there, and at the other edge once scrolled`, async ({
      page,
    }) => {
      await useInterface(page, locale);
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      const row = sectionRow(page, nav);
      await expect
        .poll(() => fades(row))
        .toMatchObject({
          overflows: true,
          moreStart: false,
          moreEnd: true,
          start: '0px',
          end: '40px',
        });
      expect((await fades(row)).mask).toMatch(new RegExp(`^linear-gradient\\(${gradient},`));
      // The last section is cut off at that edge, where the fade is.
      const rowBox = await row.boundingBox();
      const lastBox = await row.getByRole('link').last().boundingBox();
      if (rowBox === null || lastBox === null) throw new Error('the row is not on screen');
      expect(
        endSide === 'right'
          ? lastBox.x + lastBox.width > rowBox.x + rowBox.width
          : lastBox.x < rowBox.x,
      ).toBe(true);

      await scrollToEnd(row);
      await expect
        .poll(() => fades(row))
        .toMatchObject({ moreStart: true, moreEnd: false, start: '40px', end: '0px' });
    });
  }

  test('the section being read is scrolled into sight', async ({ page }) => {
    await useInterface(page, 'en');
    await page.goto(LAST_SECTION.path);
    const row = sectionRow(page);
    const current = row.getByRole('link', { name: LAST_SECTION.en });
    await expect(current).toHaveAttribute('aria-current', 'page');
    await expect.poll(() => outsideOfSight(current)).toEqual([]);
    await expect.poll(() => fades(row)).toMatchObject({ moreStart: true });
  });
});

/**
 * How far a section link's focus ring (its box grown by the outline's offset and width)
 * pokes out of the part of its row in full sight: the row's scrollport, less the fade at each edge.
 * Empty when the whole ring is in sight.
 */
function outsideOfSight(link: Locator) {
  return link.evaluate((element) => {
    const list = element.closest('ul');
    if (list === null) throw new Error('the link is not in the section row');
    const ring = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const grow = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const port = list.getBoundingClientRect();
    const rowStyle = getComputedStyle(list);
    const isRtl = rowStyle.direction === 'rtl';
    const start = parseFloat(rowStyle.getPropertyValue('--fade-start'));
    const end = parseFloat(rowStyle.getPropertyValue('--fade-end'));
    const sight = {
      left: port.left + list.clientLeft + (isRtl ? end : start),
      right: port.left + list.clientLeft + list.clientWidth - (isRtl ? start : end),
      top: port.top + list.clientTop,
      bottom: port.top + list.clientTop + list.clientHeight,
    };
    const problems: string[] = [];
    if (ring.left - grow < sight.left) problems.push(`left by ${sight.left - ring.left + grow}`);
    if (ring.right + grow > sight.right)
      problems.push(`right by ${ring.right + grow - sight.right}`);
    if (ring.top - grow < sight.top) problems.push(`top by ${sight.top - ring.top + grow}`);
    if (ring.bottom + grow > sight.bottom)
      problems.push(`bottom by ${ring.bottom + grow - sight.bottom}`);
    return problems;
  });
}

for (const [label, viewport] of [
  ['390', PHONE],
  ['1280', DESKTOP],
] as const) {
  for (const locale of ['en', 'ar'] as const) {
    test(`at ${label} px (${locale}), Tab reaches every section with its focus ring in full sight`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await useInterface(page, locale);
      await page.goto('/');
      const nav = page.locator('nav.section-nav');
      const row = nav.getByRole('list');
      const links = row.getByRole('link');
      const count = await links.count();
      expect(count).toBeGreaterThan(3);
      // From the header's last control, Tab walks the sections in order.
      await page.locator('.theme-toggle').focus();
      for (let index = 0; index < count; index += 1) {
        await page.keyboard.press('Tab');
        const link = links.nth(index);
        await expect(link).toBeFocused();
        expect(await link.evaluate((element) => element.matches(':focus-visible'))).toBe(true);
        expect(await link.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe(
          'solid',
        );
        await expect.poll(() => outsideOfSight(link)).toEqual([]);
      }
    });
  }
}

/** A file of saved articles as another browser exports it: the seed article, once. */
function libraryFile(): Buffer {
  const file = path.resolve(
    import.meta.dirname,
    '..',
    'dist',
    'api',
    'articles',
    `${SEED_SLUG}.json`,
  );
  const article = JSON.parse(readFileSync(file, 'utf8')) as Article;
  const savedAt = new Date().toISOString();
  return Buffer.from(
    JSON.stringify({
      format: 'news-reader/saved-articles',
      version: 1,
      exportedAt: savedAt,
      articles: [{ savedAt, article }],
    }),
  );
}

test('the Saved page’s import is a button the keyboard reaches, opening the file chooser', async ({
  page,
}) => {
  await useInterface(page, 'en');
  await page.goto('/saved/');
  await expect(page.getByText('Nothing saved yet.')).toBeVisible();
  const control = page.getByRole('button', { name: 'Import saved articles…' });
  const face = page.locator('label', { hasText: 'Import saved articles…' });
  // What the eye sees is the label, drawn as a button; the browser's own file control is not.
  await expect(face).toBeVisible();
  const faceBox = await face.boundingBox();
  expect(faceBox?.height).toBeGreaterThanOrEqual(44);
  expect(await face.evaluate((label) => getComputedStyle(label).borderTopStyle)).toBe('solid');
  const controlBox = await control.boundingBox();
  expect(controlBox?.width ?? 0).toBeLessThanOrEqual(1);

  await page.locator('.theme-toggle').focus();
  let presses = 0;
  while (!(await control.evaluate((input) => input === document.activeElement))) {
    presses += 1;
    expect(presses, 'Tab never reached the import').toBeLessThan(20);
    await page.keyboard.press('Tab');
  }
  // Its ring shows on the label, where the eye is.
  expect(await face.evaluate((label) => getComputedStyle(label).outlineStyle)).toBe('solid');

  const choosing = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  const chooser = await choosing;
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles({
    name: 'from-my-laptop.json',
    mimeType: 'application/json',
    buffer: libraryFile(),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    /^From .from-my-laptop\.json.: Imported: 1 added, 0 updated, 0 already here\.$/,
  );
  await expect(page.getByText('1 article')).toBeVisible();
});
