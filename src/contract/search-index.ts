/**
 * The search index's files: written by the build (scripts/search/search-index.ts), read by
 * the browser (src/features/search/api/search-index.ts). Both sides import these schemas
 * and paths, so they cannot drift. Decision 005 explains the shape; decision 020 the recent
 * segment, which takes a published, edited or removed article in without touching the rest.
 *
 * Articles are numbered by rank, newest first (0 is the newest), so a list of ranks in
 * ascending order is a list of results in the order a reader wants them. Rank lists are
 * stored as gaps (the first rank, then the difference to each next one): small numbers,
 * which gzip well.
 */
import * as v from 'valibot';

/** Bumped when the files change shape; the browser refuses an index it cannot read. */
export const SEARCH_INDEX_FORMAT = 2;

/** The folder of the JSON API that holds the index: it travels with the articles. */
export const SEARCH_INDEX_DIR = 'search';

/** Terms are filed by their first two letters. */
export const TERM_KEY_LENGTH = 2;

/** Words shorter than this match whole words only; longer ones match word beginnings. */
export const PREFIX_MIN_LENGTH = 3;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/**
 * A rank list: a plain loop checks its numbers, because a common word's list holds one per
 * article that has it (75,000 of 100,000 for "ceasefire" in the benchmark archive), and
 * checking each through a schema pipeline took ten times as long as parsing the JSON.
 */
const gaps = v.custom<number[]>(
  (input) =>
    Array.isArray(input) &&
    input.every((item) => typeof item === 'number' && Number.isInteger(item) && item >= 0),
  'must be a list of whole numbers from 0 up',
);

export const SearchManifestSchema = v.object({
  format: v.literal(SEARCH_INDEX_FORMAT),
  /**
   * Names this main index (a hash of its other files): the recent segment says which main
   * index it was made for, so a reader never joins a segment to another index's ranks.
   */
  id: v.pipe(v.string(), v.nonEmpty()),
  /** Articles in the index. */
  articles: count,
  /** Ranks per docs file. */
  docsPerFile: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /**
   * The month each rank was published in (as dated, in its own time zone), as runs in rank
   * order: `[month, how many ranks]`. Newest first, so nearly one run per month.
   */
  months: v.array(v.tuple([v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)), count])),
  /** The keys that have a term file: a word under any other key is in no article. */
  keys: v.array(v.string()),
  /** Top-level section slugs that have a rank list in `sections/`. */
  sections: v.array(v.string()),
});
export type SearchManifest = v.InferOutput<typeof SearchManifestSchema>;

/**
 * The terms sharing a key: term -> its ranks as gaps, inline when few, or else the number
 * of the postings file that holds them.
 */
export const TermFileSchema = v.record(v.string(), v.union([gaps, count]));
export type TermFile = v.InferOutput<typeof TermFileSchema>;

/** A rank list, as gaps. */
export const RankListSchema = gaps;

/** The slugs of `docsPerFile` consecutive ranks. */
export const DocsFileSchema = v.array(v.string());

const slug = v.pipe(v.string(), v.nonEmpty());
const month = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/));

/**
 * An article of the recent segment: its slug; how many ranks of the main index come before
 * it (removed ones included), which places it among them; its publication time (ms since
 * 1970, what the build orders by); its month; its top-level section.
 */
export const SegmentDocSchema = v.tuple([slug, count, v.number(), month, v.string()]);
export type SegmentDoc = v.InferOutput<typeof SegmentDocSchema>;

/**
 * The recent segment: the articles published or edited since the main index was built,
 * in one small file, rewritten on every publish while the main index's files stay as they
 * are. Read beside the main index, the two answer a query as one index built afresh would.
 */
export const SearchSegmentSchema = v.object({
  format: v.literal(SEARCH_INDEX_FORMAT),
  /** The `id` of the main index this segment adds to. */
  main: v.pipe(v.string(), v.nonEmpty()),
  /** Ranks of the main index that no longer count (removed, or newer here), as gaps. */
  gone: gaps,
  /** The segment's articles, newest first, as a fresh build would rank them. */
  docs: v.array(SegmentDocSchema),
  /** Term -> the numbers of the segment's articles that hold it (places in `docs`), as gaps. */
  terms: v.record(v.string(), gaps),
});
export type SearchSegment = v.InferOutput<typeof SearchSegmentSchema>;

/**
 * The time of each rank of the main index, for the build alone (the browser never asks for
 * it): the newest time in ms, then each next rank's distance back in time. A publish reads
 * it to place a new article among the main index's ranks.
 */
export const RankTimesSchema = v.array(v.number());

/** A term's key: its first letters, spelled so any host serves the file name as is. */
export function termKey(term: string): string {
  return Array.from(term)
    .slice(0, TERM_KEY_LENGTH)
    .map((char) => (/^[a-z0-9]$/.test(char) ? char : `_${(char.codePointAt(0) ?? 0).toString(16)}`))
    .join('');
}

/** File paths inside the index folder. */
export const searchIndexPaths = {
  manifest: () => 'index.json',
  terms: (key: string) => `terms/${key}.json`,
  postings: (key: string, file: number) => `postings/${key}/${file}.json`,
  docs: (file: number) => `docs/${file}.json`,
  section: (slug: string) => `sections/${slug}.json`,
  segment: () => 'recent.json',
  times: () => 'times.json',
};

/** A file of the index, by its path under the API's base URL. */
export const searchApiPath = (file: string) => `${SEARCH_INDEX_DIR}/${file}`;

/** Gaps back to ranks. */
export function ranksFromGaps(list: readonly number[]): Int32Array {
  const ranks = new Int32Array(list.length);
  let rank = 0;
  for (let index = 0; index < list.length; index++) {
    rank += list[index] ?? 0;
    ranks[index] = rank;
  }
  return ranks;
}

/** Ascending ranks to gaps. */
export function gapsFromRanks(ranks: ArrayLike<number>): number[] {
  const list = new Array<number>(ranks.length);
  let previous = 0;
  for (let index = 0; index < ranks.length; index++) {
    const rank = ranks[index] ?? 0;
    list[index] = rank - previous;
    previous = rank;
  }
  return list;
}

/** Lists of ranks end to end, in one array. */
export function concatRanks(lists: readonly Int32Array[]): Int32Array {
  const all = new Int32Array(lists.reduce((total, list) => total + list.length, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  return all;
}
