/**
 * The browser's half of the search index (the build's half is scripts/search/search-index.ts):
 * which articles match a query, newest first. A query costs the manifest, the recent
 * segment, one term file per word, a postings file for each common word, and one docs file
 * per thousand ranks shown; every file goes through the query cache, so a refined query
 * fetches only what is new. Nothing here loads before the reader searches.
 *
 * The main index and the recent segment (decision 020) are read as one: each rank of the
 * main index and each article of the segment has a place in one joined ranking, the one a
 * fresh build of the whole index would give, and the main index's ranks that no longer
 * count (removed articles, and older versions of articles in the segment) have none.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type * as v from 'valibot';
import {
  concatRanks,
  DocsFileSchema,
  PREFIX_MIN_LENGTH,
  RankListSchema,
  ranksFromGaps,
  searchApiPath,
  SearchManifestSchema,
  searchIndexPaths,
  termKey,
  TermFileSchema,
  SearchSegmentSchema,
  type SearchManifest,
  type SearchSegment,
} from '../../../contract/search-index.ts';
import { getJson } from '../../../lib/api-client.ts';
import { searchTerms } from '../lib/fold-text.ts';

/** A word that begins this many terms matches the first ones (shortest first) only. */
export const MAX_EXPANSIONS = 64;

/** Words of a query after the eighth are not looked up. */
export const MAX_QUERY_TERMS = 8;

export type SearchFilters = { section: string; from: string; to: string };

/** One file of the index, from the JSON API; fresh until the page closes or content changes. */
function indexFile<TSchema extends v.GenericSchema>(file: string, schema: TSchema) {
  // The file's path says which schema it has.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ['search', 'index', file] as const,
    queryFn: ({ signal }): Promise<v.InferOutput<TSchema>> =>
      getJson(searchApiPath(file), schema, { signal }),
    staleTime: Infinity,
  });
}

/** The index's manifest: how many articles, their months, which term files exist. */
export function manifestFile() {
  return indexFile(searchIndexPaths.manifest(), SearchManifestSchema);
}

/** The recent segment: articles published since the main index was built, and those gone. */
export function segmentFile() {
  return indexFile(searchIndexPaths.segment(), SearchSegmentSchema);
}

/** The main index and the recent segment, as one ranking. */
export type JoinedIndex = {
  manifest: SearchManifest;
  segment: SearchSegment;
  /** Articles in the joined ranking. */
  articles: number;
  /** The month of each joined rank, as runs: `[month, how many ranks]`. */
  months: SearchManifest['months'];
  /** Main rank -> joined rank, or -1 for a rank that no longer counts. */
  fromMain: Int32Array;
  /** Article of the segment -> joined rank. */
  fromSegment: Int32Array;
  /** Joined rank -> main rank (0 and up), or -1 - the segment's article. */
  source: Int32Array;
};

const segmentPath = searchApiPath(searchIndexPaths.segment());

/**
 * Places every article of the main index and of the segment in one ranking: an article of
 * the segment comes before the main rank its `at` names. Throws, naming the segment's file,
 * when the segment does not fit its main index.
 */
export function joinIndex(manifest: SearchManifest, segment: SearchSegment): JoinedIndex {
  const count = manifest.articles;
  const broken = (what: string) => new Error(`search index: ${segmentPath} ${what}`);
  const gone = new Uint8Array(count);
  let goneCount = 0;
  for (const rank of ranksFromGaps(segment.gone)) {
    if (rank >= count) throw broken(`removes rank ${rank} of ${count}`);
    if (gone[rank] === 0) goneCount++;
    gone[rank] = 1;
  }
  const docs = segment.docs;
  const articles = count - goneCount + docs.length;
  const fromMain = new Int32Array(count);
  const fromSegment = new Int32Array(docs.length);
  const source = new Int32Array(articles);
  const months: SearchManifest['months'] = [];
  const addMonth = (month: string) => {
    const run = months.at(-1);
    if (run?.[0] === month) run[1]++;
    else months.push([month, 1]);
  };
  let joined = 0;
  let doc = 0;
  let run = 0;
  let runEnd = manifest.months[0]?.[1] ?? 0;
  for (let rank = 0; rank <= count; rank++) {
    for (let next = docs[doc]; next !== undefined && next[1] <= rank; next = docs[doc]) {
      if (next[1] < (docs[doc - 1]?.[1] ?? 0)) throw broken(`is out of order at ${next[0]}`);
      fromSegment[doc] = joined;
      source[joined++] = -1 - doc++;
      addMonth(next[3]);
    }
    if (rank === count) break;
    while (rank >= runEnd && run < manifest.months.length - 1) {
      run++;
      runEnd += manifest.months[run]?.[1] ?? 0;
    }
    if (gone[rank] === 1) {
      fromMain[rank] = -1;
      continue;
    }
    fromMain[rank] = joined;
    source[joined++] = rank;
    addMonth(manifest.months[run]?.[0] ?? '');
  }
  if (doc < docs.length) throw broken(`places ${docs[doc]?.[0] ?? ''} after rank ${count}`);
  return { manifest, segment, articles, months, fromMain, fromSegment, source };
}

/** Joining is done once per pair of files the cache holds. */
const joinedIndexes = new WeakMap<SearchSegment, JoinedIndex>();

/**
 * The index as one ranking. A segment made for another main index (one of the two was
 * published after the other was fetched) sends both to be fetched again, once.
 */
export async function loadIndex(queryClient: QueryClient, isRetry = false): Promise<JoinedIndex> {
  const [manifest, segment] = await Promise.all([
    queryClient.query(manifestFile()),
    queryClient.query(segmentFile()),
  ]);
  const known = joinedIndexes.get(segment);
  if (known?.manifest === manifest) return known;
  if (segment.main !== manifest.id) {
    queryClient.removeQueries({ queryKey: manifestFile().queryKey, exact: true });
    queryClient.removeQueries({ queryKey: segmentFile().queryKey, exact: true });
    if (isRetry) {
      throw new Error(
        `search index: ${segmentPath} was made for another index than ${searchApiPath(searchIndexPaths.manifest())}`,
      );
    }
    return loadIndex(queryClient, true);
  }
  const index = joinIndex(manifest, segment);
  joinedIndexes.set(segment, index);
  return index;
}

/** Main ranks to joined ranks, those that no longer count left out: ascending stays ascending. */
function joinMain(index: JoinedIndex, ranks: Int32Array): Int32Array {
  const joined = new Int32Array(ranks.length);
  let length = 0;
  for (const rank of ranks) {
    const place = index.fromMain[rank] ?? -1;
    if (place >= 0) joined[length++] = place;
  }
  return joined.subarray(0, length);
}

/** Ranks in either of two ascending lists that share none, ascending. */
function mergeRanks(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const all = new Int32Array(a.length + b.length);
  let at = 0;
  let bt = 0;
  for (let index = 0; index < all.length; index++) {
    all[index] =
      bt >= b.length || (at < a.length && (a[at] ?? 0) < (b[bt] ?? 0))
        ? (a[at++] ?? 0)
        : (b[bt++] ?? 0);
  }
  return all;
}

/**
 * The joined ranks of the articles that hold a word (or, from three letters on, a word it
 * begins). A prefix expands to the shortest terms that some article still holds, as a fresh
 * build would have only those.
 */
async function ranksOf(
  queryClient: QueryClient,
  index: JoinedIndex,
  word: string,
): Promise<Int32Array> {
  const key = termKey(word);
  const terms = index.manifest.keys.includes(key)
    ? await queryClient.query(indexFile(searchIndexPaths.terms(key), TermFileSchema))
    : {};
  const matches = (term: string) =>
    word.length < PREFIX_MIN_LENGTH ? term === word : term.startsWith(word);
  const candidates = [
    ...new Set([
      ...Object.keys(terms).filter(matches),
      ...Object.keys(index.segment.terms).filter(matches),
    ]),
  ].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const listOf = async (term: string) => {
    const entry = terms[term] ?? [];
    const main =
      typeof entry !== 'number'
        ? ranksFromGaps(entry)
        : ranksFromGaps(
            await queryClient.query(
              indexFile(searchIndexPaths.postings(key, entry), RankListSchema),
            ),
          );
    const recent = ranksFromGaps(index.segment.terms[term] ?? []).map(
      (doc) => index.fromSegment[doc] ?? 0,
    );
    return mergeRanks(joinMain(index, main), recent);
  };
  const lists: Int32Array[] = [];
  for (let next = 0; lists.length < MAX_EXPANSIONS && next < candidates.length;) {
    const batch = candidates.slice(next, next + MAX_EXPANSIONS - lists.length);
    next += batch.length;
    for (const list of await Promise.all(batch.map(listOf))) {
      if (list.length > 0) lists.push(list);
    }
  }
  return lists.length === 1 ? (lists[0] ?? new Int32Array()) : union(lists);
}
function union(lists: Int32Array[]): Int32Array {
  const all = concatRanks(lists).sort();
  let unique = 0;
  for (let index = 0; index < all.length; index++) {
    if (index === 0 || all[index] !== all[unique - 1]) all[unique++] = all[index] ?? 0;
  }
  return all.slice(0, unique);
}

/** Ranks in every list (each ascending), ascending. */
function intersect(lists: Int32Array[]): Int32Array {
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  if (first === undefined) return new Int32Array();
  let common = first;
  for (const list of rest) {
    const kept = new Int32Array(common.length);
    let length = 0;
    let at = 0;
    for (const rank of common) {
      while (at < list.length && (list[at] ?? 0) < rank) at++;
      if (list[at] === rank) kept[length++] = rank;
    }
    common = kept.subarray(0, length);
  }
  return common;
}

/** Ranks published from `from` to `to` (months, either may be empty for open-ended). */
function monthFilter(index: JoinedIndex, from: string, to: string) {
  if (from === '' && to === '') return undefined;
  const inRange = new Uint8Array(index.articles);
  let rank = 0;
  for (const [month, length] of index.months) {
    if ((from === '' || month >= from) && (to === '' || month <= to))
      inRange.fill(1, rank, rank + length);
    rank += length;
  }
  return (candidate: number) => inRange[candidate] === 1;
}

/** The ranks that match every word of `words` (folded) and the filters, newest first. */
export async function matchingRanks(
  queryClient: QueryClient,
  words: string[],
  filters: SearchFilters,
): Promise<{ index: JoinedIndex; ranks: Int32Array }> {
  const index = await loadIndex(queryClient);
  const unique = [...new Set(words)].slice(0, MAX_QUERY_TERMS);
  const lists = await Promise.all(unique.map((word) => ranksOf(queryClient, index, word)));
  if (filters.section !== '') {
    const main = index.manifest.sections.includes(filters.section)
      ? ranksFromGaps(
          await queryClient.query(
            indexFile(searchIndexPaths.section(filters.section), RankListSchema),
          ),
        )
      : new Int32Array();
    const recent = index.segment.docs.flatMap((doc, at) =>
      doc[4] === filters.section ? [index.fromSegment[at] ?? 0] : [],
    );
    lists.push(mergeRanks(joinMain(index, main), Int32Array.from(recent)));
  }
  let ranks = unique.length === 0 ? new Int32Array() : intersect(lists);
  const inMonths = monthFilter(index, filters.from, filters.to);
  if (inMonths) ranks = ranks.filter(inMonths);
  return { index, ranks };
}

/** The slugs of joined `ranks`: from the segment, or from the docs files that hold them. */
export async function slugsOf(
  queryClient: QueryClient,
  index: JoinedIndex,
  ranks: ArrayLike<number>,
): Promise<string[]> {
  const { manifest, segment } = index;
  const sources = Array.from(ranks, (rank) => index.source[rank] ?? -1);
  const files = [
    ...new Set(
      sources.filter((main) => main >= 0).map((main) => Math.floor(main / manifest.docsPerFile)),
    ),
  ];
  const docs = new Map(
    await Promise.all(
      files.map(
        async (file) =>
          [
            file,
            await queryClient.query(indexFile(searchIndexPaths.docs(file), DocsFileSchema)),
          ] as const,
      ),
    ),
  );
  return sources.map((main, at) => {
    const slug =
      main >= 0
        ? docs.get(Math.floor(main / manifest.docsPerFile))?.[main % manifest.docsPerFile]
        : segment.docs[-1 - main]?.[0];
    if (slug === undefined) throw new Error(`search index: no article at rank ${ranks[at]}`);
    return slug;
  });
}

/**
 * Fetches what a query for `text` will need first, while the reader is still typing: the
 * manifest and the recent segment, and the term file of each word so far (a word's first two letters pick it).
 */
export function preloadSearchIndex(queryClient: QueryClient, text: string): void {
  void (async () => {
    const { manifest } = await loadIndex(queryClient);
    const keys = new Set(searchTerms(text).map(termKey));
    await Promise.all(
      [...keys]
        .filter((key) => manifest.keys.includes(key))
        .map((key) => queryClient.query(indexFile(searchIndexPaths.terms(key), TermFileSchema))),
    );
  })().catch(() => undefined);
}
