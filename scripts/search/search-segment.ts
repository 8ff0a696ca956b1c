/**
 * The recent segment of the search index (decision 020): the articles published or edited
 * since the main index was built, and the main index's ranks that no longer count, in one
 * small file. A publish rewrites this file alone; the main index's files stay as they are
 * until the segment is folded into it.
 */
import {
  gapsFromRanks,
  ranksFromGaps,
  SEARCH_INDEX_FORMAT,
  type SearchSegment,
  type SegmentDoc,
} from '../../src/contract/search-index.ts';

/** An article as the index ranks it. */
export type Doc = { slug: string; time: number; month: string; section: string };

/** Ranks newest first; articles of the same moment by slug, so that builds agree. */
export function compareDocs(a: Pick<Doc, 'slug' | 'time'>, b: Pick<Doc, 'slug' | 'time'>): number {
  return b.time - a.time || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** An article of the segment, with the terms it holds. */
export type SegmentEntry = Doc & {
  /** How many ranks of the main index come before it, removed ones included. */
  at: number;
  terms: string[];
};

/** A segment file back to its articles, each with its own terms. */
export function segmentEntries(segment: SearchSegment): SegmentEntry[] {
  const entries = segment.docs.map(([slug, at, time, month, section]): SegmentEntry => ({
    slug,
    at,
    time,
    month,
    section,
    terms: [],
  }));
  for (const [term, list] of Object.entries(segment.terms)) {
    for (const doc of ranksFromGaps(list)) {
      const entry = entries[doc];
      if (entry === undefined) throw new Error(`the term "${term}" names no article ${doc}`);
      entry.terms.push(term);
    }
  }
  return entries;
}

/**
 * The segment file for these articles and removed ranks: articles ranked as a fresh build
 * ranks them (newest first, then by slug), terms and their lists in a fixed order, so the
 * same changes always write the same bytes.
 */
export function makeSegment(
  main: string,
  gone: Iterable<number>,
  entries: readonly SegmentEntry[],
): SearchSegment {
  const ranked = [...entries].sort(compareDocs);
  const byTerm = new Map<string, number[]>();
  ranked.forEach((entry, doc) => {
    for (const term of entry.terms) {
      const list = byTerm.get(term);
      if (list === undefined) byTerm.set(term, [doc]);
      else list.push(doc);
    }
  });
  const terms: SearchSegment['terms'] = {};
  for (const term of [...byTerm.keys()].sort()) {
    terms[term] = gapsFromRanks(byTerm.get(term) ?? []);
  }
  return {
    format: SEARCH_INDEX_FORMAT,
    main,
    gone: gapsFromRanks([...new Set(gone)].sort((a, b) => a - b)),
    docs: ranked.map((entry): SegmentDoc => [
      entry.slug,
      entry.at,
      entry.time,
      entry.month,
      entry.section,
    ]),
    terms,
  };
}

/**
 * Where an article goes among the main index's ranks: how many of them a fresh build would
 * rank before it. `slugAt` and `timeAt` give a rank's article; the ranks are in that order.
 */
export function placeAmong(
  count: number,
  slugAt: (rank: number) => string,
  timeAt: (rank: number) => number,
  doc: Pick<Doc, 'slug' | 'time'>,
): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const before = compareDocs(doc, { slug: slugAt(middle), time: timeAt(middle) }) > 0;
    if (before) low = middle + 1;
    else high = middle;
  }
  return low;
}
