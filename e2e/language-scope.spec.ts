/**
 * Language scope: content is styled by its own language, the interface by the interface's.
 * An English article keeps its type in the Arabic interface, an Arabic card's date row
 * starts where its headline does, Related cards keep their own look, and a section's name
 * is cased the same over every card.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { findCardLink } from './home.ts';
import { SEED_SLUG, articlePath } from './seed.ts';

/** An Arabic article whose Related list has an Arabic card and English ones. */
const ARABIC_SLUG = '20230819-مشاريع-تحلية-المياه-في-الخليج-تتجه-إلى-الطاقة-الشمسية';
/** The Arabic card: under ARABIC_SLUG, and in the latest list. */
const ARABIC_CARD_TITLE = 'موجة الحر تزيد الضغط على إمدادات المياه في مدن المنطقة';
const TURKISH_SLUG =
  '20230814-tahil-koridorunun-kapanmasinin-ardindan-un-ve-ekmek-fiyatlari-gundemde';
const TURKISH_TITLE = 'Tahıl koridorunun kapanmasının ardından un ve ekmek fiyatları gündemde';

type Interface = 'en' | 'ar' | 'tr';

/** Opens `path` with the interface in `locale`, as the footer's switch would remember it. */
async function openIn(page: Page, locale: Interface, path: string) {
  await page.addInitScript((chosen) => localStorage.setItem('reader-locale', chosen), locale);
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** What the eye sees of an element's type: family, weight, line height, casing, spacing. */
const typeOf = (locator: Locator) =>
  locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      fontFamily: style.fontFamily,
      fontWeight: style.fontWeight,
      lineHeight: style.lineHeight,
      letterSpacing: style.letterSpacing,
      textTransform: style.textTransform,
    };
  });

/** The text as drawn (with its capitals), not as written. */
const shownText = (locator: Locator) =>
  locator.evaluate((element: HTMLElement) => element.innerText);

/** The type of an article's headline, first paragraph and section label, as shown now. */
async function articleType(page: Page) {
  const article = page.locator('article.article');
  const section = article.locator('.article__section');
  return {
    headline: await typeOf(article.getByRole('heading', { level: 1 })),
    body: await typeOf(article.locator('.article-body p').first()),
    section: await typeOf(section),
    sectionText: await shownText(section),
  };
}

test('in the Arabic interface, an English article keeps its English type and capitals', async ({
  page,
}) => {
  // An English browser: the English interface, until the reader chooses (and it is remembered).
  await page.goto(articlePath(SEED_SLUG));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const inEnglish = await articleType(page);

  // The reader switches the interface while reading: the page mirrors, the article does not.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const inArabic = await articleType(page);
  expect(inArabic).toEqual(inEnglish);
  // The English type itself, not merely the same wrong one twice.
  expect(inArabic.headline.fontFamily).toMatch(/^Georgia/);
  expect(inArabic.sectionText).toBe(inArabic.sectionText.toUpperCase());
  expect(inArabic.sectionText).not.toBe(inArabic.sectionText.toLowerCase());

  // And so on its own page in the Arabic interface, as a reader arriving there meets it.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await articleType(page)).toEqual(inEnglish);
});

test('an Arabic article has the Arabic script’s type in either interface', async ({ page }) => {
  for (const locale of ['en', 'ar'] as const) {
    await openIn(page, locale, articlePath(ARABIC_SLUG));
    const headline = page.locator('article.article').getByRole('heading', { level: 1 });
    const type = await typeOf(headline);
    expect(type.fontFamily).toMatch(/^system-ui/);
    const size = await headline.evaluate((element) =>
      parseFloat(getComputedStyle(element).fontSize),
    );
    expect(parseFloat(type.lineHeight) / size).toBeCloseTo(1.8, 1);
  }
});

/** The card (its `<article>`) whose headline links with `title`. */
const cardOf = (link: Locator) => link.locator('xpath=ancestor::article[1]');

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('not laid out');
  return { left: found.x, right: found.x + found.width };
}

test('in the English interface, an Arabic card’s date and Save start at its headline’s edge', async ({
  page,
}) => {
  await openIn(page, 'en', '/');
  const card = cardOf(await findCardLink(page, ARABIC_CARD_TITLE));
  await expect(card).toHaveAttribute('dir', 'rtl');
  const save = card.getByRole('button', { name: `Save: ${ARABIC_CARD_TITLE}` });
  await expect(save).toBeVisible();
  const date = card.getByRole('time');
  // The reader's words, in the interface's language (one rule for every card).
  await expect(date).toHaveText(/^August \d{1,2}, 2023$/);

  const headline = await box(card.getByRole('heading'));
  const row = await box(card.locator('.card__date'));
  expect(Math.abs(row.right - headline.right)).toBeLessThan(2);
  // Right to left, as the headline: the date first, at the right edge, then Save.
  expect(Math.abs((await box(date)).right - row.right)).toBeLessThan(2);
  expect((await box(save)).right).toBeLessThan((await box(date)).left);
});

test('in the Arabic interface, an English card’s date and Save start at its headline’s left edge', async ({
  page,
}) => {
  await openIn(page, 'ar', '/');
  const card = page.locator('article.card[lang="en"]').first();
  const save = card.getByRole('button', { name: /^احفظ: / });
  await expect(save).toBeVisible();
  const date = card.getByRole('time');
  await expect(date).toHaveText(/أغسطس/);

  const headline = await box(card.getByRole('heading'));
  const row = await box(card.locator('.card__date'));
  expect(Math.abs(row.left - headline.left)).toBeLessThan(2);
  expect(Math.abs((await box(date)).left - row.left)).toBeLessThan(2);
  expect((await box(save)).left).toBeGreaterThan((await box(date)).right);
});

test('Related cards under an Arabic article keep their own language’s look, and the interface’s dates', async ({
  page,
}) => {
  for (const locale of ['en', 'ar'] as const) {
    await openIn(page, locale, articlePath(ARABIC_SLUG));
    const related = page.locator('section.related');
    const english = related.locator('article.card[lang="en"]').first();
    const arabic = related.locator('article.card[lang="ar"]').first();
    await expect(english.getByRole('heading')).toBeVisible();
    await expect(arabic.getByRole('heading', { name: ARABIC_CARD_TITLE })).toBeVisible();

    const englishTitle = await typeOf(english.getByRole('heading'));
    expect(englishTitle.fontFamily).toMatch(/^Georgia/);
    expect((await typeOf(arabic.getByRole('heading'))).fontFamily).toMatch(/^system-ui/);
    const section = await shownText(english.locator('.card__section'));
    expect(section).toBe(section.toUpperCase());
    // Inside an Arabic article, a Related card's date is still the interface's.
    await expect(english.getByRole('time')).toHaveText(
      locale === 'en' ? /^[A-Z][a-z]+ \d{1,2}, 2023$/ : /^[^A-Za-z]+$/,
    );
  }
});

for (const locale of ['en', 'tr', 'ar'] as const) {
  test(`a Turkish section’s name is cased the same over every card and article (${locale} interface)`, async ({
    page,
  }) => {
    await openIn(page, locale, '/category/europe-russia/turkiye/');
    // English and Turkish articles alike are filed under it.
    await expect(page.locator('article.card[lang="tr"]').first()).toBeVisible();
    await expect(page.locator('article.card[lang="en"]').first()).toBeVisible();
    const seen = new Set<string>();
    for (const label of await page.getByRole('main').locator('.card__section').all()) {
      seen.add(await shownText(label));
    }
    await page.goto(articlePath(TURKISH_SLUG));
    await expect(page.getByRole('heading', { level: 1, name: TURKISH_TITLE })).toBeVisible();
    seen.add(await shownText(page.locator('.article__section')));
    expect([...seen]).toEqual(['TURKIYE']);
  });
}

test('a Turkish tag’s address folds every Latin letter the same way', async ({ page }) => {
  await openIn(page, 'en', articlePath(TURKISH_SLUG));
  // The article's own words label its tags: Turkish ones.
  const tags = page.getByRole('region', { name: 'Etiketler' });
  await expect(tags.getByRole('link', { name: 'Tahıl' })).toHaveAttribute('href', '/tags/tahil/');
  await expect(tags.getByRole('link', { name: 'Gıda güvenliği' })).toHaveAttribute(
    'href',
    '/tags/gida-guvenligi/',
  );
  await tags.getByRole('link', { name: 'Gıda güvenliği' }).click();
  await expect(page).toHaveURL('/tags/gida-guvenligi/');
  await expect(page.getByRole('heading', { level: 1, name: 'Gıda güvenliği' })).toBeVisible();
});
