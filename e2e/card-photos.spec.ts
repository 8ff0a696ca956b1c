/**
 * A card's photo sits beside its headline, at the card's inline end, whatever the photo is:
 * an SVG shown as it is, or a raster photo published as a <picture> with AVIF and WebP
 * sources (whose <source>s once became grid items and pushed the photo below the text).
 * The home page's first screen holds cards in both directions, so each interface language
 * shows cards that run against it.
 */
import { expect, test } from './fixtures.ts';

type CardBoxes = {
  title: string;
  dir: string;
  isPicture: boolean;
  card: DOMRect;
  headline: DOMRect;
  text: DOMRect;
  photo: DOMRect;
  dateRow: { left: number; right: number };
};

for (const locale of ['en', 'ar'] as const) {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    test(`every card's photo is beside its headline, its date at its start, at ${viewport.width} px (interface: ${locale})`, async ({
      page,
    }) => {
      await page.addInitScript((chosen) => {
        localStorage.setItem('reader-locale', chosen);
      }, locale);
      await page.setViewportSize(viewport);
      await page.goto('/');
      await expect(page.locator('.card').first()).toBeVisible();

      const cards = await page.locator('.card').evaluateAll((elements) =>
        elements.flatMap((card): CardBoxes[] => {
          const photo = card.querySelector('.card__image');
          const headline = card.querySelector('.card__title');
          const text = card.querySelector('.card__text');
          const dateRow = card.querySelector('.card__date');
          if (!photo || !headline || !text || !dateRow) return [];
          return [
            {
              title: headline.textContent ?? '',
              dir: getComputedStyle(card).direction,
              isPicture: photo.parentElement?.localName === 'picture',
              card: card.getBoundingClientRect().toJSON() as DOMRect,
              headline: headline.getBoundingClientRect().toJSON() as DOMRect,
              text: text.getBoundingClientRect().toJSON() as DOMRect,
              photo: photo.getBoundingClientRect().toJSON() as DOMRect,
              // Where the row's contents are, not its box (a block as wide as the card).
              dateRow: {
                left: Math.min(
                  ...[...dateRow.children].map((child) => child.getBoundingClientRect().left),
                ),
                right: Math.max(
                  ...[...dateRow.children].map((child) => child.getBoundingClientRect().right),
                ),
              },
            },
          ];
        }),
      );

      // The bundled content has at least one raster photo on the first page.
      expect(cards.filter((card) => card.isPicture).length).toBeGreaterThan(0);
      expect(new Set(cards.map((card) => card.dir)), 'cards in both directions').toEqual(
        new Set(['ltr', 'rtl']),
      );
      for (const { title, dir, card, headline, text, photo, dateRow } of cards) {
        // Shown, at its own aspect ratio's size, not squeezed to nothing.
        expect(photo.width, title).toBeGreaterThan(60);
        expect(photo.height, title).toBeGreaterThan(30);
        // In the card's first row: its top level with the text's, above the headline's end...
        expect(photo.top, title).toBeGreaterThanOrEqual(card.top);
        expect(Math.abs(photo.top - text.top), title).toBeLessThan(4);
        expect(photo.top, title).toBeLessThan(headline.bottom);
        expect(photo.bottom, title).toBeLessThanOrEqual(card.bottom + 1);
        // ...and beside the text, at the card's inline end, never under or over it.
        if (dir === 'rtl') expect(photo.right, title).toBeLessThanOrEqual(text.left);
        else expect(photo.left, title).toBeGreaterThanOrEqual(text.right);
        // The date and Save start where the card's text starts, though their labels may run
        // the other way (English labels on an Arabic card, Arabic ones on an English card).
        if (dir === 'rtl') expect(Math.abs(dateRow.right - text.right), title).toBeLessThan(1);
        else expect(Math.abs(dateRow.left - text.left), title).toBeLessThan(1);
      }
    });
  }
}
