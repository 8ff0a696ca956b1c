import { describe, expect, it } from 'vitest';
import { filesShowing, listFiles, listLayout, pageOf, pageRange } from './list-pages.ts';

const P = 3;

/** A newest-first list of `total` articles named by their place from the oldest: a1 is the oldest. */
function files(total: number): Map<number | 'front', { articles: string[] } & Record<string, unknown>> {
  const summaryAt = (index: number) => JSON.stringify(`a${total - index}`);
  return new Map(
    [...listFiles(total, P, summaryAt)].map(([page, json]) => [
      page,
      JSON.parse(json) as { articles: string[] } & Record<string, unknown>,
    ]),
  );
}

const names = (from: number, to: number) => {
  const shown: string[] = [];
  for (let at = to; at >= from; at--) shown.push(`a${at}`);
  return shown;
};

describe('list pages, counted from the oldest article', () => {
  for (let total = 0; total <= 3 * P + 1; total++) {
    it(`cuts ${total} articles into full pages, an open page and a front`, () => {
      const full = Math.floor(total / P);
      const open = total - full * P;
      const list = files(total);
      // Pages 1..full, the open page, the front; nothing else.
      expect([...list.keys()]).toEqual([
        ...Array.from({ length: full + 1 }, (_, at) => at + 1),
        'front',
      ]);
      for (let page = 1; page <= full; page++) {
        expect(list.get(page)).toEqual({
          page,
          pageSize: P,
          articles: names((page - 1) * P + 1, page * P),
        });
      }
      expect(list.get(full + 1)?.articles).toEqual(names(full * P + 1, total));
      expect(list.get('front')).toEqual({
        total,
        pageSize: P,
        openPage: full + 1,
        olderPage: Math.max(0, full - 1),
        // The open page's articles, then the last full page's.
        articles: names(Math.max(1, (full - 1) * P + 1), total),
      });
      const frontCount = list.get('front')?.articles.length ?? 0;
      expect(frontCount).toBe(total < P ? total : open + P);
      expect(listLayout(total, P)).toMatchObject({ full, open: full + 1, frontCount });
      // Every article is on the page pageOf names, inside pageRange.
      for (let index = 0; index < total; index++) {
        const page = pageOf(total, P, index);
        const [start, end] = pageRange(total, P, page);
        expect(index >= start && index < end, `index ${index}`).toBe(true);
        expect(list.get(page)?.articles).toContain(`a${total - index}`);
      }
    });

    it(`changes only the front, the open page and a newly opened one from ${total} to ${total + 1}`, () => {
      const before = files(total);
      const after = files(total + 1);
      const changed = [...after.keys()].filter(
        (key) => JSON.stringify(before.get(key)) !== JSON.stringify(after.get(key)),
      );
      const open = Math.floor(total / P) + 1;
      const fills = (total + 1) % P === 0;
      expect(changed).toEqual([open, ...(fills ? [open + 1] : []), 'front']);
      // The newest article (index 0) is shown by exactly those, but the page it lands on.
      expect([...filesShowing(total + 1, P, [0])].sort()).toEqual([open, 'front'].sort());
    });
  }
});
