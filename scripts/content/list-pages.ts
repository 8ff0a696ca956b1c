/**
 * How a list (the latest articles, a section, tag or author) is cut into pages, counted from
 * its oldest article (decision 019). With P articles a page and T in the list, page n holds
 * the articles at oldest-first places [(n-1)P, nP). Pages 1..F (F = floor(T/P)) are full and
 * never change again; the open page F+1 holds the newest T - F·P (0 to P-1). The front, at
 * the list's own URL, shows the open page and then page F. A new article changes the front
 * and the open page, and when the open page fills, opens the next one.
 *
 * Lists are held newest first (index 0 the newest), so the ranges below are of that order.
 * An article taken down keeps its place (decision 025): its summary is '' and the page that
 * held it shows one article fewer, so no other page moves.
 */

export type ListLayout = {
  /** Full pages: 1..full. */
  full: number;
  /** The open page, full + 1: the newest articles, fewer than a page (maybe none). */
  open: number;
  /** The newest page the front does not show (where its "Older" goes); 0 for none. */
  older: number;
  /** How many of the newest articles the front shows. */
  frontCount: number;
};

export function listLayout(total: number, pageSize: number): ListLayout {
  const full = Math.floor(total / pageSize);
  const openCount = total - full * pageSize;
  return {
    full,
    open: full + 1,
    older: Math.max(0, full - 1),
    frontCount: openCount + (full > 0 ? pageSize : 0),
  };
}

/** Page `page`'s articles, as a [start, end) range of the newest-first list. */
export function pageRange(total: number, pageSize: number, page: number): [number, number] {
  return [Math.max(0, total - page * pageSize), Math.max(0, total - (page - 1) * pageSize)];
}

/** The page the article at `index` (newest first) is on. */
export function pageOf(total: number, pageSize: number, index: number): number {
  return Math.floor((total - 1 - index) / pageSize) + 1;
}

/** One page of a list as JSON text, from its own summaries' JSON (newest first). */
export function pageJson(page: number, pageSize: number, summaries: string[]): string {
  return `{"page":${page},"pageSize":${pageSize},"articles":[${summaries.join(',')}]}`;
}

/**
 * A list's front as JSON text, from the summaries' JSON of its newest `frontCount` articles;
 * `shown` is how many of the list's `total` places still hold an article.
 */
export function frontJson(total: number, pageSize: number, summaries: string[], shown = total): string {
  const { open, older } = listLayout(total, pageSize);
  return `{"total":${shown},"pageSize":${pageSize},"openPage":${open},"olderPage":${older},"articles":[${summaries.join(',')}]}`;
}

/**
 * Every file of a list, as [page or 'front', JSON text], from a newest-first list of `total`
 * and the summary JSON of the article at each index. Pages come oldest first, the front last.
 */
export function* listFiles(
  total: number,
  pageSize: number,
  summaryAt: (index: number) => string,
  /** Only these pages (and the front, when 'front' is among them); default all. */
  only?: ReadonlySet<number | 'front'>,
  /** How many places hold an article (the rest were taken down); default all. */
  shown = total,
): Generator<[number | 'front', string]> {
  const { open, frontCount } = listLayout(total, pageSize);
  const summaries = (start: number, end: number) => {
    const found: string[] = [];
    for (let index = start; index < end; index++) {
      const summary = summaryAt(index);
      if (summary !== '') found.push(summary);
    }
    return found;
  };
  for (let page = 1; page <= open; page++) {
    if (only !== undefined && !only.has(page)) continue;
    yield [page, pageJson(page, pageSize, summaries(...pageRange(total, pageSize, page)))];
  }
  if (only === undefined || only.has('front')) {
    yield ['front', frontJson(total, pageSize, summaries(0, frontCount), shown)];
  }
}

/** The files of a list that show the articles at these (newest-first) indexes. */
export function filesShowing(
  total: number,
  pageSize: number,
  indexes: Iterable<number>,
): Set<number | 'front'> {
  const { frontCount } = listLayout(total, pageSize);
  const files = new Set<number | 'front'>();
  for (const index of indexes) {
    files.add(pageOf(total, pageSize, index));
    if (index < frontCount) files.add('front');
  }
  return files;
}
