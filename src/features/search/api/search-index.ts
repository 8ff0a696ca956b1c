/**
 * The browser's half of the search index (the build's half is scripts/search/search-index.ts):
 * which articles match a query, newest first. A query costs the manifest, one term file
 * per word, a postings file for each common word, and one docs file per thousand ranks
 * shown; every file goes through the query cache, so a refined query fetches only what is
 * new. Nothing here loads before the reader searches.
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
  type SearchManifest,
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

/** The ranks of the articles that hold a word (or, from three letters on, a word it begins). */
async function ranksOf(
  queryClient: QueryClient,
  manifest: SearchManifest,
  word: string,
): Promise<Int32Array> {
  const key = termKey(word);
  if (!manifest.keys.includes(key)) return new Int32Array();
  const terms = await queryClient.query(indexFile(searchIndexPaths.terms(key), TermFileSchema));
  const matching =
    word.length < PREFIX_MIN_LENGTH
      ? Object.keys(terms).filter((term) => term === word)
      : Object.keys(terms)
          .filter((term) => term.startsWith(word))
          .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
          .slice(0, MAX_EXPANSIONS);
  const lists = await Promise.all(
    matching.map(async (term) => {
      const entry = terms[term] ?? [];
      if (typeof entry !== 'number') return ranksFromGaps(entry);
      const file = searchIndexPaths.postings(key, entry);
      return ranksFromGaps(await queryClient.query(indexFile(file, RankListSchema)));
    }),
  );
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
function monthFilter(manifest: SearchManifest, from: string, to: string) {
  if (from === '' && to === '') return undefined;
  const inRange = new Uint8Array(manifest.articles);
  let rank = 0;
  for (const [month, length] of manifest.months) {
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
): Promise<{ manifest: SearchManifest; ranks: Int32Array }> {
  const manifest = await queryClient.query(manifestFile());
  const unique = [...new Set(words)].slice(0, MAX_QUERY_TERMS);
  const lists = await Promise.all(unique.map((word) => ranksOf(queryClient, manifest, word)));
  if (filters.section !== '') {
    lists.push(
      manifest.sections.includes(filters.section)
        ? ranksFromGaps(
            await queryClient.query(
              indexFile(searchIndexPaths.section(filters.section), RankListSchema),
            ),
          )
        : new Int32Array(),
    );
  }
  let ranks = unique.length === 0 ? new Int32Array() : intersect(lists);
  const inMonths = monthFilter(manifest, filters.from, filters.to);
  if (inMonths) ranks = ranks.filter(inMonths);
  return { manifest, ranks };
}

/** The slugs of `ranks`, from the docs files that hold them. */
export async function slugsOf(
  queryClient: QueryClient,
  manifest: SearchManifest,
  ranks: ArrayLike<number>,
): Promise<string[]> {
  const files = [...new Set(Array.from(ranks, (rank) => Math.floor(rank / manifest.docsPerFile)))];
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
  return Array.from(ranks, (rank) => {
    const slug = docs.get(Math.floor(rank / manifest.docsPerFile))?.[rank % manifest.docsPerFile];
    if (slug === undefined) throw new Error(`search index: no article at rank ${rank}`);
    return slug;
  });
}

/**
 * Fetches what a query for `text` will need first, while the reader is still typing: the
 * manifest, and the term file of each word so far (a word's first two letters pick it).
 */
export function preloadSearchIndex(queryClient: QueryClient, text: string): void {
  void (async () => {
    const manifest = await queryClient.query(manifestFile());
    const keys = new Set(searchTerms(text).map(termKey));
    await Promise.all(
      [...keys]
        .filter((key) => manifest.keys.includes(key))
        .map((key) => queryClient.query(indexFile(searchIndexPaths.terms(key), TermFileSchema))),
    );
  })().catch(() => undefined);
}
